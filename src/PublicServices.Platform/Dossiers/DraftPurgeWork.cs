using PublicServices.Platform.Engine;

namespace PublicServices.Platform.Dossiers;

/// <summary>Background housekeeping: deletes expired drafts in small batches (they are already hidden from everyone).</summary>
public sealed class DraftPurgeWork(DraftService drafts) : IBackgroundWork
{
    public string Name => "draft-purge";

    public Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken) => drafts.PurgeExpiredAsync(500, cancellationToken);
}
