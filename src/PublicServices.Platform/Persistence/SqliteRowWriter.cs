using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Runs one multi-row INSERT many times over SQLite's own API: the statement is prepared once for all the chunks of the
/// same size, and each value is bound by its position. Through Microsoft.Data.Sqlite every execution parsed its text
/// again and bound every parameter by a name look-up that scans the statement's parameters — quadratic in their number
/// (<c>sqlite3_bind_parameter_index</c>, 3 % of a submission's CPU, all of it in the single writer's serial part).
/// Values are the parameters EF Core's type mappings make (converters, sizes, SQLite types: exactly what SaveChanges
/// sends), bound with Microsoft.Data.Sqlite's rules (<see cref="Bind"/>); errors surface as the same
/// <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteRowWriter(SqliteConnection connection, string head, int columns) : IDisposable
{
    private readonly sqlite3 handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
    private sqlite3_stmt? statement;
    private int statementRows;

    /// <summary>Inserts the rows whose values are <paramref name="values"/> (row after row, <c>columns</c> each); false,
    /// writing nothing, when a value is of a kind bound here differently or not at all (the caller then sends it through
    /// Microsoft.Data.Sqlite).</summary>
    public bool TryInsert(IReadOnlyList<System.Data.Common.DbParameter> values)
    {
        foreach (var value in values)
            if (value is not SqliteParameter parameter || !Supported(parameter))
                return false;
        var rows = values.Count / columns;
        if (statement is null || statementRows != rows)
        {
            statement?.Dispose();
            statement = null;
            var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
            Check(raw.sqlite3_prepare_v2(handle, head + string.Join(", ", Enumerable.Repeat(row, rows)), out var prepared));
            (statement, statementRows) = (prepared, rows);
        }
        try
        {
            for (var i = 0; i < values.Count; i++)
                Bind(statement, i + 1, (SqliteParameter)values[i]);
            var done = raw.sqlite3_step(statement);
            if (done != raw.SQLITE_DONE)
                Check(done);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
        return true;
    }

    /// <summary>The kinds of value bound here; dates and times stored as Julian days (<see cref="SqliteType.Real"/>) and
    /// enums without a converter are left to Microsoft.Data.Sqlite.</summary>
    private static bool Supported(SqliteParameter parameter) => parameter.Value switch
    {
        null or DBNull or bool or byte[] or string or char or decimal or double or float or Guid => true,
        byte or sbyte or short or ushort or int or uint or long or ulong => true,
        DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan => parameter.SqliteType != SqliteType.Real,
        _ => false,
    };

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(result, handle);
    }

    /// <summary>Microsoft.Data.Sqlite's <c>SqliteValueBinder</c> (10.0) for the <see cref="Supported"/> kinds, by position: the
    /// parameter's SQLite type and size decide as they do there (<c>SqliteParameter.SqliteType</c> and <c>Size</c> fall back
    /// to the value's own, which changes nothing).</summary>
    private void Bind(sqlite3_stmt target, int index, SqliteParameter parameter)
    {
        var value = parameter.Value;
        var type = parameter.SqliteType;
        var size = parameter.Size;
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(target, index),
            bool b => raw.sqlite3_bind_int64(target, index, b ? 1 : 0),
            byte[] bytes => raw.sqlite3_bind_blob(target, index, size is > 0 && bytes.Length > size ? bytes.AsSpan(0, size) : bytes),
            string text => BindText(target, index, text, size),
            char c when type == SqliteType.Integer => raw.sqlite3_bind_int64(target, index, c),
            char c => BindText(target, index, new string(c, 1), size),
            DateTime at => BindText(target, index, at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), size),
            DateTimeOffset at => BindText(target, index, at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), size),
            DateOnly day => BindText(target, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture), size),
            TimeOnly time => BindText(target, index, time.Ticks % TimeSpan.TicksPerSecond == 0
                ? time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture), size),
            decimal number => BindText(target, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture), size),
            double number => BindDouble(target, index, number),
            float number => BindDouble(target, index, number),
            Guid id when type == SqliteType.Blob => raw.sqlite3_bind_blob(target, index, id.ToByteArray()),
            Guid id => BindText(target, index, id.ToString().ToUpperInvariant(), size),
            TimeSpan span => BindText(target, index, span.ToString("c"), size),
            ulong number => raw.sqlite3_bind_int64(target, index, (long)number),
            IConvertible number => raw.sqlite3_bind_int64(target, index, number.ToInt64(CultureInfo.InvariantCulture)), // the other integers (Supported)
            _ => throw new InvalidOperationException($"No SQLite binding for {value.GetType()}."),
        };
        Check(result);
    }

    private static int BindDouble(sqlite3_stmt target, int index, double value) =>
        double.IsNaN(value) ? throw new InvalidOperationException("Cannot store 'NaN' values.") : raw.sqlite3_bind_double(target, index, value);

    private static int BindText(sqlite3_stmt target, int index, string text, int size)
    {
        var kept = size > 0 && text.Length > size ? text.AsSpan(0, size) : text.AsSpan();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(kept.Length));
        try
        {
            // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer goes back to the pool at once.
            return raw.sqlite3_bind_text(target, index, buffer.AsSpan(0, Encoding.UTF8.GetBytes(kept, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => statement?.Dispose();
}
