using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Identity;

/// <summary>
/// Demo data for a new Development database: units, an administrator, officials for every role and two applicants,
/// all listed in the README; then the units of <c>workflows/units/*.csv</c> (every exam council's department and the
/// sample schools) that are not demo units already — the demo units above stay exactly as they are. Officials have two-factor sign-in already enabled with the published demo
/// authenticator key, so a newcomer can sign in with any TOTP app (or `oathtool --totp -b KEY`).
/// Never runs in Production (the caller checks the environment).
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    TimeProvider clock, UnitImport unitImport, WorkflowFiles files, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo@12345";
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static readonly IReadOnlyList<Unit> DemoUnits =
    [
        new() { Code = "naric", NameVi = "Trung tâm Công nhận văn bằng (VN-NARIC)", NameEn = "Recognition Centre (VN-NARIC)", Kind = UnitKind.RecognitionCentre, Place = "Hà Nội", SuperiorNameVi = "BỘ GIÁO DỤC VÀ ĐÀO TẠO" },
        new() { Code = "sgd-01", NameVi = "Sở Giáo dục và Đào tạo Hà Nội", NameEn = "Hà Nội Department of Education", Kind = UnitKind.ProvincialDepartment, Place = "Hà Nội", SuperiorNameVi = "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" },
        new() { Code = "sgd-02", NameVi = "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh", NameEn = "Hồ Chí Minh City Department of Education", Kind = UnitKind.ProvincialDepartment, Place = "TP. Hồ Chí Minh", SuperiorNameVi = "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH" },
        new() { Code = "01-001", NameVi = "Trường THPT Phan Đình Phùng", NameEn = "Phan Đình Phùng High School", Kind = UnitKind.School, ParentCode = "sgd-01", Place = "Hà Nội" },
        new() { Code = "01-002", NameVi = "Trường THPT Chu Văn An", NameEn = "Chu Văn An High School", Kind = UnitKind.School, ParentCode = "sgd-01", Place = "Hà Nội" },
        new() { Code = "02-001", NameVi = "Trường THPT Lê Hồng Phong", NameEn = "Lê Hồng Phong High School", Kind = UnitKind.School, ParentCode = "sgd-02", Place = "TP. Hồ Chí Minh" },
    ];

    public static readonly IReadOnlyList<(string Email, string FullName, string Role, string? Unit)> DemoOfficials =
    [
        ("admin@demo.gov.vn", "Quản trị Hệ thống", Roles.Administrator, null),
        ("tiepnhan@demo.gov.vn", "Nguyễn Văn Tiếp", Roles.RecognitionOfficer, "naric"),
        ("chuyenvien@demo.gov.vn", "Trần Thị Thẩm", Roles.RecognitionExpert, "naric"),
        ("lanhdao@demo.gov.vn", "Lê Quang Duyệt", Roles.RecognitionLeader, "naric"),
        ("truong.pdp@demo.gov.vn", "Phạm Thị Xác", Roles.SchoolOfficer, "01-001"),
        ("truong.cva@demo.gov.vn", "Hoàng Văn Nhận", Roles.SchoolOfficer, "01-002"),
        ("truong.lhp@demo.gov.vn", "Ngô Thị Phong", Roles.SchoolOfficer, "02-001"),
        ("so.hanoi@demo.gov.vn", "Đỗ Minh Sở", Roles.DepartmentOfficer, "sgd-01"),
        ("lanhdao.so@demo.gov.vn", "Phan Thị Lãnh", Roles.DepartmentLeader, "sgd-01"),
        ("hoidong.hanoi@demo.gov.vn", "Vũ Thị Hội", Roles.CouncilOfficer, "sgd-01"),
        ("taichinh@demo.gov.vn", "Bùi Văn Thu", Roles.FinanceOfficer, "naric"),
    ];

    public static readonly IReadOnlyList<(string Email, string FullName, string Cccd, DateOnly Birth, string Phone)> DemoApplicants =
    [
        ("nguyen.an@example.com", "Nguyễn Thị Hồng Nhung", "001307012345", new DateOnly(2007, 3, 15), "0912345678"),
        ("tran.binh@example.com", "Trần Văn Bình", "079095000123", new DateOnly(1995, 8, 2), "0987654321"),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
            return;

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        db.Units.AddRange(DemoUnits.Where(u => !db.Units.Any(x => x.Code == u.Code)));
        await db.SaveChangesAsync(cancellationToken);
        var unitFiles = Path.Combine(files.Root, "units");
        if (Directory.Exists(unitFiles))
            foreach (var file in Directory.EnumerateFiles(unitFiles, "*.csv").Order(StringComparer.Ordinal))
                logger.LogInformation("Seeded {Count} units from {File}", await unitImport.AddMissingAsync(file, cancellationToken), file);

        foreach (var (email, name, role, unit) in DemoOfficials)
        {
            var user = NewUser(email, name);
            user.IsOfficial = true;
            user.UnitCode = unit;
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, role));
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorKey));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        foreach (var (email, name, cccd, birth, phone) in DemoApplicants)
        {
            var user = NewUser(email, name);
            user.Cccd = cccd;
            user.DateOfBirth = birth;
            user.PhoneNumber = phone;
            Check(await users.CreateAsync(user, DemoPassword));
        }
        logger.LogInformation("Seeded demo data: {Officials} officials, {Applicants} applicants", DemoOfficials.Count, DemoApplicants.Count);
    }

    private ApplicationUser NewUser(string email, string name) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        FullName = name,
        CreatedAt = clock.GetUtcNow(),
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
