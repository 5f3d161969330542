using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>The exam portal whose writer paces its groups by a clock the test moves, which counts the waits it is asked for.</summary>
public sealed class PacedExamPortalFactory : ExamPortalFactory
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public PacingClock Pacing { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new SubmissionOptions { GroupInterval = Interval, PacingClock = Pacing }));
    }

    /// <summary>A fake clock that says when a timer is made on it: the writer waiting for its next group.</summary>
    public sealed class PacingClock() : FakeTimeProvider(DateTimeOffset.UnixEpoch)
    {
        private readonly SemaphoreSlim timers = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            timers.Release();
            return timer;
        }

        /// <summary>Waits for the next timer made (the writer pacing); false if none came within ten seconds.</summary>
        public Task<bool> TimerMadeAsync() => timers.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>
/// The writer takes a group at most every <see cref="SubmissionOptions.GroupInterval"/>: applications arriving sooner
/// wait for the next group together instead of each making a small one, and the group staged ahead during a commit is
/// taken only once it is due.
/// </summary>
public sealed class SubmissionPacingTests(PacedExamPortalFactory portal) : ExamScenario(portal), IClassFixture<PacedExamPortalFactory>
{
    [Fact]
    public async Task Applications_arriving_within_the_interval_wait_and_are_written_in_one_group()
    {
        var (services, scope, drafts) = await DraftsAsync("nhip", 4);
        using var _ = scope;
        var writer = services.GetRequiredService<SubmissionWriter>();
        var pacing = portal.Pacing;
        pacing.Advance(PacedExamPortalFactory.Interval); // whatever the other test left: the first group is due

        var first = await writer.WriteAsync(drafts[0], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(first.Dossier);
        var groups = writer.GroupsWritten;
        var queued = drafts.Skip(1).Select(d => writer.WriteAsync(d, CancellationToken.None)).ToArray();
        Assert.True(await pacing.TimerMadeAsync(), "the writer waits for the interval");
        Assert.All(queued, q => Assert.False(q.IsCompleted));
        Assert.Equal(3, writer.Waiting);

        pacing.Advance(PacedExamPortalFactory.Interval);
        var written = await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(written, w => Assert.NotNull(w.Dossier));
        Assert.Equal(groups + 1, writer.GroupsWritten);
        Assert.Equal(DossierCodes.Following(first.Dossier!.Code, 3), written.Select(w => w.Dossier!.Code).ToArray());
        await DrainAsync();
    }

    [Fact]
    public async Task The_next_group_is_staged_during_a_commit_only_when_it_is_due()
    {
        var (services, scope, drafts) = await DraftsAsync("dan", 6);
        using var _ = scope;
        var writer = services.GetRequiredService<SubmissionWriter>();
        var turns = services.GetRequiredService<WriterTurns>();
        var pacing = portal.Pacing;
        pacing.Advance(PacedExamPortalFactory.Interval); // whatever the other test left: the first group is due

        // One application alone (the writer waits for its turn with it), two more queued meanwhile; when the first group
        // starts its commit, the interval has passed (dueBeforeCommit) or not.
        async Task<SubmissionResult[]> TwoGroupsAsync(SubmissionDraft alone, SubmissionDraft[] after, bool dueBeforeCommit)
        {
            Task<SubmissionResult> first;
            Task<SubmissionResult>[] next;
            using (await turns.TakeAsync())
            {
                first = writer.WriteAsync(alone, CancellationToken.None);
                Assert.True(SpinWait.SpinUntil(() => writer.Waiting == 0, TimeSpan.FromSeconds(10)), "the writer took the first group");
                next = after.Select(d => writer.WriteAsync(d, CancellationToken.None)).ToArray();
                if (dueBeforeCommit)
                    pacing.Advance(PacedExamPortalFactory.Interval);
            }
            if (!dueBeforeCommit)
            {
                Assert.True(await pacing.TimerMadeAsync(), "the writer waits for the interval after the commit");
                Assert.All(next, q => Assert.False(q.IsCompleted));
                pacing.Advance(PacedExamPortalFactory.Interval);
            }
            return await Task.WhenAll(next.Prepend(first)).WaitAsync(TimeSpan.FromSeconds(10));
        }

        var (ahead, groups) = (writer.GroupsStagedAhead, writer.GroupsWritten);
        var notDue = await TwoGroupsAsync(drafts[0], drafts[1..3], dueBeforeCommit: false);
        Assert.Equal(ahead, writer.GroupsStagedAhead); // taken after the commit, when due: staged in its own transaction
        Assert.Equal(groups + 2, writer.GroupsWritten);
        pacing.Advance(PacedExamPortalFactory.Interval);
        var due = await TwoGroupsAsync(drafts[3], drafts[4..6], dueBeforeCommit: true);
        Assert.Equal(ahead + 1, writer.GroupsStagedAhead); // taken at the commit and staged during it
        Assert.Equal(groups + 4, writer.GroupsWritten);
        var codes = notDue.Concat(due).Select(r => r.Dossier!.Code).ToArray();
        Assert.Equal(DossierCodes.Following(codes[0], 5), codes[1..]);
        await DrainAsync();
    }

    /// <summary><paramref name="count"/> valid registrations of as many new candidates, each with their photo uploaded.</summary>
    private async Task<(IServiceProvider, IServiceScope, SubmissionDraft[])> DraftsAsync(string prefix, int count)
    {
        var logins = Enumerable.Range(1, count).Select(i => $"{prefix}.{i}@example.com").ToArray();
        var cccds = Enumerable.Range(1, count).Select(i => $"00120900{(prefix == "nhip" ? 4 : 5)}{i:D3}").ToArray();
        var photos = new List<string>();
        for (var i = 0; i < count; i++)
            photos.Add(await UploadAsync(await ApplicantAsync(logins[i], $"Nguyễn Văn Nhịp {i + 1}", cccds[i]), TestFiles.Png(400, 600), "photo.png"));
        var scope = Portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var drafts = new SubmissionDraft[count];
        for (var i = 0; i < count; i++)
            drafts[i] = SubmissionGroupTests.DraftOf(Portal, services, (await users.FindByEmailAsync(logins[i]))!.Id, $"{prefix}-{i}",
                $"Nguyễn Văn Nhịp {i + 1}", cccds[i], photos[i]);
        return (services, scope, drafts);
    }
}
