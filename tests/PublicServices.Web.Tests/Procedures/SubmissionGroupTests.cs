using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>The exam portal whose writer takes whatever waits at once (no pacing): these tests say which applications
/// form a group by when they queue them. Pacing: <see cref="SubmissionPacingTests"/>.</summary>
public sealed class UnpacedExamPortalFactory() : ExamPortalFactory(new Dictionary<string, string?> { ["Submissions:GroupInterval"] = "00:00:00" });

/// <summary>
/// The submissions' writer checks files and <c>uniqueBy</c> keys for its whole group, inside the group's transaction:
/// applications queued together cannot share a file or a key, which checks made one request at a time, before anything
/// was committed, let through.
/// </summary>
public sealed class SubmissionGroupTests(UnpacedExamPortalFactory portal) : ExamScenario(portal), IClassFixture<UnpacedExamPortalFactory>
{
    [Fact]
    public async Task Applications_queued_together_cannot_share_a_file_or_a_unique_key()
    {
        var an = await ApplicantAsync("nhom.an@example.com", "Ngô Văn An", "001209000204");
        await RegisterAsync(an, Registration("Ngô Văn An", "001209000204", "01-001")); // committed before: its key is taken
        var minh = await ApplicantAsync("nhom.minh@example.com", "Lê Hoàng Minh", "001209000201");
        var hoa = await ApplicantAsync("nhom.hoa@example.com", "Trần Thị Hoa", "001209000202");
        var minhPhoto = await UploadAsync(minh, TestFiles.Png(400, 600), "photo.png");
        var hoaPhoto = await UploadAsync(hoa, TestFiles.Png(400, 600), "photo.png");
        var hoaSecondPhoto = await UploadAsync(hoa, TestFiles.Png(400, 600), "photo-2.png");
        using var scope = Portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var (minhId, hoaId) = ((await users.FindByEmailAsync("nhom.minh@example.com"))!.Id, (await users.FindByEmailAsync("nhom.hoa@example.com"))!.Id);
        SubmissionDraft Draft(string applicant, string key, string name, string cccd, string photo) => DraftOf(Portal, services, applicant, key, name, cccd, photo);

        var writer = services.GetRequiredService<SubmissionWriter>();
        Task<SubmissionResult> first, samePhoto, sameCccd, takenCccd, afterTwin, afterTaken;
        // While the writer's turn is held nothing commits: all six are in the writer before any of them is written.
        using (await services.GetRequiredService<WriterTurns>().TakeAsync())
        {
            first = writer.WriteAsync(Draft(minhId, "nhom-1", "Lê Hoàng Minh", "001209000201", minhPhoto), CancellationToken.None);
            samePhoto = writer.WriteAsync(Draft(minhId, "nhom-2", "Lê Hoàng Minh", "001209000203", minhPhoto), CancellationToken.None);
            sameCccd = writer.WriteAsync(Draft(hoaId, "nhom-3", "Trần Thị Hoa", "001209000201", hoaPhoto), CancellationToken.None);
            takenCccd = writer.WriteAsync(Draft(hoaId, "nhom-4", "Trần Thị Hoa", "001209000204", hoaSecondPhoto), CancellationToken.None);
            // The refused applications above took neither their files nor their keys from these two.
            afterTwin = writer.WriteAsync(Draft(hoaId, "nhom-5", "Trần Thị Hoa", "001209000205", hoaPhoto), CancellationToken.None);
            afterTaken = writer.WriteAsync(Draft(hoaId, "nhom-6", "Trần Thị Hoa", "001209000206", hoaSecondPhoto), CancellationToken.None);
        }
        await DrainAsync();

        var written = (await first).Dossier!;
        Assert.False((await first).AlreadySubmitted);
        Assert.Null((await samePhoto).Dossier);
        Assert.Contains((await samePhoto).Errors, e => e.FieldId == "photo" && e.Message.En.Contains("not found"));
        Assert.Null((await sameCccd).Dossier);
        Assert.Equal("duplicate", (await sameCccd).RefusalKind);
        Assert.DoesNotContain(written.Code, (await sameCccd).Refusal!.Vi); // another person's dossier code is not disclosed
        Assert.Equal("duplicate", (await takenCccd).RefusalKind);
        Assert.NotNull((await afterTwin).Dossier);
        Assert.NotNull((await afterTaken).Dossier);
        var (dossiers, holders) = await WithDbAsync(async db => (
            await db.Dossiers.Where(d => d.ApplicantId == minhId || d.ApplicantId == hoaId).OrderBy(d => d.UniqueKey).Select(d => d.UniqueKey).ToListAsync(),
            await db.Attachments.Where(a => a.OwnerId == minhId || a.OwnerId == hoaId).ToDictionaryAsync(a => a.Id.ToString(), a => a.DossierCode)));
        Assert.Equal(["2027-001209000201", "2027-001209000205", "2027-001209000206"], dossiers);
        Assert.Equal(written.Code, holders[minhPhoto]);
        Assert.Equal((await afterTwin).Dossier!.Code, holders[hoaPhoto]);
        Assert.Equal((await afterTaken).Dossier!.Code, holders[hoaSecondPhoto]);
    }

