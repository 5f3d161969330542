namespace PublicServices.Workflows.Runtime;

public enum RefusalReason { InstanceNotWaiting, UnknownBookmark, KindMismatch, InvalidOutcome, ReasonRequired, NotFaulted, InvalidFields, NotAtStep }
