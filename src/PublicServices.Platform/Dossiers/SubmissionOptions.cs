using Microsoft.Extensions.Configuration;

namespace PublicServices.Platform.Dossiers;

/// <summary>The submissions' writer (configuration section <c>Submissions</c>).</summary>
public sealed class SubmissionOptions
{
    /// <summary>The longest <see cref="GroupInterval"/> accepted: a lone submission waits at most this long for its group.</summary>
    public static readonly TimeSpan MaxGroupInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A group of submissions is taken at most this often (sooner when a full group waits). Under load the writer's groups
    /// otherwise shrink as it gets faster, and every group pays the same fixed costs — the checks' queries, the code
    /// reservation, the transaction, the commit. Zero (the default) takes whatever waits at once. Measured at 1,000
    /// submissions/s (docs/performance.md): 15–25 ms cut the portal's CPU a submission by 7–16 % but raised p50 by 5–15 ms
    /// and did not lower p99, so pacing is for a node short of CPU, not for latency. A lone submission waits at most this long.
    /// </summary>
    public TimeSpan GroupInterval { get; init; } = TimeSpan.Zero;

    /// <summary>The clock pacing the groups: the machine's, never the procedures' (a test that stops the procedures' clock
    /// must not stop submissions). Tests give one they move.</summary>
    public TimeProvider PacingClock { get; init; } = TimeProvider.System;

    public static SubmissionOptions From(IConfiguration configuration)
    {
        var options = new SubmissionOptions();
        var text = configuration["Submissions:GroupInterval"];
        var interval = options.GroupInterval;
        if (!string.IsNullOrWhiteSpace(text) && !TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out interval))
            throw new InvalidOperationException(
                $"Submissions:GroupInterval is not a duration such as 00:00:00.020 / không phải một khoảng thời gian như 00:00:00.020: '{text}'.");
        if (interval < TimeSpan.Zero || interval > MaxGroupInterval)
            throw new InvalidOperationException(
                $"Submissions:GroupInterval must be between 00:00:00 and {MaxGroupInterval:c} / phải nằm trong khoảng 00:00:00 – {MaxGroupInterval:c}: '{interval:c}'.");
        return new SubmissionOptions { GroupInterval = interval };
    }
}
