using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Results;

public sealed record ScoreImportOptions(int Exam, string FilePath)
{
    /// <summary>Digits of a candidate number (the default format: council code + 6 digits).</summary>
    public int Digits { get; init; } = 8;

    /// <summary>Refuse numbers no instance of the exam was given (waiting for <see cref="Signal"/> with that key, or already in the dataset).</summary>
    public bool CheckCandidates { get; init; } = true;

    /// <summary>Candidates per transaction.</summary>
    public int ChunkSize { get; init; } = 10_000;

    public string Signal { get; init; } = ResultPublication.Signal;

    public string Dataset => ExamResults.DatasetOf(Exam);
}

public enum ScoreImportOutcome { Imported, AlreadyImported, Invalid }

public sealed record ImportProblem(long Line, string Reason);

/// <summary>Where an import stands: <c>validating</c> (lines read) or <c>writing</c> (candidates committed).</summary>
public sealed record ScoreImportProgress(string Phase, long Done, long Total, double PerSecond);

public sealed record ScoreImportResult(ScoreImportOutcome Outcome, IReadOnlyList<ImportProblem> Problems, long ProblemCount, long Rows, long Candidates, long Written, bool Resumed, TimeSpan Elapsed);

/// <summary>
/// Imports exam scores (CSV <c>candidate_number,subject,score</c>, one row per candidate and subject; subject
/// <see cref="ExamSubjects.RecordCode"/> gives the grade 10–12 record average) into dataset <c>exam-&lt;year&gt;</c>, one record
/// per candidate: <c>{"scores":{"TOAN":7.5,…},"record":7.1}</c>.
/// <list type="bullet">
/// <item>The whole file is read and checked first — number format, subject code, score 0–10 with at most 2 decimals, no
/// (candidate, subject) twice, number known for the exam — and every bad row is reported with its line; with any, nothing is
/// written. Rows are kept compactly while reading (a score is a 16-bit hundredth), so 7 M rows need ~60 MB.</item>
/// <item>Then candidates are written in the order they first appear, <see cref="ScoreImportOptions.ChunkSize"/> per transaction,
/// each chunk with the import's progress (<see cref="DatasetImportRecord"/>, keyed by the file's SHA-256). Rerunning the same
/// file continues after the last committed chunk; after completion it says the file is already imported.</item>
/// <item>A candidate's record is replaced by the file that names them (the file holds their complete scores); candidates the
/// file does not name keep theirs — so a corrected file, or one file per council, merges.</item>
/// </list>
/// </summary>
public sealed class ScoreImport(AppDbContext db, ExamSubjects subjects, TimeProvider clock)
{
    private const int RowsPerStatement = 500;
    private const int MaxProblemsKept = 10_000;

