using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Payments;

/// <summary>
/// Fees, provider-neutral. Starting an attempt reads the amount fixed by the procedure's payment wait; only a verified
/// provider notification (<see cref="ConfirmAsync"/>) marks a fee paid — once per provider transaction, with the amount
/// and currency checked, in the same transaction that moves the dossier on. The browser's return only displays.
/// </summary>
public sealed class PaymentService(AppDbContext db, WorkflowEngine engine, IEnumerable<IPaymentProvider> providers, TimeProvider clock)
{
    public IReadOnlyList<string> Providers => providers.Select(p => p.Name).ToList();

    /// <summary>The fee the applicant's own dossier is waiting for, or null.</summary>
    public async Task<FeeDue?> FeeDueAsync(string applicantId, string code, CancellationToken cancellationToken)
    {
        var row = await (from d in db.Dossiers join i in db.Instances on d.InstanceId equals i.Id
                         where d.Code == code && d.ApplicantId == applicantId select i.StateJson).SingleOrDefaultAsync(cancellationToken);
        if (row is null || WorkflowStateJson.Deserialize(row).Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKinds.Payment) is not { Data: { } data } wait)
            return null;
        return new FeeDue(wait.Id, data["amount"]!.GetValue<long>(), data["descriptionVi"]?.ToString() ?? "", data["descriptionEn"]?.ToString() ?? "",
            DateTimeOffset.Parse(data["expiresAt"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }

    /// <summary>Starts an attempt; (null, null) when the dossier is not the applicant's (callers answer 404).</summary>
    public async Task<(PaymentStarted? Started, string? Error)> StartAsync(string applicantId, string code, string providerName, string? clientIp,
        string language, CancellationToken cancellationToken)
    {
        if (!await db.Dossiers.AnyAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken))
            return (null, null);
        if (providers.FirstOrDefault(p => p.Name == providerName) is not { } provider)
            return (null, "Cổng thanh toán không được hỗ trợ / This payment provider is not available.");
        if (await FeeDueAsync(applicantId, code, cancellationToken) is not { } fee)
            return (null, "Hồ sơ không chờ nộp lệ phí / This dossier is not waiting for a fee.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (fee.ExpiresAt <= now)
            return (null, "Đã hết hạn nộp lệ phí / The time to pay this fee has passed.");
        var attempts = await db.Payments.CountAsync(p => p.DossierCode == code, cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code, cancellationToken);
        var payment = new PaymentRecord
        {
            Id = Guid.NewGuid(), Reference = $"{code}-{attempts + 1:D2}", DossierCode = code, ApplicantId = applicantId,
            InstanceId = dossier.InstanceId, BookmarkId = fee.BookmarkId, Provider = provider.Name, AmountVnd = fee.AmountVnd,
            Description = $"{fee.DescriptionVi} - {code}", Status = PaymentStatus.Pending, CreatedAt = now,
            ExpiresAt = fee.ExpiresAt - now > provider.AttemptLifetime ? now + provider.AttemptLifetime : fee.ExpiresAt,
        };
        db.Payments.Add(payment);
        var (redirect, qr) = await provider.BeginAsync(payment, clientIp, language, cancellationToken);
        Record(payment.Id, payment.Reference, provider.Name, "start", new JsonObject { ["redirect"] = redirect, ["qr"] = qr, ["ip"] = clientIp }, "started");
        await db.SaveChangesAsync(cancellationToken);
        return (new PaymentStarted(payment, redirect, qr), null);
    }

    public async Task<ConfirmationResult> ConfirmAsync(ProviderReport report, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Reference == report.Reference && p.Provider == report.Provider, cancellationToken);
        var result = await DecideAsync(payment, report, cancellationToken);
        Record(payment?.Id, report.Reference, report.Provider, "notification", JsonNode.Parse(report.RawJson), Text(result));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException) when (report.ProviderTxnId is not null)
        {
            // A concurrent notification of the same transaction won the unique index: that one credited it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            Record(payment?.Id, report.Reference, report.Provider, "notification", JsonNode.Parse(report.RawJson), Text(ConfirmationResult.AlreadyConfirmed));
            await db.SaveChangesAsync(cancellationToken);
            return ConfirmationResult.AlreadyConfirmed;
        }
    }

