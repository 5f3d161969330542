using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Engine;

namespace PublicServices.Platform.Tests.Engine;

public sealed class EngineWorkerTests
{
    /// <summary>A round that handled something is followed by a rest as long as the round took (on the worker's clock),
    /// so a backlog is worked off at about half a core instead of in one burst.</summary>
    [Fact]
    public async Task Should_rest_after_a_busy_round_as_long_as_the_round_took()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var work = new Backlog(clock, TimeSpan.FromSeconds(3));
        await using var services = new ServiceCollection().AddSingleton<IBackgroundWork>(work).BuildServiceProvider();
        using var worker = new EngineWorker(services.GetRequiredService<IServiceScopeFactory>(), new WorkerOptions(), clock, NullLogger<EngineWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await work.First.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Step the clock until the second round starts (each step gives the worker a moment to run if it is due).
        for (var step = 0; step < 20 && !work.Second.Task.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(work.Second.Task, Task.Delay(TimeSpan.FromMilliseconds(200)));
        }
        await worker.StopAsync(CancellationToken.None);

        // Round one: started at 0, took 3 s. Without the rest round two would start at once, at 3 s.
        Assert.True(work.Second.Task.IsCompleted, "no second round");
        Assert.True(await work.Second.Task - start >= TimeSpan.FromSeconds(6), $"second round at {await work.Second.Task - start}");
    }

    /// <summary>Work that has one item the first time, and takes <paramref name="took"/> of the clock to do it.</summary>
    private sealed class Backlog(FakeTimeProvider clock, TimeSpan took) : IBackgroundWork
    {
        private int rounds;
        public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<DateTimeOffset> Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => "backlog";

        public Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
        {
            if (++rounds == 1)
            {
                clock.Advance(took);
                First.SetResult();
                return Task.FromResult(1);
            }
            Second.TrySetResult(clock.GetUtcNow());
            return Task.FromResult(0);
        }
    }
}
