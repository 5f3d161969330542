using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Sequences;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Documents.Issuing;

/// <summary>
/// Issues the document a <c>document</c> step asked for (outbox kind "document.issue"): takes the next number of the
/// issuing unit's register for the year (the step's <c>issuer</c>, else the procedure's agency), renders and signs the
/// PDF, stores it with its SHA-256, records it with an 80-bit verification code, revokes the document it replaces
/// (<c>replaces</c>) and resumes the step — number, record, replacement and resumption in one transaction, so a failure
/// gives the number back and the outbox retries; a redelivered message finds the record and does nothing.
/// </summary>
public sealed class DocumentIssuingHandler(
    AppDbContext db, WorkflowEngine engine, DefinitionRegistry definitions, DocumentTemplateCatalog templates, DocumentRenderer renderer,
    IFileStorage storage, DocumentIssuingOptions options, AuditLog audit, TimeProvider clock) : IOutboxHandler
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
        var agency = await IssuerAsync(request, settings, definition, cancellationToken);
        var superior = agency.SuperiorNameVi
                       ?? await db.Units.Where(u => u.Code == agency.ParentCode).Select(u => u.NameVi).SingleOrDefaultAsync(cancellationToken);
        var signer = request?["signedBy"]?.GetValue<string>() is { } actor
            ? await db.Users.Where(u => u.Id == actor).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken)
            : null;

        var now = clock.GetUtcNow().UtcDateTime;
        var localNow = now.AddHours(7); // Vietnam has one time zone, UTC+7, no daylight saving.
        var code = VerificationCodes.New();
        var model = DocumentModel.FromData(request?["data"]?.AsObject(), settings, definition, definitions.CodeLists, definitions.Latest);
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
                Id = Guid.CreateVersion7(), VerificationCode = code, Number = number, AgencyCode = agency.Code, TemplateId = template.Id,
                Title = template.Title, InstanceId = instance.Id, BookmarkId = bookmarkId, DossierCode = dossier?.Code,
                ApplicantId = dossier?.ApplicantId, HolderName = Truncate(model.GetValueOrDefault("holderName") as string, 128),
                IssuedAt = now, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), StorageKey = key, SizeBytes = pdf.Length,
                Signed = settings.Signed,
            };
            db.IssuedDocuments.Add(document);
            if (settings.Replaces is not null)
                await ReplaceAsync(request?["replaces"], document, dossier, cancellationToken);
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

    /// <summary>The step's <c>issuer</c> unit, else the procedure's agency; a code that names no unit cannot be fixed by
    /// retrying, so it fails at once into an incident naming the step and the code.</summary>
    private async Task<Unit> IssuerAsync(JsonObject? request, DocumentStepSettings settings, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var code = settings.Issuer is null ? definition.Agency : request?["issuer"] is JsonValue value ? value.ToString() : null;
        if (string.IsNullOrWhiteSpace(code))
            throw new PermanentOutboxFailureException(
                $"Quy tắc 'issuer' của '{definition.Id}' không cho mã đơn vị / The 'issuer' rule of '{definition.Id}' gave no unit code.");
        return await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken)
               ?? throw new PermanentOutboxFailureException(
                   $"Không có đơn vị '{code}' để cấp văn bản của '{definition.Id}' / No unit '{code}' to issue the document of '{definition.Id}': " +
                   "add the unit (or fix the procedure's 'issuer'/'agency'), then retry the incident.");
    }

    /// <summary>
    /// Revokes the earlier document this one replaces, in the issuing transaction: the same applicant's, still valid
    /// (one already revoked keeps its first reason). Audited as a revocation by the system.
    /// </summary>
    private async Task ReplaceAsync(JsonNode? replaces, IssuedDocumentRecord replacement, DossierRecord? dossier, CancellationToken cancellationToken)
    {
        if (replaces is null)
            return;
        if (!Guid.TryParse(replaces.ToString(), out var id))
            throw new PermanentOutboxFailureException($"'replaces' không phải mã văn bản / 'replaces' is not a document id: {replaces.ToJsonString()}.");
        var earlier = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.Id == id && d.ApplicantId != null && d.ApplicantId == replacement.ApplicantId, cancellationToken)
                      ?? throw new PermanentOutboxFailureException(
                          $"Không có văn bản {id} của người nộp hồ sơ {dossier?.Code} để thay thế / No document {id} of the applicant of {dossier?.Code} to replace.");
        if (earlier.Status == IssuedDocumentStatus.Revoked)
            return;
        earlier.Status = IssuedDocumentStatus.Revoked;
        earlier.RevokedAt = replacement.IssuedAt;
        earlier.RevokedBy = SystemActor.UserName;
        earlier.RevokedReason = $"Thay thế bởi văn bản số {replacement.Number} (mã tra cứu {VerificationCodes.Display(replacement.VerificationCode)})";
        audit.Append(SystemActor, "document.revoke", earlier.Number, $"{earlier.VerificationCode}: {earlier.RevokedReason}");
    }

    private static readonly AuditActor SystemActor = new("system:documents", "system:documents", null);

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
