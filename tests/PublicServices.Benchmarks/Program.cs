using BenchmarkDotNet.Running;
using PublicServices.Benchmarks;

// `dotnet run -c Release --project tests/PublicServices.Benchmarks -- <verb>`
//   submissions     registration submissions over HTTP (portal process on loopback): --count --concurrency [--postgres]
//   cohort          a simulated exam cohort through the portal's services in process, phase by phase: --count --phases
//   broadcast       the exam's lock and results broadcasts at scale on the real procedure: --count [--postgres] [--chunk]
//   lookups         result look-ups on the morning of publication over HTTP: --count --candidates --concurrency [--postgres]
//   engine-sqlite   load driver: instances started and resumed through the database (SQLite file), throughput + latency
//   tasks-sqlite    load driver: officials' queue pages with N open tasks, then a bulk completion of M tasks
//   documents [seconds] [case...]   PDF rendering on one thread: PDFs/s, time, allocation, size per case
//   bdn [args]      BenchmarkDotNet micro-benchmarks (JsonLogic, in-memory engine), e.g. `bdn --filter * --job short`
return args.FirstOrDefault() switch
{
    "submissions" => await PublicServices.Benchmarks.Registration.SubmissionsDriver.RunAsync(args.Skip(1).ToArray()),
    "cohort" => await PublicServices.Benchmarks.Registration.CohortDriver.RunAsync(args.Skip(1).ToArray()),
    "lookups" => await PublicServices.Benchmarks.Registration.LookupsDriver.RunAsync(args.Skip(1).ToArray()),
    "engine-sqlite" => await EngineSqliteDriver.RunAsync(args.Skip(1).ToArray()),
    "tasks-sqlite" => await TasksSqliteDriver.RunAsync(args.Skip(1).ToArray()),
    "documents" => DocumentsDriver.Run(args.Skip(1).ToArray()),
    "broadcast" => await BroadcastDriver.RunAsync(args.Skip(1).ToArray()),
    "bdn" => Run(() => BenchmarkSwitcher.FromAssembly(typeof(EngineSqliteDriver).Assembly).Run(args.Skip(1).ToArray())),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: PublicServices.Benchmarks submissions | cohort | lookups | broadcast | engine-sqlite [instances] | tasks-sqlite [open] [bulk] | documents [seconds] [case...] | bdn [BenchmarkDotNet args] (options: see the comment at the top of Program.cs)");
    return 2;
}
