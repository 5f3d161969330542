using Microsoft.EntityFrameworkCore;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>SQLite's plan for a query as EF Core sends it (<c>EXPLAIN QUERY PLAN</c>): how a test proves that a query reads
/// through the index it was written for. Without statistics the planner's choice does not depend on the data.</summary>
public static class QueryPlans
{
    public static async Task<IReadOnlyList<string>> SqliteAsync<T>(DbContext db, IQueryable<T> query)
    {
        // ToQueryString puts the parameters first, as ".param set @name 'value'" lines; the plan needs only the statement.
        var lines = query.ToQueryString().Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var parameter = explain.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = parts[1].Trim('\'');
            explain.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }
}
