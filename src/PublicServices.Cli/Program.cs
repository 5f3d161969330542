using System.CommandLine;
using PublicServices.Cli.Database;
using PublicServices.Cli.Users;

var root = new RootCommand("PublicServices command-line tool / Công cụ dòng lệnh của Cổng dịch vụ công");
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(DatabaseCommand.Create());
return await root.Parse(args).InvokeAsync();
