using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

public sealed class BulkInsertTests
{
    private static readonly DateTime At = new(2027, 4, 21, 1, 2, 3, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_write_untracked_rows_as_SaveChanges_would_in_statements_of_bounded_size(DatabaseProvider provider)
    {
        var options = await TestDatabases.NewAsync(provider);
        await using (var migrated = await TestDatabases.MigratedAsync(options)) { }
        await using var db = TestDatabases.Context(options);
        var messages = Enumerable.Range(0, 300).Select(i => new OutboxMessageRecord
        {
            Id = Guid.CreateVersion7(), Kind = i % 2 == 0 ? "notification" : "document", PayloadJson = $"{{\"n\":{i},\"name\":\"Lê Thị Ánh Dương\"}}",
            InstanceId = i % 3 == 0 ? null : Guid.NewGuid(), Status = i % 5 == 0 ? OutboxStatus.Failed : OutboxStatus.Pending,
            DueAt = At.AddSeconds(i), Attempts = i % 4, LastError = i % 7 == 0 ? "lỗi" : null, CreatedAt = At,
        }).ToList();
        var journal = Enumerable.Range(0, 300).Select(i => new JournalEntryRecord
        {
            InstanceId = messages[i].InstanceId ?? Guid.Empty, StepId = "apply", Event = "completed", Outcome = i % 2 == 0 ? "submitted" : null, At = At,
        }).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, messages, CancellationToken.None);
            await BulkInsert.WriteAsync(db, journal, CancellationToken.None);
            await transaction.CommitAsync();
        }

