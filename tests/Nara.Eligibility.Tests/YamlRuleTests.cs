using Nara.Eligibility.Rules;
using Nara.Eligibility.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>Runs every OpenFisca-style YAML test of the demo rules (Rules/tests/*.yaml), one xunit case each.</summary>
public sealed class YamlRuleTests
{
    private static readonly YamlTests Runner = new(NaraRules.Create());

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.yaml").Order(StringComparer.Ordinal))
        {
            for (var i = 0; i < YamlTests.Load(file).Count; i++)
            {
                data.Add(Path.GetFileName(file), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_gives_the_expected_value(string file, int index)
    {
        var test = YamlTests.Load(Path.Combine(AppContext.BaseDirectory, "rules", file))[index];
        var failures = Runner.Run(test);
        Assert.True(failures.Count == 0, $"{test}{Environment.NewLine}{YamlTests.Describe(failures)}");
    }

    [Fact]
    public void Every_benefit_of_the_demo_rules_has_a_yaml_test_file()
    {
        string[] benefits =
        [
            "parental_benefit", "child_allowance", "first_meeting_voucher", "home_care_allowance", "basic_pension", "livelihood_benefit",
            "housing_benefit", "youth_rent_support", "employment_support", "single_parent_support", "disability_pension", "energy_voucher",
        ];
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.yaml").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(benefits.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }
}
