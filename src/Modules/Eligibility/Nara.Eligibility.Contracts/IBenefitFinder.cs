namespace Nara.Eligibility.Contracts;

/// <summary>
/// What other modules may ask Eligibility: the benefits a resident's household qualifies for in a
/// month, from registry data (the Assistant and notifications use it; the citizen's page too).
/// </summary>
public interface IBenefitFinder
{
    Task<IReadOnlyList<BenefitDetermination>> ForResidentAsync(long residentId, DateOnly month, CancellationToken cancellationToken);
}

/// <param name="Benefit">The rule id of the vocabulary, e.g. <c>basic_pension</c>.</param>
/// <param name="Eligible">true, false, or null when unknown (then <paramref name="Missing"/> says which inputs).</param>
/// <param name="Amount">KRW per month for rules with an amount; null when unknown or not modelled.</param>
/// <param name="ForResidentId">The person it is for (per-person rules), or null for the household.</param>
/// <param name="ServiceSlug">The Services catalogue slug to apply, when one matches.</param>
public sealed record BenefitDetermination(
    string Benefit,
    string NameKo,
    string NameEn,
    long? ForResidentId,
    bool? Eligible,
    long? Amount,
    string ReasonKo,
    string ReasonEn,
    IReadOnlyList<string> Missing,
    string? ServiceSlug);
