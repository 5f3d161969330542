using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// Procedures started from another dossier (<c>startsFrom:</c>, e.g. a re-marking from the exam result): whether the
/// applicant's dossier may be their parent now, what is copied from it, and which procedures its page offers.
/// </summary>
public sealed class DossierOrigins(AppDbContext db, DefinitionRegistry definitions, TimeProvider clock)
{
    /// <summary>Checks <paramref name="parentCode"/> for a new dossier of <paramref name="child"/>, and evaluates the copy
    /// rules over the parent's variables (into <c>source</c>, with <c>source.dossierCode</c>).</summary>
    public async Task<DossierOrigin> CheckAsync(string applicantId, WorkflowDefinition child, string? parentCode, CancellationToken cancellationToken)
    {
        if (child.StartsFrom is not { } startsFrom)
            return DossierOrigin.Catalogue;
        if (string.IsNullOrWhiteSpace(parentCode))
            return DossierOrigin.Refused(OriginProblem.ParentRequired, Text(
                $"Thủ tục này được bắt đầu từ trang kết quả của hồ sơ «{ParentTitle(startsFrom).Vi}»",
                $"This procedure starts from the result page of a «{ParentTitle(startsFrom).En}» dossier"));
        var parent = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == parentCode && d.ApplicantId == applicantId, cancellationToken);
        if (parent is null)
            return DossierOrigin.Refused(OriginProblem.NotFound, Text($"Không có hồ sơ {parentCode}", $"No dossier {parentCode}"));
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == parent.InstanceId, cancellationToken);
        var state = WorkflowStateJson.Deserialize(instance.StateJson);
        if (!Eligible(startsFrom, parent, state.Bookmarks.Select(b => b.StepId), state.Status == InstanceStatus.Completed, instance.Result))
            return DossierOrigin.Refused(OriginProblem.NotEligible, Text(
                $"Hồ sơ {parent.Code} hiện không thể dùng để bắt đầu thủ tục «{child.Title.Vi}»",
                $"Dossier {parent.Code} cannot start «{child.Title.En}» now"));
        if (!WindowOpen(child))
            return DossierOrigin.Refused(OriginProblem.WindowClosed, Text(
                $"Thủ tục «{child.Title.Vi}» hiện không nhận hồ sơ", $"«{child.Title.En}» does not accept applications now"));
        var source = new JsonObject { [StartsFrom.DossierCodeKey] = parent.Code };
        foreach (var (key, rule) in startsFrom.Copy)
            source[key] = rule.Evaluate(state.Variables)?.DeepClone();
        return new DossierOrigin(parent, source, OriginProblem.None, null);
    }

    /// <summary>The procedures the applicant may start from this dossier now (links on its page).</summary>
    public IReadOnlyList<WorkflowDefinition> StartableFrom(DossierDetail parent) =>
        definitions.Published()
            .Where(d => d.StartsFrom is { } startsFrom && WindowOpen(d)
                        && Eligible(startsFrom, parent.Dossier, parent.OpenSteps.Select(s => s.StepId), parent.Status == nameof(InstanceStatus.Completed), parent.Result))
            .ToList();

    private static bool Eligible(StartsFrom startsFrom, DossierRecord parent, IEnumerable<string> waitingAt, bool completed, string? result) =>
        parent.ProcedureId == startsFrom.Procedure
        && (waitingAt.Any(startsFrom.Steps.Contains) || completed && result is not null && startsFrom.Results.Contains(result));

    /// <summary>The first form's literal window, if it has one.</summary>
    private bool WindowOpen(WorkflowDefinition definition)
    {
        if (definition.Flow.Steps[definition.Flow.Start].Settings is not FormStepSettings form)
            return true;
        var now = clock.GetUtcNow();
        return (form.Opens is null || now >= form.Opens) && (form.Closes is null || now < form.Closes);
    }

    private LocalizedText ParentTitle(StartsFrom startsFrom) =>
        definitions.Latest(startsFrom.Procedure)?.Title ?? new LocalizedText(startsFrom.Procedure, startsFrom.Procedure);

    private static LocalizedText Text(string vi, string en) => new(vi + ".", en + ".");
}
