using System.Security.Cryptography;

namespace PublicServices.Platform.Storage;

/// <summary>
/// The default store: files under <c>{DataPath}/files/ab/cd/{random}.ext</c>. Written to a temporary name and moved into
/// place, so a crash never leaves a half-written file under a key that was handed out; and synced to the disk before
/// the key is handed out, so that a power cut cannot leave an empty file behind an upload the portal acknowledged (the
/// attachment's row, and later the dossier naming it, are committed with SQLite's sync, which on ext4 also commits the
/// journal holding the rename). Unsynced, the file's pages could wait in the page cache for up to 30 s.
/// </summary>
public sealed class LocalFileStorage(string root) : IFileStorage
{
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        if (extension.Length is 0 or > 5 || !extension.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Unsafe extension '{extension}'", nameof(extension));
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var key = $"{name[..2]}/{name[2..4]}/{name}.{extension.ToLowerInvariant()}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path);
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        // Keys come from SaveAsync; refuse anything that could escape the root.
        if (key.Contains("..", StringComparison.Ordinal) || key.Contains('\\') || Path.IsPathRooted(key))
            throw new ArgumentException("Invalid storage key", nameof(key));
        return Path.Combine(root, key);
    }
}