    /// <summary>
    /// The writer stages its next group while the current one commits, with the codes it foresees; the rows are used only
    /// if the group's own transaction reserves exactly those codes for exactly those applications. Otherwise — here an
    /// application refused for a key the group before took, so the next one's code moves up by one — the group is staged
    /// again: every dossier carries its own code in its instance and its task, and codes stay dense.
    /// </summary>
    [Fact]
    public async Task The_next_group_is_staged_during_the_commit_and_staged_again_when_its_codes_differ()
    {
        var names = new[]
        {
            ("truoc.an", "Phạm Minh An"), ("truoc.binh", "Đỗ Thị Bình"), ("truoc.chi", "Vũ Quỳnh Chi"),
            ("truoc.dung", "Hồ Anh Dũng"), ("truoc.dung", "Hồ Anh Dũng"), ("truoc.khoa", "Đặng Đăng Khoa"),
        };
        var cccds = new[] { "001209000301", "001209000302", "001209000303", "001209000304", "001209000305", "001209000306" };
        var photos = new List<string>();
        for (var i = 0; i < names.Length; i++)
            photos.Add(i == 4
                ? photos[3] // the fourth person's second application gives the photo their first one holds: refused
                : await UploadAsync(await ApplicantAsync($"{names[i].Item1}@example.com", names[i].Item2, cccds[i]), TestFiles.Png(400, 600), "photo.png"));
        using var scope = Portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var ids = new List<string>();
        foreach (var (login, _) in names)
            ids.Add((await users.FindByEmailAsync($"{login}@example.com"))!.Id);
        var writer = services.GetRequiredService<SubmissionWriter>();
        var turns = services.GetRequiredService<WriterTurns>();

        // Two groups a time: the first alone (the writer waits for its turn with it), the next queued meanwhile — taken
        // and staged when the first starts its commit.
        async Task<SubmissionResult[]> TwoGroupsAsync(int[] firstGroup, int[] nextGroup)
        {
            var results = new Task<SubmissionResult>[names.Length];
            Task<SubmissionResult> Write(int i) =>
                writer.WriteAsync(DraftOf(Portal, services, ids[i], $"truoc-{i}", names[i].Item2, cccds[i], photos[i]), CancellationToken.None);
            using (await turns.TakeAsync())
            {
                foreach (var i in firstGroup)
                    results[i] = Write(i);
                Assert.True(SpinWait.SpinUntil(() => writer.Waiting == 0, TimeSpan.FromSeconds(10)), "the writer took the first group");
                foreach (var i in nextGroup)
                    results[i] = Write(i);
            }
            return await Task.WhenAll(firstGroup.Concat(nextGroup).Select(i => results[i]));
        }

        var aheadBefore = writer.GroupsStagedAhead;
        var written = await TwoGroupsAsync([0], [1, 2]);
        Assert.Equal(aheadBefore + 1, writer.GroupsStagedAhead); // foreseen right: the staged rows were written
        var codes = written.Select(r => r.Dossier!.Code).ToArray();
        Assert.Equal(DossierCodes.Following(codes[0], 2), codes[1..]);

        // The next group's first application is refused (its photo is the one the group before took): the other's code
        // is one less than foreseen.
        var second = await TwoGroupsAsync([3], [4, 5]);
        Assert.Equal(aheadBefore + 1, writer.GroupsStagedAhead); // not used: staged again in the group's transaction
        Assert.Contains(second[1].Errors, e => e.FieldId == "photo");
        Assert.Null(await WithDbAsync(db => db.Dossiers.SingleOrDefaultAsync(d => d.UniqueKey == "2027-001209000305")));
        Assert.Equal(DossierCodes.Following(codes[2], 2), new[] { second[0].Dossier!.Code, second[2].Dossier!.Code });
        foreach (var code in codes.Append(second[0].Dossier!.Code).Append(second[2].Dossier!.Code))
        {
            Assert.Equal(code, (string?)(await VariablesAsync(code))["dossier"]?["code"]);
            Assert.Equal(1, await WithDbAsync(db => db.Tasks.CountAsync(t => t.DossierCode == code)));
        }
        await DrainAsync();
    }

    internal static SubmissionDraft DraftOf(ExamPortalFactory portal, IServiceProvider services, string applicant, string key, string name, string cccd, string photo)
    {
        var definition = services.GetRequiredService<DefinitionRegistry>().Latest("exam-registration")!;
        var form = definition.Forms[ProcedureRules.StartForm(definition)!.Form];
        var context = ProcedureRules.Context(definition);
        var data = Registration(name, cccd, "01-001");
        data["photo"] = new JsonArray(photo);
        var validation = services.GetRequiredService<FormValidator>().Validate(form, form.Pages, data, checkRules: true, context);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => $"{e.FieldId}: {e.Message.Vi}")));
        return new SubmissionDraft(definition, form, applicant, key, validation.Values, [Guid.Parse(photo)],
            Declaration.Of("Tôi cam đoan", "I declare"), portal.Clock.GetUtcNow(), null)
        {
            UniqueKey = ProcedureRules.UniqueKey(definition, form.Id, validation.Values, context), RulesContext = context,
        };
    }
}
