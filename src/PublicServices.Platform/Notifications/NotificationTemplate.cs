using HandlebarsDotNet;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// A message in both languages, compiled once: subject and body (in-app and e-mail) and, when the template has one, a
/// short SMS text. <see cref="Uses"/> lists the placeholders it writes, so that a message whose value is missing (a "paid"
/// message before any payment) fails visibly instead of going out with a blank.
/// </summary>
public sealed record NotificationTemplate(
    string Id,
    HandlebarsTemplate<object, object> SubjectVi, HandlebarsTemplate<object, object> BodyVi,
    HandlebarsTemplate<object, object> SubjectEn, HandlebarsTemplate<object, object> BodyEn)
{
    public HandlebarsTemplate<object, object>? SmsVi { get; init; }
    public HandlebarsTemplate<object, object>? SmsEn { get; init; }
    public IReadOnlySet<string> Uses { get; init; } = new HashSet<string>();

    public bool HasSms => SmsVi is not null && SmsEn is not null;
}
