using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Web.Tests.Support;

/// <summary>What the portal's workers would do, run by the test when it chooses; and a look into the database.</summary>
public static class PortalWork
{
    /// <summary>Delivers outbox messages (documents, notifications…) until none is due, as the outbox worker would.</summary>
    public static async Task DrainOutboxAsync(this PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
        while (await outbox.ProcessDueAsync("test-node", CancellationToken.None) > 0)
        {
        }
    }

    public static async Task<T> QueryAsync<T>(this PortalFactory portal, Func<AppDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
