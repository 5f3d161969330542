using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Signing;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Documents;

/// <summary>The portal's signing certificate at start-up: made in the data folder in development, required elsewhere.</summary>
public sealed class DocumentSigningStartupTests
{
    [Fact]
    public void The_development_portal_signs_with_a_certificate_it_keeps_in_its_data_folder()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        var renderer = portal.Services.GetRequiredService<DocumentRenderer>();

        Assert.True(File.Exists(SigningCertificates.DevelopmentPath(portal.DataPath)));
        Assert.NotNull(renderer.Signer);
        Assert.True(renderer.Signer!.Certificate.Development);
        Assert.Equal(renderer.Signer.Certificate.Thumbprint, portal.Services.GetRequiredService<DocumentSigner>().Certificate.Thumbprint);
    }

    [Fact]
    public void A_portal_without_a_signing_certificate_does_not_start_and_names_the_setting()
    {
        using var portal = new UnsignedPortal();

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("Documents:Signing:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class UnsignedPortal() : PortalFactory("Staging", new Dictionary<string, string?>
    {
        ["Documents:Signing:GenerateDevelopmentCertificate"] = "false",
    });
}