        // 300 rows of 12 columns: 3,600 values, many statements on SQLite (128 values each), one on PostgreSQL.
        var stored = await db.Outbox.AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal(300, stored.Count);
        foreach (var expected in messages)
        {
            var actual = stored[expected.Id];
            Assert.Equal((expected.Kind, expected.PayloadJson, expected.InstanceId, expected.Status, expected.DueAt, expected.Attempts, expected.LastError, expected.CreatedAt),
                (actual.Kind, actual.PayloadJson, actual.InstanceId, actual.Status, actual.DueAt, actual.Attempts, actual.LastError, actual.CreatedAt));
        }
        // The journal's identity column is left to the database: 300 distinct ids, in insertion order.
        var lines = await db.Journal.AsNoTracking().OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(300, lines.Select(j => j.Id).Distinct().Count());
        Assert.Equal(journal.Select(j => (j.InstanceId, j.Outcome)), lines.Select(j => (j.InstanceId, j.Outcome)));
    }

    [Fact]
    public async Task Should_store_every_value_on_sqlite_exactly_as_SaveChanges_does()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        var local = new DateTime(2027, 6, 1, 7, 30, 0, 123, DateTimeKind.Unspecified).AddTicks(4567);
        IssuedDocumentRecord Document(string code) => new()
        {
            Id = Guid.NewGuid(), VerificationCode = code, Number = "01/GCN-" + code, AgencyCode = "bgddt", TemplateId = "exam-result",
            Title = "Giấy chứng nhận kết quả thi — Nguyễn Thị Ánh Tuyết", InstanceId = Guid.NewGuid(), BookmarkId = Guid.NewGuid(),
            DossierCode = null, HolderName = "Đặng Quốc Bảo", IssuedAt = local, Sha256 = new string('a', 64), StorageKey = "x/" + code,
            SizeBytes = 5_000_000_000, Signed = true, RevokedAt = At,
        };
        AttachmentRecord File() => new()
        {
            Id = Guid.NewGuid(), OwnerId = "owner", FileName = "ảnh thẻ.png", ContentType = "image/png", Size = 0, Width = 400, Height = null,
            StorageKey = "k", UploadedAt = At,
        };
        DossierRecord Dossier(string code) => new()
        {
            Code = code, ProcedureId = "exam-registration", ProcedureVersion = 3, ApplicantId = "a", InstanceId = Guid.NewGuid(), AgencyCode = "bgddt",
            IdempotencyKey = code, SubmittedAt = At, DueDate = new DateOnly(2027, 2, 28), DeclarationVersion = "v1", DeclaredAt = local,
        };
        OutboxMessageRecord Message() => new()
        {
            Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{\"tên\":\"Ư\"}", Status = OutboxStatus.Failed, DueAt = At, Attempts = -1, CreatedAt = At,
        };
        var (document, documentTwin) = (Document("A1"), Document("B2"));
        var (file, fileTwin) = (File(), File());
        var (dossier, dossierTwin) = (Dossier("D-1"), Dossier("D-2"));
        var (message, messageTwin) = (Message(), Message());
        db.AddRange(document, file, dossier, message);
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, [documentTwin], CancellationToken.None);
            await BulkInsert.WriteAsync(db, [fileTwin], CancellationToken.None);
            await BulkInsert.WriteAsync(db, [dossierTwin], CancellationToken.None);
            await BulkInsert.WriteAsync(db, [messageTwin], CancellationToken.None);
            await transaction.CommitAsync();
        }

        // Stored values compared as SQLite holds them (quote(): type and text), keys and what differs by design left out.
        async Task Same(string table, string key, object saved, object bulk, params string[] differing)
        {
            var (a, b) = (await StoredAsync(db, table, key, saved), await StoredAsync(db, table, key, bulk));
            foreach (var column in differing.Append(key))
                (a[column], b[column]) = ("", "");
            Assert.Equal(a, b);
        }
        await Same("issued_documents", "Id", document.Id, documentTwin.Id, "VerificationCode", "Number", "StorageKey", "InstanceId", "BookmarkId");
        await Same("attachments", "Id", file.Id, fileTwin.Id);
        await Same("dossiers", "Code", dossier.Code, dossierTwin.Code, "IdempotencyKey", "InstanceId");
        await Same("outbox_messages", "Id", message.Id, messageTwin.Id);
        Assert.Equal("'2027-06-01 07:30:00.1234567'", (await StoredAsync(db, "issued_documents", "Id", documentTwin.Id))["IssuedAt"]);
        Assert.Equal(documentTwin.Id.ToString().ToUpperInvariant(), (await StoredAsync(db, "issued_documents", "Id", documentTwin.Id))["Id"].Trim('\''));
    }

    [Fact]
    public async Task Should_fail_a_duplicate_row_on_sqlite_with_the_providers_constraint_error()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        var id = Guid.NewGuid();
        OutboxMessageRecord Message() => new() { Id = id, Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At };

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => BulkInsert.WriteAsync(db, [Message(), Message()], CancellationToken.None));
            Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT, as Microsoft.Data.Sqlite reports it
            Assert.Contains("UNIQUE", error.Message);
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await db.Outbox.AsNoTracking().CountAsync());
    }

    private static async Task<Dictionary<string, string>> StoredAsync(AppDbContext db, string table, string key, object value)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    columns.Add(reader.GetString(0));
            }
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"quote(\"{c}\")"))} FROM {table} WHERE \"{key}\" = $key";
            select.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$key", value));
            await using var row = await select.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            return columns.Select((c, i) => (c, row.GetString(i))).ToDictionary(x => x.c, x => x.Item2);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Should_write_nothing_and_say_so_when_the_context_holds_more_than_additions()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        var existing = new OutboxMessageRecord { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At };
        db.Outbox.Add(existing);
        await db.SaveChangesAsync();

        existing.Attempts = 3;
        db.Outbox.Add(new OutboxMessageRecord { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At });
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.False(await BulkInsert.TryWriteAddedAsync(db, CancellationToken.None));
        await transaction.RollbackAsync();

        Assert.Equal(1, await db.Outbox.AsNoTracking().CountAsync());
    }

    [Fact]
    public async Task Should_write_the_additions_of_several_contexts_in_the_writers_transaction_and_clear_them()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        await using var part = TestDatabases.Context(options); // a group's part staged on another thread, never opened
        OutboxMessageRecord Message(int n) => new() { Id = Guid.CreateVersion7(), Kind = "notification", PayloadJson = $"{{\"n\":{n}}}", DueAt = At, CreatedAt = At };
        db.Outbox.AddRange(Enumerable.Range(0, 20).Select(Message));
        part.Outbox.AddRange(Enumerable.Range(20, 30).Select(Message));
        part.Journal.Add(new JournalEntryRecord { InstanceId = Guid.NewGuid(), StepId = "apply", Event = "completed", At = At });

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await BulkInsert.TryWriteAddedAsync(db, [db, part], CancellationToken.None));
            await transaction.RollbackAsync(); // the parts' rows went into this transaction: rolled back with it
        }
        Assert.Equal(0, await db.Outbox.AsNoTracking().CountAsync());
        Assert.Empty(part.ChangeTracker.Entries());

        part.Outbox.AddRange(Enumerable.Range(50, 5).Select(Message));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await BulkInsert.TryWriteAddedAsync(db, [db, part], CancellationToken.None));
            await transaction.CommitAsync();
        }
        Assert.Equal(5, await db.Outbox.AsNoTracking().CountAsync());
    }

    [Fact]
    public async Task Should_refuse_to_write_outside_the_callers_transaction()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        var message = new OutboxMessageRecord { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At };

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.WriteAsync(db, [message], CancellationToken.None));
        Assert.Equal(0, await db.Outbox.AsNoTracking().CountAsync());
    }
}
