using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dossiers;

/// <summary>The portal whose SQLite log syncs wait for the test's word before they run (then really sync).</summary>
public sealed class HeldLogSyncPortalFactory : PortalFactory
{
    public ManualResetEventSlim SyncAllowed { get; } = new(initialState: true);

    /// <summary>Released each time a sync of the log begins.</summary>
    public SemaphoreSlim SyncsBegun { get; } = new(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(provider => new SqliteLogSyncer(
            SqliteLogSyncer.LogOf(provider.GetRequiredService<DatabaseOptions>())!, sync: log =>
            {
                SyncsBegun.Release();
                SyncAllowed.Wait();
                SqliteLogSyncer.SyncLogFile(log);
            })));
    }
}

/// <summary>
/// Submissions commit without waiting for the disk, so that the next group is written during the sync
/// (<see cref="SqliteLogSyncer"/>) — but the applicant is told the dossier was received only once it is on disk.
/// </summary>
public sealed class DurableAnswerTests(HeldLogSyncPortalFactory portal) : IClassFixture<HeldLogSyncPortalFactory>
{
    [Fact]
    public async Task A_submission_is_answered_only_after_the_log_holding_it_is_synced()
    {
        var api = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        string applicant;
        using (var scope = portal.Services.CreateScope())
            applicant = scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Single(u => u.Email == "tran.binh@example.com").Id;
        int Dossiers()
        {
            using var scope = portal.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.Count(d => d.ApplicantId == applicant);
        }
        var before = Dossiers();

        while (portal.SyncsBegun.Wait(0))
        {
        }
        portal.SyncAllowed.Reset();
        var submitting = TestDossiers.SubmitViaApiAsync(api, "Lê Thị Bền");
        Assert.True(await portal.SyncsBegun.WaitAsync(TimeSpan.FromSeconds(10)), "no sync of the log for the submission");
        Assert.Equal(before + 1, Dossiers()); // committed, and readable, before its sync
        Assert.False(submitting.IsCompleted, "answered before its commit was on disk");

        portal.SyncAllowed.Set();
        var code = await submitting.WaitAsync(TimeSpan.FromSeconds(10));
        await using var check = portal.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AnyAsync(d => d.Code == code));
    }
}
