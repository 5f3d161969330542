using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// Delivers the engine's "notification" outbox messages to the dossier's applicant: an in-app message (shown on the dossier
/// page) and, when an e-mail sender is configured, an e-mail — each channel recorded with its delivery status (queued,
/// sent, failed + reason). Idempotent per outbox message and channel: a redelivery sends nothing twice; a failed e-mail
/// is retried by the outbox, then becomes an incident, and stays visible as failed. SMS is not built.
/// </summary>
public sealed class NotificationOutboxHandler(
    AppDbContext db, NotificationTemplateCatalog templates, DefinitionRegistry definitions, TimeProvider clock, IEmailSender? email = null)
    : IOutboxHandler
{
    public string Kind => "notification";

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        var delivered = await db.Notifications.Where(n => n.OutboxMessageId == message.Id).ToListAsync(cancellationToken);
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
        NotificationRecord Record(string channel, string status) => new()
        {
            Id = Guid.NewGuid(), OutboxMessageId = message.Id, RecipientId = dossier.ApplicantId, DossierCode = dossier.Code,
            Template = templateId, Channel = channel, Status = status, CreatedAt = clock.GetUtcNow().UtcDateTime,
            SubjectVi = template.SubjectVi(Model("vi")), BodyVi = template.BodyVi(Model("vi")),
            SubjectEn = template.SubjectEn(Model("en")), BodyEn = template.BodyEn(Model("en")),
        };
        if (delivered.All(n => n.Channel != NotificationChannels.InApp))
        {
            db.Notifications.Add(Record(NotificationChannels.InApp, "sent"));
            await db.SaveChangesAsync(cancellationToken);
        }
        var address = await db.Users.Where(u => u.Id == dossier.ApplicantId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null || address is null)
            return;
        var mail = delivered.SingleOrDefault(n => n.Channel == NotificationChannels.Email);
        if (mail is { Status: "sent" })
            return;
        if (mail is null)
        {
            mail = Record(NotificationChannels.Email, "queued");
            db.Notifications.Add(mail);
            await db.SaveChangesAsync(cancellationToken);
        }
        try
        {
            // The applicant's language is not known: Vietnamese first, English below.
            await email.SendAsync(new EmailMessage(address, mail.SubjectVi, $"{mail.BodyVi}\n\n---\n{mail.SubjectEn}\n{mail.BodyEn}"), cancellationToken);
            mail.Status = "sent";
            mail.FailureReason = null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Shown in the delivery log; the outbox retries with backoff and opens an incident when attempts run out.
            mail.Status = "failed";
            mail.FailureReason = error.Message.Length > 500 ? error.Message[..500] : error.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class NotificationChannels
{
    public const string InApp = "in-app";
    public const string Email = "email";
}
