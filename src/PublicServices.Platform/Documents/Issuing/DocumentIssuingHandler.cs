using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Sequences;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Documents.Issuing;

/// <summary>
/// Issues the document a <c>document</c> step asked for (outbox kind "document.issue"): takes the next number of the
/// agency's register for the year, renders and signs the PDF, stores it with its SHA-256, records it with an 80-bit
/// verification code and resumes the step — number, record and resumption in one transaction, so a failure gives the
/// number back and the outbox retries; a redelivered message finds the record and does nothing.
/// </summary>
public sealed class DocumentIssuingHandler(
    AppDbContext db, WorkflowEngine engine, DefinitionRegistry definitions, DocumentTemplateCatalog templates, DocumentRenderer renderer,
    IFileStorage storage, DocumentIssuingOptions options, TimeProvider clock) : IOutboxHandler
{
    public string Kind => WorkflowEngine.DocumentOutboxKind;

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(message.PayloadJson)!.AsObject();
        var bookmarkId = payload["bookmarkId"]!.GetValue<Guid>();
        if (await db.IssuedDocuments.AnyAsync(d => d.BookmarkId == bookmarkId, cancellationToken))
            return;
        var bookmark = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        if (bookmark is null)
            return; // The dossier was withdrawn or cancelled before the document was issued: nothing to issue.
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == bookmark.InstanceId, cancellationToken);
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var settings = (DocumentStepSettings)definition.Flow.Steps[bookmark.StepId].Settings;
        var template = templates.Get(settings.Template);
        var request = payload["document"]?.AsObject();
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.InstanceId == instance.Id, cancellationToken);
        var agency = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == definition.Agency, cancellationToken)
                     ?? throw new InvalidOperationException($"Agency '{definition.Agency}' of '{definition.Id}' is not a unit.");
        var superior = agency.SuperiorNameVi
                       ?? await db.Units.Where(u => u.Code == agency.ParentCode).Select(u => u.NameVi).SingleOrDefaultAsync(cancellationToken);
        var signer = request?["signedBy"]?.GetValue<string>() is { } actor
            ? await db.Users.Where(u => u.Id == actor).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken)
            : null;

        var now = clock.GetUtcNow().UtcDateTime;
        var localNow = now.AddHours(7); // Vietnam has one time zone, UTC+7, no daylight saving.
        var code = VerificationCodes.New();
        var model = DocumentModel.FromData(request?["data"]?.AsObject(), settings, definition, definitions.CodeLists);
        DocumentModel.NameCodes(template, model, definitions.CodeLists);
        model["agency"] = agency.NameVi;
        model["parentAgency"] = superior ?? "";
        model["place"] = agency.Place ?? "";
        model["issuedAt"] = localNow;
        model["verifyCode"] = VerificationCodes.Display(code);
        model["verifyUrl"] = options.VerifyUrl(code);
        model["dossierCode"] = dossier?.Code ?? "";
        model["procedure"] = definition.Title.Vi;
        model["dueDate"] = dossier?.DueDate;
        model["submittedAt"] = dossier is null ? "" : DateOnly.FromDateTime(dossier.SubmittedAt.AddHours(7));
        if (signer is not null)
            model[DocumentBindings.SignerName] = signer;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = await SequenceAllocator.NextAsync(db, $"document:{agency.Code}:{localNow.Year}", cancellationToken);
        var number = $"{sequence}/{localNow.Year}" + (template.NumberSuffix is { } suffix ? "/" + suffix : "");
        model["number"] = number;
        var pdf = settings.Signed ? renderer.RenderSigned(template, model) : renderer.Render(template, model);
        string key;
        using (var content = new MemoryStream(pdf, writable: false))
            key = await storage.SaveAsync(content, "pdf", cancellationToken);
        try
        {
            var document = new IssuedDocumentRecord
            {
                Id = Guid.NewGuid(), VerificationCode = code, Number = number, AgencyCode = agency.Code, TemplateId = template.Id,
                Title = template.Title, InstanceId = instance.Id, BookmarkId = bookmarkId, DossierCode = dossier?.Code,
                ApplicantId = dossier?.ApplicantId, HolderName = Truncate(model.GetValueOrDefault("holderName") as string, 128),
                IssuedAt = now, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), StorageKey = key, SizeBytes = pdf.Length,
                Signed = settings.Signed,
            };
            db.IssuedDocuments.Add(document);
            var resumed = await engine.ResumeAsync(new Stimulus(bookmarkId, BookmarkKinds.Document, "done", "system:documents")
            {
                Payload = new JsonObject { ["documentId"] = document.Id, ["number"] = number, ["code"] = VerificationCodes.Display(code) },
            }, cancellationToken);
            if (resumed.Refusal is { } refusal)
                throw new InvalidOperationException($"The document step refused to resume: {refusal.Message}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // Nothing refers to the file: remove it so a retry does not leave orphans behind.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
