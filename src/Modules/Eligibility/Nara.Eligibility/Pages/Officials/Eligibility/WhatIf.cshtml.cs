using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using Nara.Kernel.Security;

namespace Nara.Eligibility.Pages.Officials.Eligibility;

/// <summary>
/// What-if for officials: pick a parameter, give it a new value from a date, and see who becomes eligible or
/// ineligible and how the monthly amounts change, by 시도 and age band. Nothing is stored but the audit event.
/// </summary>
[Authorize(Policy = NaraPolicies.Official)]
internal sealed class WhatIfModel(WhatIf whatIf) : PageModel
{
    [BindProperty]
    public string? Parameter { get; set; }

    [BindProperty]
    public string? Since { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    public List<WhatIfError> Errors { get; } = [];

    public WhatIfResult? Result { get; private set; }

    public IEnumerable<Parameter> Parameters => whatIf.Rules.Parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (whatIf.Validate(new WhatIfQuery(Parameter, Since, Value), Errors) is not { } reform)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await whatIf.EvaluateAsync(reform.Parameter, reform.Since, reform.Value,
            User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", User.FindFirstValue(NaraClaims.Agency), ct);
        return Page();
    }

    public WhatIfError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field);
}
