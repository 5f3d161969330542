namespace PublicServices.Platform.Identity;

/// <summary>An organisation unit officials belong to; tasks are scoped to one.</summary>
public sealed class Unit
{
    public required string Code { get; init; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public UnitKind Kind { get; set; }
    /// <summary>Enclosing unit (a school's provincial department), if any.</summary>
    public string? ParentCode { get; set; }
}
