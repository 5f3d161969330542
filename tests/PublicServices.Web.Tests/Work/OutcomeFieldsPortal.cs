using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Persistence;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Work;

/// <summary>
/// The portal with the repository's procedures plus a test-only one whose `review` task asks the clerk for the diploma's
/// number and register entry when accepting, and whose `sign` task (the unit's leader) comes after.
/// </summary>
public sealed class OutcomeFieldsPortal : PortalFactory
{
    public const string ProcedureId = "outcome-fields-test";

    private const string Definition = """
        id: outcome-fields-test
        version: 1
        title: { vi: Thử thông tin kèm quyết định, en: Decision fields test }
        agency: sgd-01
        deadline: 5 working days
        forms:
          application:
            pages:
              - id: applicant
                title: { vi: Người đề nghị, en: Applicant }
                fields:
                  - { id: fullName, type: text, label: { vi: Họ và tên, en: Full name }, required: true, prefill: fullName }
        flow:
          start: apply
          steps:
            apply: { type: form, form: application, then: { submitted: review } }
            review:
              type: task
              title: { vi: Đối chiếu sổ gốc, en: Check the register }
              role: department-officer
              outcomes:
                accept:
                  to: sign
                  fields:
                    - { id: diplomaNumber, type: text, label: { vi: Số hiệu văn bằng, en: Diploma number }, required: true, maxLength: 12,
                        hint: { vi: Ghi đúng như trên văn bằng, en: As printed on the diploma } }
                    - { id: registerNumber, type: text, label: { vi: Số vào sổ gốc, en: Register number }, required: true }
                    - { id: issuedOn, type: date, label: { vi: Ngày cấp, en: Date of issue } }
                    - { id: copies, type: number, label: { vi: Số bản sao, en: Copies }, min: 1, max: 10 }
                    - id: ranking
                      type: select
                      label: { vi: Xếp loại, en: Ranking }
                      options:
                        - { value: good, label: { vi: Khá, en: Good } }
                        - { value: excellent, label: { vi: Giỏi, en: Excellent } }
                    - { id: province, type: select, codeList: provinces, label: { vi: Nơi cấp, en: Issued in } }
                note:
                  to: review
                  label: { vi: Ghi chú nội bộ, en: Internal note }
                  fields:
                    - { id: remark, type: textarea, label: { vi: Ghi chú, en: Remark }, maxLength: 200 }
                    - { id: urgent, type: boolean, label: { vi: Cần xử lý gấp, en: Urgent } }
                    - id: checked
                      type: multiselect
                      label: { vi: Đã đối chiếu, en: Checked against }
                      options:
                        - { value: register, label: { vi: Sổ gốc, en: Master register } }
                        - { value: archive, label: { vi: Hồ sơ lưu trữ, en: Archive } }
                        - { value: school, label: { vi: Hồ sơ của trường, en: School records } }
                refuse: { to: refused, requiresReason: true }
            sign:
              type: task
              title: { vi: Ký duyệt, en: Sign }
              role: department-leader
              outcomes: { sign: done }
            done: { type: end, result: approved }
            refused: { type: end, result: refused }
        """;

    public OutcomeFieldsPortal() : base("Development", Settings(out var folder)) => Folder = folder;

    private string Folder { get; }

    private static Dictionary<string, string?> Settings(out string folder)
    {
        folder = Path.Combine(Path.GetTempPath(), "ps-web-tests", "workflows-" + Guid.NewGuid().ToString("N"));
        Copy(RepoPaths.InRepo("workflows"), folder);
        File.WriteAllText(Path.Combine(folder, ProcedureId + ".yaml"), Definition);
        return new Dictionary<string, string?> { ["Workflows:Path"] = folder, ["Templates:Path"] = RepoPaths.InRepo("templates") };
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from))
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    /// <summary>Submits a dossier of the test procedure for the applicant; returns its code and the id of its review task.</summary>
    public async Task<(string Code, Guid Task)> SubmitAsync(string applicantEmail, string fullName)
    {
        using var scope = Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var applicant = await db.Users.SingleAsync(u => u.Email == applicantEmail);
        var result = await services.GetRequiredService<DossierSubmission>().SubmitAsync(applicant.Id, ProcedureId,
            new JsonObject { ["fullName"] = fullName }, Guid.NewGuid().ToString("N"), new Declaration("test"), CancellationToken.None);
        var code = result.Dossier?.Code ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return (code, await db.Tasks.Where(t => t.DossierCode == code).Select(t => t.Id).SingleAsync());
    }

    /// <summary>The instance's variables of the dossier, as stored.</summary>
    public async Task<JsonObject> VariablesAsync(string code)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instance = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        var state = await db.Instances.Where(i => i.Id == instance).Select(i => i.StateJson).SingleAsync();
        return PublicServices.Workflows.Runtime.WorkflowStateJson.Deserialize(state).Variables;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
