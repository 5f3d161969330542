using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Statistics;
using PublicServices.Tests;
using PublicServices.Workflows.Calendar;

namespace PublicServices.Platform.Tests.Statistics;

/// <summary>
/// Dossiers with known dates around the 2026 Tết holiday (days off Mon 16 – Fri 20 Feb 2026, so nothing is worked from
/// Sat 14 to Sun 22 Feb), written straight into the tables the statistics read. Times are UTC; the comments give the
/// Vietnam-local date (UTC+7) the figures use. Range: Mon 02/02/2026 – Sun 01/03/2026, ISO weeks W06–W09.
/// </summary>
public static class StatisticsScenario
{
    public const string DiplomaCopy = "diploma-copy";
    public const string ForeignDegree = "foreign-degree";

    public static readonly DateOnly From = new(2026, 2, 2);
    public static readonly DateOnly To = new(2026, 3, 1);

    /// <summary>The real holiday calendar of the repository (2025 and 2026).</summary>
    public static WorkingCalendar Calendar { get; } = WorkingCalendar.LoadDirectory(RepoPaths.InRepo("workflows", "calendar"));

    public static async Task SeedAsync(AppDbContext db)
    {
        db.Units.AddRange(
            new Unit { Code = "sgd-01", NameVi = "Sở GD&ĐT Hà Nội", NameEn = "Hà Nội DoE", Kind = UnitKind.ProvincialDepartment },
            new Unit { Code = "01-001", NameVi = "THPT Phan Đình Phùng", NameEn = "Phan Đình Phùng HS", Kind = UnitKind.School, ParentCode = "sgd-01" },
            new Unit { Code = "01-002", NameVi = "THPT Chu Văn An", NameEn = "Chu Văn An HS", Kind = UnitKind.School, ParentCode = "sgd-01" },
            new Unit { Code = "sgd-02", NameVi = "Sở GD&ĐT TP.HCM", NameEn = "HCMC DoE", Kind = UnitKind.ProvincialDepartment },
            new Unit { Code = "naric", NameVi = "VN-NARIC", NameEn = "VN-NARIC", Kind = UnitKind.RecognitionCentre });

        // W07. Thu 12/02 → Mon 23/02, due 24/02: on time; working days Fri 13 and Mon 23 = 2 (Tết in between).
        Add(db, "A", DiplomaCopy, "sgd-01", Utc(2026, 2, 12, 2), "Completed", Utc(2026, 2, 23, 3), new DateOnly(2026, 2, 24));
        // W07. Fri 13/02 → Wed 25/02, due 24/02: late; 23, 24, 25 = 3.
        Add(db, "B", DiplomaCopy, "sgd-01", Utc(2026, 2, 13, 9), "Completed", Utc(2026, 2, 25, 1), new DateOnly(2026, 2, 24));
        // W07. 12/02 23:30 UTC is Fri 13/02 06:30 in Vietnam; decided 24/02 17:30 UTC = Wed 25/02 00:30 in Vietnam, after
        // the due date 24/02 although the UTC date is the 24th: late; 3 working days.
        Add(db, "C", DiplomaCopy, "sgd-01", Utc(2026, 2, 12, 23, 30), "Completed", Utc(2026, 2, 24, 17, 30), new DateOnly(2026, 2, 24));
        // W07. No legal due date: on time; Mon 09/02 → Tue 10/02 = 1.
        Add(db, "D", DiplomaCopy, "sgd-01", Utc(2026, 2, 9, 3), "Completed", Utc(2026, 2, 10, 3), null);
        // W08 (submitted on the first day of Tết): waiting; withdrawn.
        Add(db, "E", DiplomaCopy, "sgd-01", Utc(2026, 2, 16, 3), "Waiting", Utc(2026, 2, 16, 3), new DateOnly(2026, 2, 27));
        Add(db, "F", DiplomaCopy, "sgd-01", Utc(2026, 2, 17, 3), "Cancelled", Utc(2026, 2, 18, 3), new DateOnly(2026, 2, 27), "withdrawn");
        // W09: faulted counts as in progress; an sgd-02 dossier submitted Sun 01/03 23:30 in Vietnam, the last minute of the range.
        Add(db, "G", DiplomaCopy, "sgd-01", Utc(2026, 2, 24, 3), "Faulted", Utc(2026, 2, 24, 4), new DateOnly(2026, 3, 5));
        Add(db, "K", DiplomaCopy, "sgd-02", Utc(2026, 3, 1, 16, 30), "Waiting", Utc(2026, 3, 1, 16, 30), new DateOnly(2026, 3, 9));
        // W06. Another procedure and agency: Tue 03/02 → Fri 06/02, due 05/02: late; 3 working days.
        Add(db, "H", ForeignDegree, "naric", Utc(2026, 2, 3, 3), "Completed", Utc(2026, 2, 6, 3), new DateOnly(2026, 2, 5));
        // W06. A school under sgd-01, decided the day it was submitted: on time, 0 working days.
        Add(db, "I", DiplomaCopy, "01-001", Utc(2026, 2, 4, 3), "Completed", Utc(2026, 2, 4, 9), new DateOnly(2026, 2, 11));
        // W06. 01/02 17:30 UTC is Mon 02/02 00:30 in Vietnam: inside the range.
        Add(db, "J", DiplomaCopy, "sgd-01", Utc(2026, 2, 1, 17, 30), "Running", Utc(2026, 2, 1, 17, 30), null);
        // Outside the range: Sun 01/02 23:30 and Mon 02/03 00:30 in Vietnam.
        Add(db, "X1", DiplomaCopy, "sgd-01", Utc(2026, 2, 1, 16, 30), "Completed", Utc(2026, 2, 3, 3), new DateOnly(2026, 2, 3));
        Add(db, "X2", DiplomaCopy, "sgd-01", Utc(2026, 3, 1, 17, 30), "Waiting", Utc(2026, 3, 1, 17, 30), null);
        await db.SaveChangesAsync();
    }

    public static StatisticsQuery Query(IReadOnlyCollection<string>? agencies = null, string? procedure = null) =>
        new(agencies, procedure, From, To);

    public static void Add(AppDbContext db, string code, string procedure, string agency, DateTime submittedAt, string status,
        DateTime updatedAt, DateOnly? dueDate, string? result = null)
    {
        var instanceId = Guid.NewGuid();
        db.Instances.Add(new InstanceRecord
        {
            Id = instanceId, DefinitionId = procedure, DefinitionVersion = 1, Status = status, StateJson = "{}", Result = result,
            CreatedAt = submittedAt, UpdatedAt = updatedAt,
        });
        db.Dossiers.Add(new DossierRecord
        {
            Code = code, ProcedureId = procedure, ProcedureVersion = 1, ApplicantId = "applicant", InstanceId = instanceId,
            AgencyCode = agency, IdempotencyKey = code, SubmittedAt = submittedAt, DueDate = dueDate,
            DeclarationVersion = "v1", DeclaredAt = submittedAt,
        });
    }

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
