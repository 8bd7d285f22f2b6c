using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Batch;

/// <summary>One of the 12 demo benefits as the batch engine knows it: its column and its rule id.</summary>
internal sealed record BatchBenefit(int Index, string Id, bool PerPerson, bool HasAmount)
{
    public string EligibleVariable => Id + "_eligible";
}

/// <summary>The benefits in column order: the 8 per-person rules first, then the 4 household rules.</summary>
internal static class BatchBenefits
{
    public const int PersonCount = 8;

    public static IReadOnlyList<BatchBenefit> All { get; } =
    [
        new(0, "parental_benefit", true, true),
        new(1, "child_allowance", true, true),
        new(2, "first_meeting_voucher", true, true),
        new(3, "home_care_allowance", true, true),
        new(4, "basic_pension", true, true),
        new(5, "youth_rent_support", true, true),
        new(6, "employment_support", true, true),
        new(7, "disability_pension", true, false),
        new(8, "livelihood_benefit", false, true),
        new(9, "housing_benefit", false, false),
        new(10, "single_parent_support", false, true),
        new(11, "energy_voucher", false, false),
    ];

    public static BatchBenefit? Find(string id) => All.FirstOrDefault(b => b.Id == id);

    /// <summary>The catalogue slug to apply (from the rule's variable).</summary>
    public static string? ServiceSlug(RuleSet rules, BatchBenefit benefit) => rules.Variable(benefit.EligibleVariable).ServiceSlug;
}
