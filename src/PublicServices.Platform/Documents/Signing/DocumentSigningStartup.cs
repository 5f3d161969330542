using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PublicServices.Platform.Documents.Signing;

/// <summary>
/// At host start-up: loads (or, in development, makes) the signing certificate, so that a portal without one refuses to
/// start with a message naming <c>Documents:Signing:CertificatePath</c> instead of failing at the first issued document.
/// </summary>
public sealed class DocumentSigningStartup(IServiceProvider services, ILogger<DocumentSigningStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var certificate = services.GetRequiredService<DocumentSigner>().Certificate;
        logger.LogInformation("Documents are signed as {Subject} ({KeyAlgorithm}, thumbprint {Thumbprint}, valid until {NotAfter:yyyy-MM-dd}{Development})",
            certificate.Subject, certificate.KeyAlgorithm, certificate.Thumbprint, certificate.NotAfter, certificate.Development ? ", development certificate" : "");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
