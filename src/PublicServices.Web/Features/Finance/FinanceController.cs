using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Payments;
using PublicServices.Platform.Payments.VietQr;
using PublicServices.Web.Localization;
using PublicServices.Workflows.Activities;

namespace PublicServices.Web.Features.Finance;

/// <summary>Finance officials: the reconciliation of fees per day and provider (page and CSV), and the bank statement import that settles VietQR transfers.</summary>
[Authorize(Roles = Roles.FinanceOfficer + "," + Roles.Administrator)]
public sealed class FinanceController(Reconciliation reconciliation, StatementImport statements, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/finance/reconciliation")]
    public async Task<IActionResult> Reconciliation(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        return View("Reconciliation", new ReconciliationModel(start, end, await reconciliation.ReportAsync(start, end, ct)));
    }

    [HttpGet("/finance/reconciliation.csv")]
    public async Task<IActionResult> ReconciliationCsv(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var csv = new StringBuilder("day,provider,started,confirmed,confirmed_vnd,not_paid,expired,flagged_for_refund,amount_mismatches,duplicates,orphans,bad_signatures\r\n");
        foreach (var r in await reconciliation.ReportAsync(start, end, ct))
            csv.Append($"{r.Day:dd/MM/yyyy},{r.Provider},{r.Started},{r.Confirmed},{r.ConfirmedVnd},{r.NotPaid},{r.Expired},{r.FlaggedForRefund},{r.AmountMismatches},{r.Duplicates},{r.Orphans},{r.BadSignatures}\r\n");
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"doi-soat-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }

    [HttpGet("/finance/statement")]
    public IActionResult Statement() => View("Statement", (IReadOnlyList<StatementLineResult>?)null);

    [HttpPost("/finance/statement")]
    [RequestSizeLimit(5 * 1024 * 1024)]
    public async Task<IActionResult> ImportStatement(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Finance.Statement.Required"]);
            return View("Statement", (IReadOnlyList<StatementLineResult>?)null);
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        return View("Statement", await statements.ImportAsync(reader, ct));
    }

    private (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        var today = DueDates.LocalDate(clock.GetUtcNow());
        var end = to ?? today;
        var start = from ?? end.AddDays(-6);
        return start <= end ? (start, end) : (end, start);
    }
}

public sealed record ReconciliationModel(DateOnly From, DateOnly To, IReadOnlyList<ReconciliationRow> Rows);
