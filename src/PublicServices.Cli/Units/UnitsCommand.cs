using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Cli.Hosting;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;

namespace PublicServices.Cli.Units;

/// <summary>
/// <c>publicservices units import FILE.csv [--kind School] [--codelist workflows/codelists/exam-schools.yaml] [--dry-run]</c>:
/// creates or updates organisation units from a CSV file (columns code, kind, nameVi, nameEn, parent, place, superior),
/// all or nothing: every problem is printed as <c>FILE:LINE: message</c> and nothing is written when there is any.
/// With <c>--codelist</c> the file's schools coded like the exam's ("01-001") are also written into that code list.
/// </summary>
public static class UnitsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file (UTF-8, header: code,kind,nameVi,nameEn,parent,place,superior)" };
        var kind = new Option<UnitKind?>("--kind") { Description = "Kind of the rows whose 'kind' column is absent or empty: School, ProvincialDepartment, ExamCouncil, …" };
        var codeList = new Option<FileInfo?>("--codelist") { Description = "Also add/update the file's schools in this code list YAML (e.g. workflows/codelists/exam-schools.yaml)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change; write nothing" };

        var import = new Command("import", "Create or update units from a CSV file / Nhập danh sách đơn vị từ tệp CSV") { file, kind, codeList, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                Console.Error.WriteLine($"error: {input.FullName}: không có tệp / no such file");
                return 1;
            }
            var target = parse.GetValue(codeList);
            if (target is not null && target.Exists && !SchoolCodeList.LooksLikeCodeList(target.FullName))
            {
                Console.Error.WriteLine($"error: {target.FullName}: không phải danh mục (thiếu 'items:') / not a code list (no 'items:' line)");
                return 1;
            }

            var services = CliHost.Build();
            await using var _ = services;
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db, ct);

            using var reader = new StreamReader(input.FullName, Encoding.UTF8);
            var (summary, problems, units) = await scope.ServiceProvider.GetRequiredService<UnitImport>()
                .ImportAsync(reader, parse.GetValue(kind), parse.GetValue(dryRun), ct);
            foreach (var problem in problems)
                Console.Error.WriteLine($"{input.Name}:{problem.Line}: {problem.Message}");
            if (summary is null)
            {
                Console.Error.WriteLine($"{problems.Count} lỗi, không ghi gì / {problems.Count} problem(s): nothing was imported.");
                return 1;
            }
            Console.WriteLine($"{units.Count} units in {input.Name}: {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged"
                + (parse.GetValue(dryRun) ? " (dry run: nothing written)." : "."));

            if (target is not null)
            {
                var schools = units.Where(u => u.Kind == UnitKind.School && UnitCsv.ExamSchoolCode().IsMatch(u.Code)).ToList();
                if (parse.GetValue(dryRun))
                    Console.WriteLine($"{target.Name}: {schools.Count} schools would be written (dry run).");
                else
                {
                    var (added, changed, total) = SchoolCodeList.Merge(target.FullName, schools);
                    Console.WriteLine($"{target.Name}: {added} schools added, {changed} updated, {total} items.");
                }
            }
            return 0;
        });

        var units = new Command("units", "Organisation units: departments, schools… / Đơn vị");
        units.Subcommands.Add(import);
        return units;
    }
}
