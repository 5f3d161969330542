namespace PublicServices.Workflows.Definitions;

/// <summary>Marker for the typed settings record of one activity type.</summary>
public interface IStepSettings;
