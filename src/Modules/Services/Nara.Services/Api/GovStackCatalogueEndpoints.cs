using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Http;
using Nara.Services.Features;

namespace Nara.Services.Api;

/// <summary>
/// GovStack Registration BB, read side of the catalogue (standards.md): <c>GET /services</c>,
/// <c>/services/{id}</c>, <c>/services/{id}/eForms</c>, <c>/eForms/{id}</c> under <c>/govstack/registration</c>.
/// The service id is the slug and each service has one e-form whose id is also the slug. Catalogue data is
/// public, so these reads are anonymous; the application and task endpoints beside them are not.
/// Texts follow the request's language (Accept-Language or ?culture=en), Korean by default.
/// </summary>
internal static class GovStackCatalogueEndpoints
{
    public const string Prefix = "/govstack/registration";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("GovStack Registration").AllowAnonymous();

        api.MapGet("/services", (HttpContext context, ServiceCatalogue catalogue, string? name) =>
            {
                var services = catalogue.Services.Where(s => string.IsNullOrWhiteSpace(name)
                    || s.Name.Ko.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase)
                    || s.Name.En.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase));
                return JsonWithETag.Ok(context, services.Select(GovStackService.From).ToList());
            })
            .WithName("GovStackListServices")
            .WithSummary("Services available to apply for (GovStack getServiceList); name filters by part of the Korean or English name.");

        api.MapGet("/services/{serviceKey}", (HttpContext context, ServiceCatalogue catalogue, string serviceKey) =>
                catalogue.Get(serviceKey) is { } s ? JsonWithETag.Ok(context, GovStackService.From(s)) : NotFound(serviceKey))
            .WithName("GovStackGetService");

        api.MapGet("/services/{serviceKey}/eForms", (HttpContext context, ServiceCatalogue catalogue, string serviceKey) =>
                catalogue.Get(serviceKey) is { } s
                    ? JsonWithETag.Ok(context, s.Form is null ? [] : new[] { GovStackEForm.ListItem(s) })
                    : NotFound(serviceKey))
            .WithName("GovStackListEForms");

        api.MapGet("/eForms/{eFormId}", (HttpContext context, ServiceCatalogue catalogue, string eFormId) =>
                catalogue.Get(eFormId) is { Form: not null } s
                    ? JsonWithETag.Ok(context, GovStackEForm.From(s))
                    : Problems.NotFound($"There is no e-form '{eFormId}'."))
            .WithName("GovStackGetEForm");
    }

    private static IResult NotFound(string serviceKey) => Problems.NotFound($"There is no service '{serviceKey}'.");
}
