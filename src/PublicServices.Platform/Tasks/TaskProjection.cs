using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Text;

namespace PublicServices.Platform.Tasks;

/// <summary>
/// Builds the queue row of a task bookmark from the instance: its role and unit (from the wait), the dossier code
/// (<c>dossier.code</c>) and the applicant's name and CCCD — the form fields marked <c>prefill: fullName</c> and
/// <c>prefill: cccd</c>, so any procedure gets searchable queues without configuration.
/// </summary>
public static class TaskProjection
{
    public static TaskRecord From(WorkflowDefinition definition, WorkflowState state, Bookmark wait, DateTime instanceCreatedAt, DateTime now)
    {
        var role = wait.Data?["role"]?.ToString() ?? "";
        var unit = wait.Data?["unit"]?.ToString() ?? definition.Agency;
        DateTime? due = wait.Data?["dueAt"] is { } dueAt ? DateTimeOffset.Parse(dueAt.ToString(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime : null;
        var code = state.Variables["dossier"]?["code"]?.ToString();
        var name = Prefilled(definition, state.Variables, "fullName") ?? "";
        var cccd = Prefilled(definition, state.Variables, "cccd");
        var search = VietnameseText.Fold($"{code} {name} {cccd}");
        return new TaskRecord
        {
            Id = wait.Id, InstanceId = state.InstanceId, ProcedureId = definition.Id, ProcedureVersion = definition.Version,
            StepId = wait.StepId, Role = role, UnitCode = unit, DossierCode = code,
            ApplicantName = name.Length > 128 ? name[..128] : name, Cccd = cccd is { Length: <= 12 } ? cccd : null,
            SearchText = search.Length > 256 ? search[..256] : search,
            SubmittedAt = instanceCreatedAt, CreatedAt = now, DueAt = due, QueueOrder = due ?? TaskRecord.NoDueDate,
            EscalateTo = wait.Data?["escalateTo"]?.ToString(),
        };
    }

    private static string? Prefilled(WorkflowDefinition definition, JsonObject variables, string prefill) =>
        (from form in definition.Forms.Values
         from field in form.Pages.SelectMany(p => p.Fields)
         where field.Prefill == prefill
         select variables[form.Id]?[field.Id]?.ToString()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
