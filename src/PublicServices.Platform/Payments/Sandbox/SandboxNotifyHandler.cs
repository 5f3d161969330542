using PublicServices.Platform.Engine;
using PublicServices.Platform.Payments.Protocols.Sandbox;

namespace PublicServices.Platform.Payments.Sandbox;

/// <summary>
/// Delivers the sandbox's queued notifications. The gateway lives in the portal's process, so delivery calls the same
/// receiver as the HTTP endpoint <c>POST /payments/sandbox/notify</c>; an answer other than a definite one is retried.
/// </summary>
public sealed class SandboxNotifyHandler(SandboxNotificationReceiver receiver) : IOutboxHandler
{
    public string Kind => SandboxGateway.OutboxKind;

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        if (!SandboxNotification.TryParseJson(message.PayloadJson, out var notification, out var errors))
            throw new InvalidOperationException("Sandbox notification unreadable: " + string.Join("; ", errors));
        var answer = await receiver.ReceiveAsync(notification!.ToForm(), cancellationToken);
        if (answer.RspCode == "99")
            throw new InvalidOperationException($"The portal answered {answer.RspCode} {answer.Message}; retrying.");
    }
}
