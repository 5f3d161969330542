namespace PublicServices.Platform.Storage;

/// <summary>
/// Where uploads and generated PDFs live (never in database rows). Keys are opaque and unguessable; the caller checks who
/// may read a file before opening it.
/// </summary>
public interface IFileStorage
{
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken);

    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
