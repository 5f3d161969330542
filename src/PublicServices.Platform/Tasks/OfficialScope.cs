using PublicServices.Platform.Audit;

namespace PublicServices.Platform.Tasks;

/// <summary>
/// Who is asking, as the queues see them: an official's roles and unit (tasks are visible when both match), whether
/// they lead their unit (may reassign), and the client address for the audit log.
/// </summary>
public sealed record OfficialScope(string UserId, string UserName, IReadOnlyList<string> Roles, string? UnitCode, string? IpAddress)
{
    /// <summary>Leaders (a role ending in <c>-leader</c>) and administrators may reassign tasks of their unit.</summary>
    public bool IsLeader => Roles.Any(r => r.EndsWith("-leader", StringComparison.Ordinal) || r == Identity.Roles.Administrator);

    public AuditActor Actor => new(UserId, UserName, IpAddress);
}
