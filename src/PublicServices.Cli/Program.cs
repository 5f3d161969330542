using System.CommandLine;
using PublicServices.Cli.Database;
using PublicServices.Cli.Engine;
using PublicServices.Cli.Results;
using PublicServices.Cli.Units;
using PublicServices.Cli.Users;
using PublicServices.Cli.Workflows;

var root = new RootCommand("PublicServices command-line tool / Công cụ dòng lệnh của Cổng dịch vụ công");
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(DatabaseCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(SignalCommand.Create());
root.Subcommands.Add(ResultsCommands.Scores());
root.Subcommands.Add(ResultsCommands.Results());
root.Subcommands.Add(UnitsCommand.Create());
return await root.Parse(args).InvokeAsync();
