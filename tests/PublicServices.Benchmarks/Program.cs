using BenchmarkDotNet.Running;
using PublicServices.Benchmarks;

// `dotnet run -c Release --project tests/PublicServices.Benchmarks -- <verb>`
//   engine-sqlite   load driver: instances started and resumed through the database (SQLite file), throughput + latency
//   tasks-sqlite    load driver: officials' queue pages with N open tasks, then a bulk completion of M tasks
//   documents [seconds] [case...]   PDF rendering on one thread: PDFs/s, time, allocation, size per case
//   bdn [args]      BenchmarkDotNet micro-benchmarks (JsonLogic, in-memory engine), e.g. `bdn --filter * --job short`
return args.FirstOrDefault() switch
{
    "engine-sqlite" => await EngineSqliteDriver.RunAsync(args.Skip(1).ToArray()),
    "tasks-sqlite" => await TasksSqliteDriver.RunAsync(args.Skip(1).ToArray()),
    "documents" => DocumentsDriver.Run(args.Skip(1).ToArray()),
    "broadcast" => await BroadcastDriver.RunAsync(args.Skip(1).ToArray()),
    "bdn" => Run(() => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray())),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: PublicServices.Benchmarks engine-sqlite [instances] | tasks-sqlite [open] [bulk] | documents [seconds] [case...] | bdn [BenchmarkDotNet args]");
    return 2;
}
