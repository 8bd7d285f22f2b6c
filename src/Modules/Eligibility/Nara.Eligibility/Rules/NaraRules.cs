using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Rules;

/// <summary>The Nara demo rule set: the vocabulary's inputs, derived variables, the 12 benefits, and the dated parameters.</summary>
public static class NaraRules
{
    public static RuleSet Create() => new(
        "nara-demo-rules",
        [.. Inputs.All(), .. Derived.All(), .. ChildBenefits.All(), .. PersonBenefits.All(), .. HouseholdBenefits.All()],
        ParameterLoader.LoadEmbedded());
}
