using System.Text.Json.Nodes;
using PublicServices.Tests;
using PublicServices.Workflows.Forms;
using Xunit.Abstractions;

namespace PublicServices.Workflows.Tests.Forms;

public sealed class CccdNumberTests(ITestOutputHelper output)
{
    private const int ThisYear = 2026;

    /// <summary>
    /// Every example of the shared file, as it is. Where our stricter structural rules disagree with the source's
    /// "valid" (a structure-only or CMND-accepting library), the test follows what the data proves, listed here with why.
    /// </summary>
    private static readonly Dictionary<string, string> StricterThanSource = new()
    {
        ["123456789012"] = "digit 4 = 4 gives birth year 2156, in the future",
        ["123456789"] = "a 9-digit CMND, not a 12-digit CCCD",
        ["043188012345"] = "043 is not one of the 63 province codes (SOURCE LABEL ERROR in the file's notes)",
        ["052399012345"] = "birth year 2099 is in the future",
    };

    [Fact]
    public void Should_decide_every_shared_example_as_its_structure_says()
    {
        var examples = JsonNode.Parse(File.ReadAllText(RepoPaths.Conformance("cccd-examples.json")))!["examples"]!.AsArray();
        var checkedCount = 0;
        foreach (var example in examples)
        {
            var number = example!["number"]!.GetValue<string>();
            var expected = example["source_expects_valid"]!.GetValue<bool>() && !StricterThanSource.ContainsKey(number);
            var parsed = CccdNumber.TryParse(number, ThisYear, out var error);

            Assert.True(expected == parsed is not null, $"{number}: expected {(expected ? "valid" : "invalid")}, got {error ?? "valid"}");
            if (parsed is not null && example["decoded_by_collector"] is JsonObject decoded)
            {
                Assert.Equal(decoded["birth_year"]!.GetValue<int>(), parsed.BirthYear);
                Assert.Equal(decoded["gender"]!.GetValue<string>() == "female", parsed.Female);
                Assert.Equal(decoded["province_code"]!.GetValue<string>(), parsed.ProvinceCode);
            }
            checkedCount++;
        }
        output.WriteLine($"CCCD examples: {checkedCount} checked, {StricterThanSource.Count} stricter than their source");
        Assert.Equal(examples.Count, checkedCount);
    }

    [Fact]
    public void Should_check_the_number_against_the_birth_date_and_gender_given()
    {
        Assert.Empty(CccdNumber.Validate("001307012345", new DateOnly(2007, 3, 15), female: true, ThisYear));
        Assert.Contains("birth year 2007, not 2006", CccdNumber.Validate("001307012345", new DateOnly(2006, 3, 15), null, ThisYear).Single());
        Assert.Contains("gender", CccdNumber.Validate("001307012345", null, female: false, ThisYear).Single());
    }
}
