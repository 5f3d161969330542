using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using PublicServices.Platform.Identity;
using QRCoder;

namespace PublicServices.Web.Features.Account;

/// <summary>Prepares the authenticator key and its otpauth:// QR code (the standard format every TOTP app reads).</summary>
public static class AuthenticatorSetup
{
    public static async Task<TwoFactorCodeForm> PrepareAsync(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        ApplicationUser user, TwoFactorCodeForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, and officials' sessions end when their stamp changes
            // (ActiveAccountCheck): the cookie is reissued with the new one.
            await signIn.RefreshSignInAsync(user);
        }
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("PublicServices")}:{UrlEncoder.Default.Encode(user.Email!)}" +
                  $"?secret={key}&issuer={UrlEncoder.Default.Encode("PublicServices")}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        form.SharedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        form.QrSvg = new SvgQRCode(data).GetGraphic(4);
        return form;
    }
}
