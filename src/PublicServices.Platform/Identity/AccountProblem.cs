namespace PublicServices.Platform.Identity;

/// <summary>The part of an account form a problem belongs to, so that a page can show it beside that field.</summary>
public enum AccountField { Email, FullName, Password, Roles, Unit, Account }

public enum AccountProblemCode
{
    RolesRequired,
    RoleMalformed,
    UnitRequired,
    UnitUnknown,
    EmailUsed,
    /// <summary>A rule of ASP.NET Core Identity (password strength, user name); its text is already in the app's language.</summary>
    Identity,
    NotFound,
    CannotDisableSelf,
    CannotDropOwnAdminRole,
}

/// <summary>
/// A reason an account change was refused: a code the web app turns into a localized message (with
/// <see cref="Argument"/>), and a bilingual <see cref="Message"/> for the command line.
/// </summary>
public sealed record AccountProblem(AccountField Field, AccountProblemCode Code, string Message, string? Argument = null)
{
    public override string ToString() => Message;
}
