using PublicServices.Platform.Persistence;
using PublicServices.Platform.Sequences;
using PublicServices.Platform.Tests.Persistence;

namespace PublicServices.Platform.Tests.Sequences;

public sealed class SequenceAllocatorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_hand_out_dense_unique_numbers_to_concurrent_nodes(DatabaseProvider provider)
    {
        var options = await TestDatabases.NewAsync(provider);
        await (await TestDatabases.MigratedAsync(options)).DisposeAsync();

        async Task<List<long>> Node()
        {
            var numbers = new List<long>();
            for (var i = 0; i < 50; i++)
            {
                await using var db = TestDatabases.Context(options);
                await using var tx = await db.Database.BeginTransactionAsync();
                numbers.Add(await SequenceAllocator.NextAsync(db, "dossier:G12.34:251122", default));
                await tx.CommitAsync();
            }
            return numbers;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Node)));
        var all = results.SelectMany(r => r).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), all);
    }

    [Fact]
    public async Task Should_give_a_number_back_when_the_transaction_rolls_back()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await SequenceAllocator.NextAsync(db, "document:naric:2026", default));
            await tx.RollbackAsync();
        }
        var next = await SequenceAllocator.NextAsync(db, "document:naric:2026", default);
        var other = await SequenceAllocator.NextAsync(db, "document:naric:2027", default);

        Assert.Equal(1, next);
        Assert.Equal(1, other);
    }
}
