namespace PublicServices.Workflows.Runtime;

/// <summary>
/// Dense, gap-free counters for <c>number</c> steps, given to one engine call by its host. The runner stays pure: the host
/// implements it on the transaction that saves the instance (Platform: <c>DbSequenceSource</c>), so a call that is not
/// saved gives its numbers back.
/// </summary>
public interface ISequenceSource
{
    /// <summary>The next number of <paramref name="key"/>: 1, 2, 3… with no gap and no repeat.</summary>
    long Next(string key);

    /// <summary>Gives back <paramref name="value"/>, which must be the last number <see cref="Next"/> returned for the key in
    /// this call (a step that failed after taking it), so the next taker gets it again.</summary>
    void GiveBack(string key, long value);
}
