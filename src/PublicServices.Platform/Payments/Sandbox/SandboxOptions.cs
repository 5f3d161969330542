using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace PublicServices.Platform.Payments.Sandbox;

/// <summary>
/// The sandbox gateway's signing secret: <c>Payments:Sandbox:Secret</c>, or a random one per process (the gateway and
/// the portal then share the process; several nodes need the setting). Never a value in the repository.
/// </summary>
public sealed class SandboxOptions(IConfiguration configuration)
{
    public string Secret { get; } = configuration["Payments:Sandbox:Secret"] is { Length: >= 32 } configured
        ? configured
        : Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
}
