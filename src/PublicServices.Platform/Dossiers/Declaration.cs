using System.Security.Cryptography;
using System.Text;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// The declaration an applicant accepts when submitting (truthfulness, and consent to the processing of personal data for
/// this procedure — Decree 13/2023/NĐ-CP). Its version is derived from the exact texts shown, so a reworded declaration
/// is a new version and every dossier records which words its applicant agreed to.
/// </summary>
public sealed record Declaration(string Version)
{
    public static Declaration Of(string textVi, string textEn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(textVi + "\n" + textEn));
        return new Declaration("sha256:" + Convert.ToHexStringLower(hash)[..16]);
    }
}
