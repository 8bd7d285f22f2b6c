using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using Nara.Kernel.Security;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;

namespace Nara.Eligibility.Pages.My;

/// <summary>
/// "Benefits for you": the demo benefits evaluated on the citizen's household from registry data,
/// each with its explanation and, where the catalogue has the service, a link to apply.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class BenefitsModel(FindBenefits benefits, SetProactiveMatching matching, RuleSet rules, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "month")]
    public string? MonthText { get; set; }

    public Period Month { get; private set; }

    public bool BadMonth { get; private set; }

    public long? ResidentId { get; private set; }

    public HouseholdFacts? Household { get; private set; }

    /// <summary>The citizen's consent to proactive matching (off until switched on).</summary>
    public bool ProactiveMatching { get; private set; }

    public IReadOnlyList<BenefitResult> Results { get; private set; } = [];

    public IEnumerable<BenefitResult> Eligible => Results.Where(r => r.Eligible == true);

    public IEnumerable<BenefitResult> Unknown => Results.Where(r => r.Eligible is null);

    /// <summary>Refusals for the citizen and the household only: other members' refusals are noise.</summary>
    public IEnumerable<BenefitResult> NotEligible => Results.Where(r => r.Eligible == false && (r.Person is null || r.Person.ResidentId == ResidentId));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Month = Period.OfMonth(KoreaTime.Today(clock));
        if (!string.IsNullOrEmpty(MonthText))
        {
            if (Period.TryParse(MonthText, out var asked) && asked.Unit == PeriodUnit.Month)
            {
                Month = asked;
            }
            else
            {
                BadMonth = true;
            }
        }

        ResidentId = Resident();
        ProactiveMatching = ResidentId is { } known && await matching.IsOptedInAsync(known, ct);
        if (ResidentId is { } resident && await benefits.EvaluateAsync(resident, Month, ct) is { } found)
        {
            Household = found.Facts;
            Results = found.Results;
        }

        return Page();
    }

    /// <summary>Switches proactive matching on or off, then shows the page again (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostMatchingAsync(bool optIn, CancellationToken ct)
    {
        if (Resident() is not { } resident)
        {
            return RedirectToPage();
        }

        await matching.SetAsync(resident, optIn, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return RedirectToPage(new { month = MonthText });
    }

    private long? Resident() =>
        long.TryParse(User.FindFirstValue(NaraClaims.ResidentId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string Name(BenefitResult result)
    {
        var (ko, en) = benefits.Name(result.Benefit);
        return Bilingual(ko, en);
    }

    public string Who(BenefitResult result) => result.Person is not { } person
        ? Bilingual("가구", "household")
        : person.ResidentId == ResidentId ? Bilingual("본인", "you") : Bilingual(person.NameKo, person.NameEn);

    public static string Text(Check check) => Bilingual(check.TextKo, check.TextEn);

    /// <summary>The inputs we lack, by their labels ("임신 여부").</summary>
    public string MissingLabels(Explanation explanation) => string.Join(", ", explanation.Missing
        .Select(path => path.Split('/')[2]).Distinct(StringComparer.Ordinal)
        .Select(name => rules.Variables.TryGetValue(name, out var v) ? Bilingual(v.LabelKo, v.LabelEn) : name));

    public static string Won(long amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bilingual(string ko, string en) => Nara.Kernel.Localization.Bilingual.L(ko, en);
}
