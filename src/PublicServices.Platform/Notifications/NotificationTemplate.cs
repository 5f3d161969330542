using HandlebarsDotNet;

namespace PublicServices.Platform.Notifications;

/// <summary>A message in both languages, compiled once; placeholders are the dossier's code, procedure and due date.</summary>
public sealed record NotificationTemplate(
    string Id,
    HandlebarsTemplate<object, object> SubjectVi, HandlebarsTemplate<object, object> BodyVi,
    HandlebarsTemplate<object, object> SubjectEn, HandlebarsTemplate<object, object> BodyEn);
