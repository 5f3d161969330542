using Microsoft.Extensions.Configuration;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Sequences;
using PublicServices.Workflows.Activities;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// Dossier codes in the one-stop-shop shape (Circular 01/2018/TT-VPCP): agency code, receipt date yyMMdd (Vietnam time),
/// daily sequence — e.g. <c>G12.34-251122-0001</c>. The agency part is configuration (<c>Agencies:{agency}:DossierCode</c>);
/// without it the agency id in upper case is used. The sequence is unique across nodes (see <see cref="SequenceAllocator"/>).
/// </summary>
public sealed class DossierCodes(IConfiguration configuration)
{
    public async Task<string> NextAsync(AppDbContext db, string agency, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReserveAsync(db, agency, now, 1, cancellationToken))[0];

    /// <summary><paramref name="count"/> consecutive codes of one agency and receipt day, reserved with one statement.</summary>
    public async Task<string[]> ReserveAsync(AppDbContext db, string agency, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var (prefix, day) = Series(agency, now);
        var first = await SequenceAllocator.ReserveAsync(db, $"dossier:{prefix}:{day}", count, cancellationToken);
        return Codes(prefix, day, first, count);
    }

    /// <summary>The <paramref name="count"/> codes that follow <paramref name="last"/> in its series (what the next
    /// reservation gives if nobody reserves in between).</summary>
    public static string[] Following(string last, int count)
    {
        var dash = last.LastIndexOf('-');
        var day = last.LastIndexOf('-', dash - 1);
        return Codes(last[..day], last[(day + 1)..dash], long.Parse(last[(dash + 1)..]) + 1, count);
    }

    private static string[] Codes(string prefix, string day, long first, int count)
    {
        var codes = new string[count];
        for (var i = 0; i < count; i++)
            codes[i] = $"{prefix}-{day}-{first + i:D4}";
        return codes;
    }

    /// <summary>The series a code belongs to: the agency's code and the receipt day (codes of one series share a counter).</summary>
    public (string Prefix, string Day) Series(string agency, DateTimeOffset now) =>
        (configuration[$"Agencies:{agency}:DossierCode"] is { Length: > 0 } configured ? configured : agency.ToUpperInvariant(),
         DueDates.LocalDate(now).ToString("yyMMdd"));
}
