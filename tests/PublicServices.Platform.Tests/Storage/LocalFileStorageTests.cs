using PublicServices.Platform.Storage;

namespace PublicServices.Platform.Tests.Storage;

public sealed class LocalFileStorageTests
{
    private readonly LocalFileStorage storage = new(Path.Combine(Path.GetTempPath(), "ps-storage-tests", Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task Should_store_and_read_back_under_an_unguessable_key()
    {
        var key = await storage.SaveAsync(new MemoryStream([1, 2, 3]), "pdf", default);
        await using var stream = await storage.OpenReadAsync(key, default);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Matches("^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}\\.pdf$", key);
        Assert.Equal([1, 2, 3], copy.ToArray());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task Should_refuse_keys_that_escape_the_folder(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenReadAsync(key, default));
    }

    [Fact]
    public async Task Should_refuse_an_unsafe_extension()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => storage.SaveAsync(new MemoryStream([1]), "p/df", default));
    }
}
