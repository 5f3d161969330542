using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;

namespace PublicServices.Platform.Payments;

/// <summary>One day and provider of the reconciliation: what was expected, what was confirmed, and every anomaly.</summary>
public sealed record ReconciliationRow(
    DateOnly Day, string Provider, int Started, int Confirmed, long ConfirmedVnd, int NotPaid, int Expired, int FlaggedForRefund,
    int AmountMismatches, int Duplicates, int Orphans, int BadSignatures);

/// <summary>
/// Finance officials' reconciliation per Vietnam-local day and provider: attempts started vs confirmed (count and amount),
/// attempts that failed, were cancelled or expired, money flagged for refund, and the notifications that did not fit —
/// wrong amount, duplicates, unknown references (orphans), bad signatures.
/// </summary>
public sealed class Reconciliation(AppDbContext db)
{
    public async Task<IReadOnlyList<ReconciliationRow>> ReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (DueDates.StartOfDay(from), DueDates.StartOfDay(to.AddDays(1)));
        var attempts = await db.Payments.AsNoTracking().Where(p => p.CreatedAt >= start && p.CreatedAt < end)
            .Select(p => new { p.CreatedAt, p.Provider, p.Status, p.AmountVnd, p.Flag }).ToListAsync(cancellationToken);
        var events = await db.PaymentEvents.AsNoTracking().Where(e => e.At >= start && e.At < end && e.Kind == "notification")
            .Select(e => new { e.At, e.Provider, e.Result }).ToListAsync(cancellationToken);
        static DateOnly Day(DateTime utc) => DueDates.LocalDate(new DateTimeOffset(utc, TimeSpan.Zero));
        var keys = attempts.Select(a => (Day(a.CreatedAt), a.Provider)).Concat(events.Select(e => (Day(e.At), e.Provider))).Distinct().Order();
        return keys.Select(key =>
        {
            var a = attempts.Where(x => (Day(x.CreatedAt), x.Provider) == key).ToList();
            var e = events.Where(x => (Day(x.At), x.Provider) == key).ToList();
            int Count(string result) => e.Count(x => x.Result == result);
            return new ReconciliationRow(key.Item1, key.Item2, a.Count, a.Count(x => x.Status == PaymentStatus.Paid),
                a.Where(x => x.Status == PaymentStatus.Paid).Sum(x => x.AmountVnd),
                a.Count(x => x.Status is PaymentStatus.Failed or PaymentStatus.Cancelled), a.Count(x => x.Status == PaymentStatus.Expired),
                a.Count(x => x.Flag is not null), Count("amount-mismatch"), Count("already-confirmed"), Count("unknown-reference"), Count("bad-signature"));
        }).ToList();
    }
}
