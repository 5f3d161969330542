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

    /// <summary>Group commit reserves a block per group: blocks of racing nodes interleave but never overlap or leave gaps.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_reserve_dense_disjoint_blocks_for_concurrent_groups(DatabaseProvider provider)
    {
        var options = await TestDatabases.NewAsync(provider);
        await (await TestDatabases.MigratedAsync(options)).DisposeAsync();

        async Task<List<long>> Node(int size)
        {
            var numbers = new List<long>();
            for (var i = 0; i < 10; i++)
            {
                await using var db = TestDatabases.Context(options);
                await using var tx = await db.Database.BeginTransactionAsync();
                var first = await SequenceAllocator.ReserveAsync(db, "dossier:BGDDT:270421", size, default);
                numbers.AddRange(Enumerable.Range(0, size).Select(k => first + k));
                await tx.CommitAsync();
            }
            return numbers;
        }

        var results = await Task.WhenAll(new[] { 1, 3, 7, 13 }.Select(size => Task.Run(() => Node(size))));
        var all = results.SelectMany(r => r).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 240).Select(i => (long)i), all);
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
