using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The hosted loop of a node: runs every <see cref="IBackgroundWork"/> until none has anything due, then waits one poll
/// interval (on the injected clock). Safe on several nodes: every unit claims its items with a lease.
/// A failing unit is logged and retried at the next poll; it never stops the others.
/// </summary>
public sealed class EngineWorker(IServiceScopeFactory scopes, WorkerOptions options, TimeProvider clock, ILogger<EngineWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
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
        }
    }
}