    public async Task<ScoreImportResult> RunAsync(ScoreImportOptions options, Action<ScoreImportProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var sha = await Sha256Async(options.FilePath, cancellationToken);
        var dataset = options.Dataset;
        var import = await db.DatasetImports.SingleOrDefaultAsync(i => i.Dataset == dataset && i.FileSha256 == sha, cancellationToken);
        if (import is { Status: DatasetImportStatus.Completed })
            return new ScoreImportResult(ScoreImportOutcome.AlreadyImported, [], 0, 0, import.TotalRecords, import.Records, false, watch.Elapsed);

        var codes = subjects.All.Select(s => s.Code).Append(ExamSubjects.RecordCode).ToArray();
        var known = options.CheckCandidates ? await KnownNumbersAsync(options, cancellationToken) : null;
        var table = Read(options, codes, known, progress, watch, cancellationToken);
        if (table.ProblemCount > 0)
            return new ScoreImportResult(ScoreImportOutcome.Invalid, table.Problems, table.ProblemCount, table.Rows, table.Count, 0, false, watch.Elapsed);

        var now = clock.GetUtcNow().UtcDateTime;
        var resumed = import is not null;
        if (import is null)
        {
            import = new DatasetImportRecord
            {
                Id = Guid.NewGuid(), Dataset = dataset, FileSha256 = sha, FileName = Path.GetFileName(options.FilePath),
                Status = DatasetImportStatus.Running, TotalRecords = table.Count, StartedAt = now, UpdatedAt = now,
            };
            db.DatasetImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
        }
        var writeWatch = Stopwatch.StartNew();
        var from = (int)import.Records;
        var json = new StringBuilder(256);
        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        DbCommand? full = null;
        try
        {
            for (var start = from; start < table.Count; start += options.ChunkSize)
            {
                var end = Math.Min(table.Count, start + options.ChunkSize);
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    for (var batch = start; batch < end; batch += RowsPerStatement)
                    {
                        var count = Math.Min(RowsPerStatement, end - batch);
                        var command = count == RowsPerStatement ? full ??= Upsert(connection, RowsPerStatement, postgres) : Upsert(connection, count, postgres);
                        command.Transaction = transaction.GetDbTransaction();
                        command.Parameters[0].Value = dataset;
                        for (var i = 0; i < count; i++)
                        {
                            command.Parameters[1 + 2 * i].Value = table.Number(batch + i, options.Digits);
                            command.Parameters[2 + 2 * i].Value = table.Json(batch + i, codes, json);
                        }
                        await command.ExecuteNonQueryAsync(cancellationToken);
                        if (command != full)
                            await command.DisposeAsync();
                    }
                    // Records changed in bulk: every node's look-up forgets the exam's cached records within seconds (a file
                    // imported after publication, e.g. a council's correction, is seen at once).
                    db.DatasetRecords.Add(new DatasetRecord
                    {
                        Dataset = DatasetChanges.JournalOf(dataset), Key = DatasetChanges.KeyOf(clock.GetUtcNow().UtcDateTime, Guid.NewGuid()),
                        DataJson = DatasetChanges.DataOf(DatasetChanges.AllKeys),
                    });
                    import.Records = end;
                    import.LastLine = table.FirstLine(end - 1);
                    import.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                    if (end == table.Count)
                    {
                        import.Status = DatasetImportStatus.Completed;
                        import.FinishedAt = import.UpdatedAt;
                    }
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                progress?.Invoke(new ScoreImportProgress("writing", end, table.Count, (end - from) / Math.Max(writeWatch.Elapsed.TotalSeconds, 1e-3)));
            }
            if (table.Count == 0 || from >= table.Count)
            {
                import.Status = DatasetImportStatus.Completed;
                import.FinishedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
        return new ScoreImportResult(ScoreImportOutcome.Imported, [], 0, table.Rows, table.Count, table.Count - from, resumed, watch.Elapsed);
    }

    /// <summary>The numbers given to the exam's instances: the keys their results wait keeps (one indexed query, no state
    /// JSON read), and those already imported (a correction after publication, when the waits are gone).</summary>
    private async Task<HashSet<long>> KnownNumbersAsync(ScoreImportOptions options, CancellationToken cancellationToken)
    {
        var known = new HashSet<long>();
        var fullKey = WaitActivity.SignalKey(options.Signal, options.Exam.ToString(CultureInfo.InvariantCulture));
        await foreach (var key in db.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKinds.Signal && b.Key == fullKey && b.DataKey != null)
                           .Select(b => b.DataKey!).AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                known.Add(number);
        await foreach (var key in db.DatasetRecords.AsNoTracking().Where(r => r.Dataset == options.Dataset).Select(r => r.Key)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                known.Add(number);
        return known;
    }

    private static ScoreTable Read(ScoreImportOptions options, string[] codes, HashSet<long>? known, Action<ScoreImportProgress>? progress,
        Stopwatch watch, CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
            index[codes[i]] = i;
        var table = new ScoreTable(codes.Length);
        var csvOptions = new CsvReaderOptions
        {
            HasHeader = true, TrackLineNumbers = true, SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        var length = new FileInfo(options.FilePath).Length;
        using var csv = CsvReader.FromFile(options.FilePath, csvOptions, FileOptions.SequentialScan);
        if (!csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(["candidate_number", "subject", "score"]))
        {
            table.Problem(1, "Dòng tiêu đề phải là 'candidate_number,subject,score' / The header must be 'candidate_number,subject,score'.");
            return table;
        }
        while (csv.Read())
        {
            var line = csv.LineNumber;
            table.Rows++;
            if ((table.Rows & 0xFFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(new ScoreImportProgress("validating", csv.ByteOffset, length, table.Rows / Math.Max(watch.Elapsed.TotalSeconds, 1e-3)));
            }
            if (csv.FieldCount != 3)
            {
                table.Problem(line, $"Cần 3 cột, có {csv.FieldCount} / Expected 3 columns, found {csv.FieldCount}.");
                continue;
            }
            var numberText = csv.GetString(0).Trim();
            var subject = csv.GetString(1).Trim().ToUpperInvariant();
            var scoreText = csv.GetString(2).Trim();
            if (numberText.Length != options.Digits || !numberText.All(char.IsAsciiDigit))
            {
                table.Problem(line, $"Số báo danh '{numberText}' phải gồm {options.Digits} chữ số / Candidate number '{numberText}' must be {options.Digits} digits.");
                continue;
            }
            var number = long.Parse(numberText, CultureInfo.InvariantCulture);
            var bad = false;
            if (!index.TryGetValue(subject, out var column))
            {
                table.Problem(line, $"Mã môn '{subject}' không có trong danh mục {ExamSubjects.CodeListId} / Unknown subject code '{subject}' (use {string.Join(", ", codes)}).");
                bad = true;
            }
            if (!TryScore(scoreText, out var hundredths))
            {
                table.Problem(line, $"Điểm '{scoreText}' phải từ 0 đến 10, tối đa 2 chữ số thập phân / Score '{scoreText}' must be 0–10 with at most 2 decimals (e.g. 7.25).");
                bad = true;
            }
            if (known is not null && !known.Contains(number))
            {
                table.Problem(line, $"Số báo danh '{numberText}' không thuộc kỳ thi {options.Exam} / Candidate number '{numberText}' was not given in exam {options.Exam}.");
                bad = true;
            }
            if (bad)
                continue;
            if (!table.Set(number, column, hundredths, line))
                table.Problem(line, $"Trùng số báo danh và môn ({numberText}, {subject}) / Duplicate row for candidate {numberText} and subject {subject}.");
        }
        return table;
    }

    private static bool TryScore(string text, out short hundredths)
    {
        hundredths = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) || score > 10m)
            return false;
        var scaled = score * 100m;
        if (scaled != decimal.Truncate(scaled))
            return false;
        hundredths = (short)scaled;
        return true;
    }

    private static DbCommand Upsert(DbConnection connection, int rows, bool postgres)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("""INSERT INTO dataset_records ("Dataset", "Key", "DataJson") VALUES """);
        AddParameter(command, "@d");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("(@d, @k").Append(i).Append(", @j").Append(i).Append(')');
            AddParameter(command, "@k" + i);
            AddParameter(command, "@j" + i);
        }
        // The file owns a record's scores and record average; a re-marking's result (`remarking`, written by exam-remarking's
        // dataset step) is a later decision and stays with the record when a corrected file names the candidate again.
        sql.Append(postgres
            ? """ ON CONFLICT ("Dataset", "Key") DO UPDATE SET "DataJson" = CASE WHEN dataset_records."DataJson"::jsonb ? 'remarking' """ +
              """THEN (excluded."DataJson"::jsonb || jsonb_build_object('remarking', dataset_records."DataJson"::jsonb -> 'remarking'))::text """ +
              """ELSE excluded."DataJson" END"""
            : """ ON CONFLICT ("Dataset", "Key") DO UPDATE SET "DataJson" = CASE WHEN json_type(dataset_records."DataJson", '$.remarking') IS NULL """ +
              """THEN excluded."DataJson" ELSE json_set(excluded."DataJson", '$.remarking', json(json_extract(dataset_records."DataJson", '$.remarking'))) END""");
        command.CommandText = sql.ToString();
        return command;
    }

    private static void AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.String;
        command.Parameters.Add(parameter);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The file's scores per candidate, compactly: a row of hundredths (−1 = none) per candidate, in order of first appearance.</summary>
    private sealed class ScoreTable(int columns)
    {
        private readonly Dictionary<long, int> rowOf = [];
        private long[] numbers = new long[1024];
        private long[] firstLines = new long[1024];
        private short[] scores = new short[1024 * columns];

        public List<ImportProblem> Problems { get; } = [];
        public long ProblemCount { get; private set; }
        public long Rows { get; set; }
        public int Count { get; private set; }

        public void Problem(long line, string reason)
        {
            ProblemCount++;
            if (Problems.Count < MaxProblemsKept)
                Problems.Add(new ImportProblem(line, reason));
        }

        public bool Set(long number, int column, short hundredths, long line)
        {
            if (!rowOf.TryGetValue(number, out var row))
            {
                if (Count == numbers.Length)
                {
                    Array.Resize(ref numbers, Count * 2);
                    Array.Resize(ref firstLines, Count * 2);
                    Array.Resize(ref scores, Count * 2 * columns);
                }
                row = Count++;
                rowOf[number] = row;
                numbers[row] = number;
                firstLines[row] = line;
                Array.Fill(scores, (short)-1, row * columns, columns);
            }
            ref var slot = ref scores[row * columns + column];
            if (slot >= 0)
                return false;
            slot = hundredths;
            return true;
        }

        public string Number(int row, int digits) => numbers[row].ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');

        public long FirstLine(int row) => firstLines[row];

        /// <summary><c>{"scores":{"TOAN":7.5,…},"record":7.1}</c> — subjects in the list's order; "record" only when given.</summary>
        public string Json(int row, string[] codes, StringBuilder json)
        {
            json.Clear().Append("{\"scores\":{");
            var first = true;
            for (var c = 0; c < codes.Length - 1; c++)
            {
                var value = scores[row * columns + c];
                if (value < 0)
                    continue;
                json.Append(first ? "\"" : ",\"").Append(codes[c]).Append("\":").Append(Format(value));
                first = false;
            }
            json.Append('}');
            var record = scores[row * columns + codes.Length - 1];
            if (record >= 0)
                json.Append(",\"record\":").Append(Format(record));
            return json.Append('}').ToString();
        }

        private static string Format(short hundredths) => (hundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
