using System.CommandLine;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Notifications;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Cli.Workflows;

/// <summary>
/// <c>publicservices validate [PATH...]</c>: checks definition folders or files (default <c>workflows/</c>), printing every
/// error as <c>file:line:col: message</c> — including what the steps ask of templates/ (notification and document templates,
/// each document placeholder bound); exit 1 when there is any, 0 with a one-line summary otherwise.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Folders or files (default: workflows/)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Validate procedure definitions / Kiểm tra định nghĩa thủ tục") { paths };
        command.SetAction(parse => Run(parse.GetValue(paths) is { Length: > 0 } given ? given : ["workflows"], Console.Out));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, TextWriter output)
    {
        var loader = new DefinitionLoader(ActivityRegistry.BuiltIn());
        var definitions = 0;
        var codeLists = 0;
        var errors = new List<DefinitionError>();
        foreach (var path in paths)
        {
            LoadResult result;
            if (Directory.Exists(path))
                result = loader.LoadDirectory(path);
            else if (File.Exists(path))
            {
                var folderErrors = new List<DefinitionError>();
                var lists = PublicServices.Workflows.CodeLists.CodeListCatalog.LoadDirectory(
                    Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "codelists"), folderErrors);
                result = loader.LoadFiles([path], lists, null, folderErrors);
            }
            else
            {
                output.WriteLine($"{path}:0:0: không có tệp hoặc thư mục này / no such file or folder");
                return 1;
            }
            definitions += result.Definitions.Count;
            codeLists += result.CodeLists.All.Count;
            errors.AddRange(result.Errors);
            errors.AddRange(TemplateErrors(path, result.Definitions));
        }
        foreach (var error in errors.OrderBy(e => e.Location.File).ThenBy(e => e.Location.Line).ThenBy(e => e.Location.Column))
            output.WriteLine(error);
        if (errors.Count > 0)
        {
            output.WriteLine($"{errors.Count} error(s) / {errors.Count} lỗi");
            return 1;
        }
        output.WriteLine($"{definitions} definition(s), {codeLists} code list(s): OK");
        return 0;
    }

    /// <summary>The templates/ folder beside the workflows folder, checked as the portal checks it at start-up.</summary>
    private static List<DefinitionError> TemplateErrors(string path, IReadOnlyList<LoadedDefinition> loaded)
    {
        var full = Path.GetFullPath(path);
        var workflows = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        var templates = Path.Combine(Path.GetDirectoryName(workflows.TrimEnd(Path.DirectorySeparatorChar))!, "templates");
        var errors = new List<DefinitionError>();
        if (!Directory.Exists(templates) || loaded.Count == 0)
            return errors;
        var notifications = NotificationTemplateCatalog.LoadDirectory(Path.Combine(templates, "notifications"), errors);
        var documents = DocumentTemplateCatalog.LoadDirectory(Path.Combine(templates, "documents"), errors);
        errors.AddRange(loaded.SelectMany(d => TemplateReferences.Check(d.Definition, notifications, documents)));
        return errors;
    }
}
