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
    /// <summary>Where its documents are signed ("Hà Nội, ngày … tháng … năm …").</summary>
    public string? Place { get; set; }
    /// <summary>The governing body printed above the unit's name on documents ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI");
    /// when empty, the parent unit's name is printed.</summary>
    public string? SuperiorNameVi { get; set; }
}
