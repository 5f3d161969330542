using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

public enum WithdrawalOutcome { Withdrawn, NotFound, AlreadyDecided }

/// <summary>
/// An applicant withdraws a dossier that has not been decided: the instance ends with the result "withdrawn", every open
/// task and payment closes, and the journal records who and why.
/// </summary>
public sealed class DossierWithdrawal(AppDbContext db, WorkflowEngine engine)
{
    public const string Result = "withdrawn";

    public async Task<WithdrawalOutcome> WithdrawAsync(string applicantId, string code, string? reason, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken);
        if (dossier is null)
            return WithdrawalOutcome.NotFound;
        var outcome = await engine.CancelAsync(dossier.InstanceId, applicantId,
            string.IsNullOrWhiteSpace(reason) ? "Người nộp rút hồ sơ / Withdrawn by the applicant" : reason.Trim()[..Math.Min(reason.Trim().Length, 500)],
            cancellationToken, Result);
        if (outcome.Refusal is not null)
            return WithdrawalOutcome.AlreadyDecided;
        await db.SaveChangesAsync(cancellationToken);
        return WithdrawalOutcome.Withdrawn;
    }

    /// <summary>Whether the applicant may still withdraw: the procedure has not ended.</summary>
    public static bool CanWithdraw(string instanceStatus) =>
        instanceStatus is not (nameof(InstanceStatus.Completed) or nameof(InstanceStatus.Cancelled));
}
