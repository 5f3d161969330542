using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Notifications;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Platform.Engine;

/// <summary>
/// What a definition asks of templates/: every notify step and reminder names a notification template that exists, every
/// document step a document template that exists, with each placeholder bound (<see cref="DocumentBindings"/>). Used by
/// the portal's start-up and by <c>publicservices validate</c>, so both refuse the same mistakes at the same lines.
/// </summary>
public static class TemplateReferences
{
    public static IEnumerable<DefinitionError> Check(WorkflowDefinition definition, NotificationTemplateCatalog notifications, DocumentTemplateCatalog documents)
    {
        foreach (var step in definition.Flow.Steps.Values)
        {
            if (step.Settings is NotifyStepSettings notify && notifications.Find(notify.Template) is null)
                yield return new DefinitionError(step.Location,
                    $"Không có mẫu thông báo '{notify.Template}' / No notification template '{notify.Template}': add templates/notifications/{notify.Template}.yaml.");
            if (step.Settings is DocumentStepSettings document && documents.Find(document.Template) is null)
                yield return new DefinitionError(step.Location,
                    $"Không có mẫu văn bản '{document.Template}' / No document template '{document.Template}': add templates/documents/{document.Template}.yaml.");
            if (step.Settings is IRemindingStep { Remind: { } remind } && notifications.Find(remind.Template) is null)
                yield return new DefinitionError(step.Location,
                    $"Không có mẫu thông báo '{remind.Template}' (remind) / No notification template '{remind.Template}' for `remind:`: add templates/notifications/{remind.Template}.yaml.");
        }
        foreach (var error in DocumentBindings.Check(definition, documents))
            yield return error;
    }
}
