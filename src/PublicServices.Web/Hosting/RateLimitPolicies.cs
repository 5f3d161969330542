namespace PublicServices.Web.Hosting;

public static class RateLimitPolicies
{
    /// <summary>Sign-in, second factor and registration posts, per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Payment providers' callbacks, per client address.</summary>
    public const string Callbacks = "callbacks";

    /// <summary>Public document verification (page, upload comparison, API), per client address: codes cannot be
    /// enumerated.</summary>
    public const string Verify = "verify";

    /// <summary>Public exam result look-up (page and API), per client address.</summary>
    public const string Results = "results";
}
