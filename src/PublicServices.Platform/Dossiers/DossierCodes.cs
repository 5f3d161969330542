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
    public async Task<string> NextAsync(AppDbContext db, string agency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prefix = configuration[$"Agencies:{agency}:DossierCode"] is { Length: > 0 } configured ? configured : agency.ToUpperInvariant();
        var day = DueDates.LocalDate(now).ToString("yyMMdd");
        var number = await SequenceAllocator.NextAsync(db, $"dossier:{prefix}:{day}", cancellationToken);
        return $"{prefix}-{day}-{number:D4}";
    }
}
