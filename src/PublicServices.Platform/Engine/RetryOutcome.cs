namespace PublicServices.Platform.Engine;

public enum RetryOutcome { Retried, NotFound, AlreadyResolved, NotRetryable }
