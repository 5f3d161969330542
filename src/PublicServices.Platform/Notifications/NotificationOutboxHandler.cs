using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// Delivers the engine's "notification" outbox messages to the dossier's applicant: an in-app message (shown on the dossier
/// page), an e-mail when an e-mail sender is configured, and an SMS to the account's phone number when an SMS sender is
/// configured and the template has an <c>sms</c> text — each channel recorded with its address and delivery status
/// (queued, sent, failed + reason, attempts). Idempotent per outbox message and channel: a redelivery sends nothing that
/// was already sent (an SMS carries its record's id as the gateway's reference, so even a send whose answer was lost is
/// not delivered twice by a gateway that deduplicates). A channel that fails does not hold back the others; the message
/// is then retried by the outbox for the failed channels only, becomes an incident when attempts run out, and stays
/// visible as failed in the delivery log (<c>/admin/notifications</c>).
/// </summary>
public sealed class NotificationOutboxHandler(
    AppDbContext db, NotificationTemplateCatalog templates, DefinitionRegistry definitions, TimeProvider clock,
    IEmailSender? email = null, ISmsSender? sms = null)
    : IOutboxHandler
{
    public string Kind => "notification";

    /// <summary>A delivery log lost on a power cut means the message is delivered again — what "at least once" allows.</summary>
    public bool RelaxedDurability => true;

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        // The scope's context is shared with the other handlers of the batch: relaxed for this delivery's writes only.
        db.RelaxedDurability = true;
        try
        {
            await DeliverAllAsync(message, cancellationToken);
        }
        finally
        {
            db.RelaxedDurability = false;
        }
    }

    private async Task DeliverAllAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        var delivered = await db.Notifications.Where(n => n.OutboxMessageId == message.Id).ToListAsync(cancellationToken);
        var payload = JsonNode.Parse(message.PayloadJson)!.AsObject();
        var templateId = payload["template"]!.GetValue<string>();
        var template = templates.Find(templateId) ?? throw new InvalidOperationException($"No notification template '{templateId}'.");
        var instanceId = payload["instanceId"]!.GetValue<Guid>();
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.InstanceId == instanceId, cancellationToken)
                      ?? throw new InvalidOperationException($"No dossier for instance {instanceId} yet.");
        var (vi, en) = await ModelAsync(dossier, template, payload, cancellationToken);
        if (template.Uses.FirstOrDefault(p => vi.GetValueOrDefault(p) is null) is { } missing)
            throw new InvalidOperationException(
                $"Template '{templateId}' writes {{{{{missing}}}}}, which dossier {dossier.Code} has no value for (e.g. a fee not paid yet).");

        NotificationRecord Record(string channel, string status, string? address, string bodyVi, string bodyEn) => new()
        {
            Id = Guid.CreateVersion7(), OutboxMessageId = message.Id, RecipientId = dossier.ApplicantId, DossierCode = dossier.Code,
            Template = templateId, Channel = channel, Status = status, Address = address, CreatedAt = clock.GetUtcNow().UtcDateTime,
            SubjectVi = template.SubjectVi(vi), BodyVi = bodyVi, SubjectEn = template.SubjectEn(en), BodyEn = bodyEn,
        };
        if (delivered.All(n => n.Channel != NotificationChannels.InApp))
        {
            var inApp = Record(NotificationChannels.InApp, NotificationStatus.Sent, null, template.BodyVi(vi), template.BodyEn(en));
            inApp.SentAt = inApp.CreatedAt;
            db.Notifications.Add(inApp);
            await db.SaveChangesAsync(cancellationToken);
        }

        var applicant = await db.Users.Where(u => u.Id == dossier.ApplicantId).Select(u => new { u.Email, u.PhoneNumber }).SingleOrDefaultAsync(cancellationToken);
        var failures = new List<string>();
        if (email is not null && applicant?.Email is { Length: > 0 } address)
            await DeliverAsync(NotificationChannels.Email,
                () => Record(NotificationChannels.Email, NotificationStatus.Queued, address, template.BodyVi(vi), template.BodyEn(en)),
                // The applicant's language is not known: Vietnamese first, English below.
                mail => email.SendAsync(new EmailMessage(address, mail.SubjectVi, $"{mail.BodyVi}\n\n---\n{mail.SubjectEn}\n{mail.BodyEn}"), cancellationToken));
        if (sms is not null && template.HasSms && applicant?.PhoneNumber is { Length: > 0 } phone)
            // One short message in Vietnamese without tone marks (see SmsText); the English text is kept in the record.
            // Without its mark "đ" would read "d": the SMS writes "20.000 VND".
            await DeliverAsync(NotificationChannels.Sms,
                () => Record(NotificationChannels.Sms, NotificationStatus.Queued, phone,
                    SmsText.ToGsm7(template.SmsVi!(new Dictionary<string, object?>(vi) { ["amount"] = (vi.GetValueOrDefault("amount") as string)?.Replace(" đ", " VND") })),
                    template.SmsEn!(en)),
                text => sms.SendAsync(new SmsMessage(phone, text.BodyVi, text.Id), cancellationToken));
        if (failures.Count > 0)
            throw new InvalidOperationException(string.Join("; ", failures));

        async Task DeliverAsync(string channel, Func<NotificationRecord> create, Func<NotificationRecord, Task> send)
        {
            var record = delivered.SingleOrDefault(n => n.Channel == channel);
            if (record is { Status: NotificationStatus.Sent })
                return;
            if (record is null)
            {
                record = create();
                db.Notifications.Add(record);
                await db.SaveChangesAsync(cancellationToken);
            }
            record.Attempts++;
            record.LastAttemptAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await send(record);
                record.Status = NotificationStatus.Sent;
                record.FailureReason = null;
                record.SentAt = clock.GetUtcNow().UtcDateTime;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Shown in the delivery log; the outbox retries with backoff and opens an incident when attempts run out.
                record.Status = NotificationStatus.Failed;
                record.FailureReason = error.Message.Length > 500 ? error.Message[..500] : error.Message;
                failures.Add($"{channel}: {error.Message}");
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>The placeholders' values in each language; those a template does not write are not looked up.</summary>
    private async Task<(Dictionary<string, object?> Vi, Dictionary<string, object?> En)> ModelAsync(
        DossierRecord dossier, NotificationTemplate template, JsonObject payload, CancellationToken cancellationToken)
    {
        var definition = definitions.Get(dossier.ProcedureId, dossier.ProcedureVersion);
        var dueDate = dossier.DueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        var vi = new Dictionary<string, object?> { ["code"] = dossier.Code, ["procedure"] = definition.Title.Vi, ["dueDate"] = dueDate };
        var en = new Dictionary<string, object?> { ["code"] = dossier.Code, ["procedure"] = definition.Title.En, ["dueDate"] = dueDate };
        if (template.Uses.Contains("amount") && await PaidAmountAsync(dossier, definition, cancellationToken) is { } amount)
        {
            vi["amount"] = NotificationFormat.Amount(amount, "vi");
            en["amount"] = NotificationFormat.Amount(amount, "en");
        }
        // A reminder (DeadlineReminderWork) names the wait and its due time.
        if (payload["dueAt"]?.GetValue<string>() is { } dueAt)
            vi["deadline"] = en["deadline"] = NotificationFormat.Moment(DateTimeOffset.Parse(dueAt, CultureInfo.InvariantCulture));
        if (payload["waitStep"]?.GetValue<string>() is { } waitStep && definition.Flow.Steps.GetValueOrDefault(waitStep)?.Settings is { } settings)
            (vi["action"], en["action"]) = settings switch
            {
                PaymentStepSettings => ("nộp lệ phí", "pay the fee"),
                FormStepSettings { Mode: FormMode.Amend } => ("bổ sung hồ sơ", "supplement your dossier"),
                _ => ("hoàn thành biểu mẫu", "complete the form"),
            };
        return (vi, en);
    }

    /// <summary>
    /// The fee last paid on the dossier: the payment step whose "paid" outcome the journal shows last, and the amount that
    /// step kept in the variables (<c>pay.amount</c>, fixed when the step was reached).
    /// </summary>
    private async Task<long?> PaidAmountAsync(DossierRecord dossier, Workflows.Definitions.WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var paidSteps = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == dossier.InstanceId && j.Event == JournalEvents.Completed && j.Outcome == "paid")
            .OrderByDescending(j => j.Id).Select(j => j.StepId).ToListAsync(cancellationToken);
        var step = paidSteps.FirstOrDefault(s => definition.Flow.Steps.GetValueOrDefault(s)?.Settings is PaymentStepSettings);
        if (step is null)
            return null;
        var state = await db.Instances.AsNoTracking().Where(i => i.Id == dossier.InstanceId).Select(i => i.StateJson).SingleAsync(cancellationToken);
        return WorkflowStateJson.Deserialize(state).Variables[step]?["amount"] is { } amount && JsonNumbers.TryGetDouble(amount, out var vnd)
            ? (long)vnd
            : null;
    }
}

public static class NotificationChannels
{
    public const string InApp = "in-app";
    public const string Email = "email";
    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [InApp, Email, Sms];
}

public static class NotificationStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Queued, Sent, Failed];
}
