using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Results;

/// <summary>
/// A record changed by a <c>dataset</c> step on another node (its merge handler tells only its own process) reaches this
/// node's look-up within <see cref="ExamResults.ChangesPollInterval"/>, through the dataset's change journal.
/// </summary>
public sealed class ResultChangesTests(ClockedPortalFactory portal) : IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task A_record_merged_on_another_node_replaces_the_cached_one_within_the_poll_interval()
    {
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResultPublication>().ScheduleAsync(2031, portal.Clock.GetUtcNow(), default);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DatasetRecords.Add(new DatasetRecord { Dataset = "exam-2031", Key = "01000007", DataJson = """{"scores":{"TOAN":7.5,"VAN":6.25},"record":7.1}""" });
            await db.SaveChangesAsync();
        }
        var client = portal.Browser();
        var published = await client.GetFromJsonAsync<JsonObject>("/api/v1/results/2031/01000007");
        Assert.Equal(6.25m, Score(published!, "VAN"));

        var remarking = new JsonObject
        {
            ["remarking"] = new JsonObject
            {
                ["changes"] = new JsonArray(new JsonObject { ["subject"] = "VAN", ["before"] = 6.25, ["score"] = 6.75 }),
                ["graduationScore"] = 7.52, ["graduated"] = true,
            },
        };
        var message = await MergeOnAnotherNodeAsync("exam-2031", "01000007", remarking);
        var cached = await client.GetFromJsonAsync<JsonObject>("/api/v1/results/2031/01000007");
        Assert.Equal(6.25m, Score(cached!, "VAN"));                // this node has not read the journal yet
        Assert.False(cached!["remarked"]!.GetValue<bool>());

        portal.Clock.Advance(ExamResults.ChangesPollInterval);
        var changed = await client.GetFromJsonAsync<JsonObject>("/api/v1/results/2031/01000007");
        Assert.Equal(6.75m, Score(changed!, "VAN"));
        Assert.True(changed!["remarked"]!.GetValue<bool>());
        Assert.Equal(7.52m, changed["remarking"]!["graduationScore"]!.GetValue<decimal>());
        Assert.Equal(7.5m, Score(changed, "TOAN"));

        // The imported scores stay in the record; the journal has one row per change, none for a redelivered message.
        await MergeOnAnotherNodeAsync("exam-2031", "01000007", remarking, message);
        var (record, journal) = await RecordAsync("exam-2031", "01000007");
        Assert.Equal(6.25m, JsonNode.Parse(record)!["scores"]!["VAN"]!.GetValue<decimal>());
        Assert.Equal(1, journal);

        // JSON Merge Patch: null removes a key, so the record is as imported again — and the look-up follows.
        await MergeOnAnotherNodeAsync("exam-2031", "01000007", new JsonObject { ["remarking"] = null });
        (record, journal) = await RecordAsync("exam-2031", "01000007");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"scores":{"TOAN":7.5,"VAN":6.25},"record":7.1}"""), JsonNode.Parse(record)));
        Assert.Equal(2, journal);
        portal.Clock.Advance(ExamResults.ChangesPollInterval);
        var reverted = await client.GetFromJsonAsync<JsonObject>("/api/v1/results/2031/01000007");
        Assert.Equal(6.25m, Score(reverted!, "VAN"));
        Assert.Null(reverted!["remarking"]);

        // A missing record is created.
        await MergeOnAnotherNodeAsync("exam-2031", "01000008", new JsonObject { ["scores"] = new JsonObject { ["TOAN"] = 9 } });
        Assert.Equal("""{"scores":{"TOAN":9}}""", (await RecordAsync("exam-2031", "01000008")).Json);
    }

    /// <summary>The merge handler as another node runs it: no observer of this process is told.</summary>
    private async Task<OutboxMessageRecord> MergeOnAnotherNodeAsync(string dataset, string key, JsonObject merge, OutboxMessageRecord? again = null)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = again ?? new OutboxMessageRecord
        {
            Id = Guid.CreateVersion7(), Kind = "dataset.merge",
            PayloadJson = new JsonObject { ["dataset"] = dataset, ["key"] = key, ["merge"] = merge.DeepClone() }.ToJsonString(),
        };
        await new DatasetMergeHandler(db, portal.Clock, []).HandleAsync(message, CancellationToken.None);
        return message;
    }

    private async Task<(string Json, int Journal)> RecordAsync(string dataset, string key)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var journal = DatasetChanges.JournalOf(dataset);
        return (await db.DatasetRecords.Where(r => r.Dataset == dataset && r.Key == key).Select(r => r.DataJson).SingleAsync(),
            await db.DatasetRecords.CountAsync(r => r.Dataset == journal));
    }

    private static decimal Score(JsonObject result, string code) =>
        result["scores"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == code)!["score"]!.GetValue<decimal>();
}
