namespace Nara.Registries.Contracts;

/// <summary>
/// The registry facts benefit rules need about one resident's household (Eligibility's "Benefits
/// for you"): recognised income, single-parent designation, medical aid, rent, and per member the
/// birth date, marriage, severe disability, jobseeker registration, daycare and birth order.
/// Read-only; a fact the registries do not hold is null, never guessed.
/// </summary>
public interface IBenefitFacts
{
    Task<HouseholdFacts?> ForResidentAsync(long residentId, DateOnly asOf, CancellationToken cancellationToken);
}

/// <param name="RecognisedIncome">The latest assessment on or before the date (소득인정액, KRW/month); null if never assessed.</param>
/// <param name="ReceivesMedicalBenefit">A member has medical aid (의료급여 1종/2종).</param>
/// <param name="PaysRent">A lease with monthly rent is reported for the household (전월세 신고).</param>
public sealed record HouseholdFacts(
    long HouseholdId,
    bool SingleParent,
    long? RecognisedIncome,
    bool ReceivesMedicalBenefit,
    bool PaysRent,
    IReadOnlyList<MemberFacts> Members);

/// <param name="Relation">Relation to the head: head, spouse, child, parent, grandchild, sibling or other.</param>
/// <param name="Female">Registered sex (pregnancy is not in any registry: only asked of women).</param>
/// <param name="BirthOrder">1 for its mother's first child, 2 for the second…; null when no mother is registered.</param>
public sealed record MemberFacts(
    long ResidentId,
    string NameKo,
    string NameEn,
    DateOnly BirthDate,
    string Relation,
    bool Female,
    bool Married,
    bool DisabilitySevere,
    bool RegisteredJobseeker,
    bool InDaycare,
    int? BirthOrder);
