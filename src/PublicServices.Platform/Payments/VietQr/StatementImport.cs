using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Payments.VietQr;

/// <summary>One line of a bank statement import and what became of it.</summary>
public sealed record StatementLineResult(int Line, string? Reference, long AmountVnd, string Result);

/// <summary>
/// Settles VietQR transfers from the receiving account's statement (CSV: <c>date,amount,description,transactionId</c>,
/// header optional). A line is matched to an attempt when its description contains the attempt's reference, compared on
/// letters and digits only (banking apps drop the hyphens); it then goes through the same confirmation as a gateway
/// notification (amount checked, once per bank transaction id). Importing the same statement twice credits nothing twice.
/// </summary>
public sealed class StatementImport(AppDbContext db, PaymentService payments)
{
    public async Task<IReadOnlyList<StatementLineResult>> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        var candidates = (await db.Payments.AsNoTracking().Where(p => p.Provider == VietQrProvider.ProviderName)
                .Select(p => p.Reference).ToListAsync(cancellationToken))
            .ToDictionary(Normalize, r => r);
        var results = new List<StatementLineResult>();
        var number = 0;
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            var cells = line.Split(',');
            if (cells.Length < 4 || !long.TryParse(cells[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                if (number > 1 || !line.Contains("amount", StringComparison.OrdinalIgnoreCase))
                    results.Add(new StatementLineResult(number, null, 0, "unreadable"));
                continue;
            }
            var description = Normalize(cells[2]);
            var reference = candidates.Where(c => description.Contains(c.Key, StringComparison.Ordinal)).Select(c => c.Value).FirstOrDefault();
            if (reference is null)
            {
                results.Add(new StatementLineResult(number, null, amount, "unmatched"));
                continue;
            }
            var raw = new JsonObject { ["line"] = number, ["date"] = cells[0].Trim(), ["amount"] = amount, ["description"] = cells[2].Trim(), ["transactionId"] = cells[3].Trim() };
            db.ChangeTracker.Clear();
            var outcome = await payments.ConfirmAsync(
                new ProviderReport(VietQrProvider.ProviderName, reference, "BANK-" + cells[3].Trim(), amount, "VND", true, "00", raw.ToJsonString()), cancellationToken);
            results.Add(new StatementLineResult(number, reference, amount, outcome.ToString()));
        }
        return results;
    }

    private static string Normalize(string text) => new(text.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
