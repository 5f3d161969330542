namespace PublicServices.Platform.Identity;

/// <summary>
/// Role names. Officials' roles are the names procedures use in task steps (<c>role: recognition-officer</c>),
/// so a new procedure can introduce a role without C#; these constants are the ones the portal itself knows.
/// </summary>
public static class Roles
{
    public const string Administrator = "admin";
    public const string RecognitionOfficer = "recognition-officer";
    public const string RecognitionExpert = "recognition-expert";
    public const string RecognitionLeader = "recognition-leader";
    public const string SchoolOfficer = "school-officer";
    public const string DepartmentOfficer = "department-officer";
    public const string DepartmentLeader = "department-leader";
    public const string CouncilOfficer = "council-officer";
    public const string FinanceOfficer = "finance-officer";

    public static readonly IReadOnlyList<string> Official =
    [
        RecognitionOfficer, RecognitionExpert, RecognitionLeader, SchoolOfficer,
        DepartmentOfficer, DepartmentLeader, CouncilOfficer, FinanceOfficer,
    ];

    public static readonly IReadOnlyList<string> All = [Administrator, .. Official];

    /// <summary>Role names are kebab-case words: letters, digits and hyphens.</summary>
    public static bool IsWellFormed(string role) =>
        role.Length is > 0 and <= 64 && role.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
