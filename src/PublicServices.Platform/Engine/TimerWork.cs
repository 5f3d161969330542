using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Fires due bookmarks: a timer completes its wait ("done"), an open form past its due time or window expires
/// ("expired"). Each firing is one transaction; a bookmark already answered (by another node, or the applicant at the
/// last second) is simply gone, so a timer fires once. A crash after the claim leaves the lease to expire; then the
/// timer is fired by whichever node claims it next.
/// </summary>
public sealed class TimerWork(IServiceScopeFactory scopes, LeaseClaims claims, TimeProvider clock, WorkerOptions options, ILogger<TimerWork> logger)
    : IBackgroundWork
{
    public string Name => "timers";

    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await claims.ClaimDueBookmarksAsync(db, owner, clock.GetUtcNow().UtcDateTime, options.Lease, options.BatchSize, cancellationToken);
        }
        foreach (var id in due)
            await FireAsync(id, owner, cancellationToken);
        return due.Count;
    }

    private async Task FireAsync(Guid bookmarkId, string owner, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bookmark = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        if (bookmark is null || bookmark.LeaseOwner != owner)
            return;
        var outcome = bookmark.Kind == BookmarkKinds.Timer ? "done" : "expired";
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                .ResumeAsync(new Stimulus(bookmark.Id, bookmark.Kind, outcome, "system"), cancellationToken);
            if (result.Refused)
            {
                logger.LogWarning("Timer {Bookmark} refused: {Reason}", bookmarkId, result.Refusal!.Message);
                return;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else resumed this instance first; the bookmark is either gone or will be claimed again.
            logger.LogInformation("Timer {Bookmark} lost a race with another change of its instance", bookmarkId);
        }
    }
}
