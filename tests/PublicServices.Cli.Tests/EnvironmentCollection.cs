namespace PublicServices.Cli.Tests;

/// <summary>Tests that set process-wide environment variables or console writers run one at a time.</summary>
[CollectionDefinition("environment", DisableParallelization = true)]
public sealed class EnvironmentCollection;
