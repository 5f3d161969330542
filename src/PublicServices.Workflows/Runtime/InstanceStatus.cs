namespace PublicServices.Workflows.Runtime;

public enum InstanceStatus { Running, Waiting, Completed, Faulted, Cancelled }
