using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// Delivers the engine's "notification" outbox messages as in-app messages to the dossier's applicant (the channel that
/// is built; e-mail and SMS come with the documents and notifications issue). Idempotent on the outbox message id.
/// </summary>
public sealed class NotificationOutboxHandler(AppDbContext db, NotificationTemplateCatalog templates, DefinitionRegistry definitions, TimeProvider clock)
    : IOutboxHandler
{
    public string Kind => "notification";

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        if (await db.Notifications.AnyAsync(n => n.OutboxMessageId == message.Id, cancellationToken))
            return;
        var payload = JsonNode.Parse(message.PayloadJson)!.AsObject();
        var templateId = payload["template"]!.GetValue<string>();
        var template = templates.Find(templateId) ?? throw new InvalidOperationException($"No notification template '{templateId}'.");
        var instanceId = payload["instanceId"]!.GetValue<Guid>();
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.InstanceId == instanceId, cancellationToken)
                      ?? throw new InvalidOperationException($"No dossier for instance {instanceId} yet.");
        var procedure = definitions.Get(dossier.ProcedureId, dossier.ProcedureVersion).Title;
        object Model(string language) => new Dictionary<string, object?>
        {
            ["code"] = dossier.Code,
            ["procedure"] = language == "vi" ? procedure.Vi : procedure.En,
            ["dueDate"] = dossier.DueDate?.ToString("dd/MM/yyyy") ?? "",
        };
        db.Notifications.Add(new NotificationRecord
        {
            Id = Guid.NewGuid(), OutboxMessageId = message.Id, RecipientId = dossier.ApplicantId, DossierCode = dossier.Code,
            Template = templateId, Channel = "in-app", Status = "sent", CreatedAt = clock.GetUtcNow().UtcDateTime,
            SubjectVi = template.SubjectVi(Model("vi")), BodyVi = template.BodyVi(Model("vi")),
            SubjectEn = template.SubjectEn(Model("en")), BodyEn = template.BodyEn(Model("en")),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
