using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tests.Persistence;

namespace PublicServices.Platform.Tests.Dossiers;

public sealed class AttachmentClaimTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_give_a_groups_files_to_their_dossiers_in_one_statement_and_leave_a_claimed_file_alone(DatabaseProvider provider)
    {
        var options = await TestDatabases.NewAsync(provider);
        await using var db = await TestDatabases.MigratedAsync(options);
        AttachmentRecord File(string? holder) => new()
        {
            Id = Guid.NewGuid(), OwnerId = "applicant", FileName = "anh-the.png", ContentType = "image/png", Size = 10,
            StorageKey = Guid.NewGuid().ToString("N"), UploadedAt = DateTime.UtcNow, DossierCode = holder,
        };
        var (photo, scan, taken, other) = (File(null), File(null), File("BGDDT-270421-0001"), File(null));
        db.Attachments.AddRange(photo, scan, taken, other);
        await db.SaveChangesAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await SubmissionWriter.ClaimAttachmentsAsync(db,
                [(photo.Id, "BGDDT-270421-0002"), (scan.Id, "BGDDT-270421-0002"), (taken.Id, "BGDDT-270421-0003")]);
            await transaction.CommitAsync();
        }

        var holders = await db.Attachments.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.DossierCode);
        Assert.Equal("BGDDT-270421-0002", holders[photo.Id]);
        Assert.Equal("BGDDT-270421-0002", holders[scan.Id]);
        Assert.Equal("BGDDT-270421-0001", holders[taken.Id]);
        Assert.Null(holders[other.Id]);
    }
}
