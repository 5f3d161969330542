using Microsoft.Extensions.Configuration;
using PublicServices.Platform.Dossiers;

namespace PublicServices.Platform.Tests.Dossiers;

public sealed class SubmissionOptionsTests
{
    private static SubmissionOptions From(string? interval) => SubmissionOptions.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Submissions:GroupInterval"] = interval }).Build());

    [Fact]
    public void The_group_interval_defaults_to_none_and_is_read_as_a_duration()
    {
        Assert.Equal(TimeSpan.Zero, From(null).GroupInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(20), From("00:00:00.020").GroupInterval);
        Assert.Equal(TimeSpan.Zero, From("00:00:00").GroupInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(15), From("00:00:00.015").GroupInterval);
        Assert.Same(TimeProvider.System, From(null).PacingClock);
    }

    [Theory]
    [InlineData("20ms", "not a duration")]
    [InlineData("-00:00:00.010", "between")]
    [InlineData("00:00:02", "between")]
    public void A_bad_group_interval_stops_the_start_with_a_message_in_both_languages(string interval, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(interval));
        Assert.Contains(expected, error.Message);
        Assert.Contains("Submissions:GroupInterval", error.Message);
        Assert.Contains("khoảng", error.Message);
    }
}