    private async Task<ConfirmationResult> DecideAsync(PaymentRecord? payment, ProviderReport report, CancellationToken cancellationToken)
    {
        if (payment is null)
            return ConfirmationResult.UnknownReference;
        // VNPay's order of checks: order, amount, already confirmed.
        if (report.AmountVnd != payment.AmountVnd || report.Currency != "VND")
            return ConfirmationResult.AmountMismatch;
        if (payment.Status == PaymentStatus.Paid
            || report.ProviderTxnId is { } txn && await db.Payments.AnyAsync(p => p.Provider == report.Provider && p.ProviderTxnId == txn, cancellationToken))
            return ConfirmationResult.AlreadyConfirmed;
        var now = clock.GetUtcNow().UtcDateTime;
        payment.ResponseCode = report.ResponseCode;
        if (!report.Success)
        {
            if (payment.Status == PaymentStatus.Pending)
            {
                payment.Status = report.ResponseCode == "24" ? PaymentStatus.Cancelled : PaymentStatus.Failed;
                payment.CompletedAt = now;
            }
            return ConfirmationResult.Recorded;
        }
        payment.ProviderTxnId = report.ProviderTxnId;
        if (payment.Status == PaymentStatus.Pending)
        {
            var resumed = await engine.ResumeAsync(new Stimulus(payment.BookmarkId, BookmarkKinds.Payment, "paid", $"gateway:{report.Provider}")
            {
                Payload = new JsonObject { ["reference"] = payment.Reference, ["provider"] = report.Provider, ["transaction"] = report.ProviderTxnId, ["amount"] = report.AmountVnd },
            }, cancellationToken);
            if (!resumed.Refused)
            {
                payment.Status = PaymentStatus.Paid;
                payment.CompletedAt = now;
                return ConfirmationResult.Confirmed;
            }
        }
        // The money came for an attempt or a dossier that can no longer take it: never resume silently, refund.
        payment.Flag = $"paid while {payment.Status}: refund";
        return ConfirmationResult.Flagged;
    }

    /// <summary>The mop-up: pending attempts past their expiry are asked about (when the provider can be asked) or expired.</summary>
    public async Task<int> ExpireStaleAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = await db.Payments.Where(p => p.Status == PaymentStatus.Pending && p.ExpiresAt < now).OrderBy(p => p.ExpiresAt)
            .Select(p => p.Id).Take(batch).ToListAsync(cancellationToken);
        foreach (var id in stale)
        {
            db.ChangeTracker.Clear();
            var payment = await db.Payments.SingleAsync(p => p.Id == id, cancellationToken);
            if (providers.FirstOrDefault(p => p.Name == payment.Provider) is { } provider
                && await provider.QueryAsync(payment, cancellationToken) is { } report)
            {
                await ConfirmAsync(report, cancellationToken);
                continue;
            }
            // Expire only what is still pending: a notification may have landed since the list was read.
            if (await db.Payments.Where(p => p.Id == id && p.Status == PaymentStatus.Pending)
                    .ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, PaymentStatus.Expired).SetProperty(x => x.CompletedAt, now), cancellationToken) == 1)
            {
                Record(payment.Id, payment.Reference, payment.Provider, "expire", new JsonObject { ["expiresAt"] = payment.ExpiresAt }, "expired");
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return stale.Count;
    }

    /// <summary>Stores a browser return as received (display only: it changes no payment).</summary>
    public async Task RecordReturnAsync(string provider, string? reference, JsonObject raw, bool genuine, CancellationToken cancellationToken)
    {
        var payment = reference is null ? null : await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        Record(payment?.Id, reference ?? "?", provider, "return", raw, genuine ? "displayed" : "bad-signature");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PaymentRecord>> OfDossierAsync(string code, CancellationToken cancellationToken) =>
        await db.Payments.AsNoTracking().Where(p => p.DossierCode == code).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    private void Record(Guid? paymentId, string reference, string provider, string kind, JsonNode? raw, string result) =>
        db.PaymentEvents.Add(new PaymentEventRecord
        {
            PaymentId = paymentId, Reference = reference.Length > 64 ? reference[..64] : reference, Provider = provider, Kind = kind,
            RawJson = raw?.ToJsonString() ?? "null", Result = result, At = clock.GetUtcNow().UtcDateTime,
        });

    private static string Text(ConfirmationResult result) => result switch
    {
        ConfirmationResult.Confirmed => "confirmed",
        ConfirmationResult.AlreadyConfirmed => "already-confirmed",
        ConfirmationResult.UnknownReference => "unknown-reference",
        ConfirmationResult.AmountMismatch => "amount-mismatch",
        ConfirmationResult.Recorded => "recorded",
        _ => "flagged-refund",
    };
}
