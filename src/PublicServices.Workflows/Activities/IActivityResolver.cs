namespace PublicServices.Workflows.Activities;

/// <summary>Gives the activity instance for a step type (activities are stateless singletons).</summary>
public interface IActivityResolver
{
    IActivity Resolve(string type);
}
