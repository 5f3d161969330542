namespace PublicServices.Platform.Engine;

/// <summary>
/// Outbox work that cannot succeed by being tried again (a definition names a unit that does not exist): the message
/// fails at once into an incident with this message, for an administrator to fix the cause and retry.
/// </summary>
public sealed class PermanentOutboxFailureException(string message) : Exception(message);
