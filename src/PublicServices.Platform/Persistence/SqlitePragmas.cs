using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Sets a relaxed SQLite <c>synchronous</c> level on every new connection, when configured (FULL, the default, needs
/// nothing: every commit is on disk before it is acknowledged).
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={synchronous};";
        command.ExecuteNonQuery();
    }
}
