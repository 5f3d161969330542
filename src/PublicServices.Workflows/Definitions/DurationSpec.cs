namespace PublicServices.Workflows.Definitions;

public enum DurationUnit { WorkingDays, Days, Hours, Minutes }

/// <summary>A span written in a definition: "20 working days", "30 days", "24 hours".</summary>
public sealed record DurationSpec(int Amount, DurationUnit Unit);
