using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Eligibility.Features;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Eligibility.Api;

/// <summary>
/// <c>POST /api/eligibility/what-if</c> for officials: <c>{"parameter": "basic_pension.income_limit_single",
/// "since": "2026-01-01", "value": "2400000"}</c> → residents becoming eligible and ineligible and the monthly
/// amounts before and after, in total, by 시도, by age band and by benefit. Bad input → 400 problem details with
/// the field at fault; nothing evaluated, nothing written.
/// </summary>
internal static class WhatIfEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/eligibility/what-if", async (WhatIfQuery? query, WhatIf whatIf, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var errors = new List<WhatIfError>();
                if (whatIf.Validate(query ?? new WhatIfQuery(null, null, null), errors) is not { } reform)
                {
                    return Problems.Validation(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.En).ToArray()), "The what-if was not evaluated.");
                }

                return Results.Ok(await whatIf.EvaluateAsync(reform.Parameter, reform.Since, reform.Value,
                    user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", user.FindFirstValue(NaraClaims.Agency), ct));
            })
            .RequireAuthorization(NaraPolicies.Official).WithTags("Eligibility: what-if for officials");
}
