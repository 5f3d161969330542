using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Cli.Hosting;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Cli.Engine;

/// <summary>
/// <c>publicservices signal send --name results-published [--key 2026] [--chunk 500]</c>: resumes every instance waiting for
/// the signal, in chunks, printing progress. <c>publicservices signal resume --job ID</c> continues a job after a crash.
/// </summary>
public static class SignalCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Signal name, e.g. results-published", Required = true };
        var key = new Option<string?>("--key") { Description = "Signal key, e.g. the exam year" };
        var chunk = new Option<int>("--chunk") { Description = "Instances per transaction", DefaultValueFactory = _ => 500 };
        var job = new Option<Guid>("--job") { Description = "Job id printed by `signal send`", Required = true };

        var send = new Command("send", "Signal every waiting instance / Gửi tín hiệu tới mọi hồ sơ đang chờ") { name, key, chunk };
        send.SetAction(async (parse, ct) =>
        {
            await using var services = await Platform(ct);
            var broadcaster = services.GetRequiredService<SignalBroadcaster>();
            var id = await broadcaster.StartAsync(parse.GetValue(name)!, parse.GetValue(key), ct);
            Console.WriteLine($"job {id}");
            return await RunAsync(broadcaster, id, parse.GetValue(chunk), ct);
        });

        var resume = new Command("resume", "Continue an interrupted signal job / Tiếp tục một đợt gửi tín hiệu") { job, chunk };
        resume.SetAction(async (parse, ct) =>
        {
            await using var services = await Platform(ct);
            return await RunAsync(services.GetRequiredService<SignalBroadcaster>(), parse.GetValue(job), parse.GetValue(chunk), ct);
        });

        var signal = new Command("signal", "Batch signals to waiting instances / Tín hiệu hàng loạt");
        signal.Subcommands.Add(send);
        signal.Subcommands.Add(resume);
        return signal;
    }

    private static async Task<int> RunAsync(SignalBroadcaster broadcaster, Guid id, int chunk, CancellationToken ct)
    {
        var progress = new SynchronousProgress<BatchJobRecord>(j =>
            Console.WriteLine($"{j.Processed}/{j.Total} ({(j.Total == 0 ? 100 : 100 * j.Processed / j.Total)}%), refused {j.Refused}"));
        var finished = await broadcaster.RunAsync(id, chunk, progress, ct);
        Console.WriteLine($"{finished.Status}: {finished.Processed} signalled, {finished.Refused} refused");
        return finished.Status == BatchJobStatus.Completed ? 0 : 1;
    }

    private static async Task<ServiceProvider> Platform(CancellationToken ct)
    {
        var services = CliHost.Build();
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        await scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(ct);
        return services;
    }

    /// <summary>Reports on the caller's thread, so progress lines print in order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
