using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Http;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Features;

namespace Nara.Services.Api;

/// <summary>
/// Nara's own catalogue API for third-party developers: public, anonymous, cacheable (ETag + 304). Both
/// languages are in every answer, so it does not vary with the reader's language.
/// </summary>
internal static class CatalogueEndpoints
{
    public const string Prefix = "/api/services";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("Services: catalogue").AllowAnonymous();

        api.MapGet("/", (HttpContext context, FindServices find, string? q, string? @event, string? agency, string? category) =>
            {
                var found = find.Find(new ServiceFilter(q, Blank(@event), Blank(agency), Blank(category)));
                return JsonWithETag.Ok(context, new ServiceList(found.Services.Count, [.. found.Services.Select(ServiceListItem.From)]));
            })
            .WithName("ListServices")
            .WithSummary("Search or list the service catalogue (q = search text; event, agency, category = browse filters).");

        api.MapGet("/{slug}", (HttpContext context, ServiceCatalogue catalogue, string slug) =>
                catalogue.Get(slug) is { } service
                    ? JsonWithETag.Ok(context, service)
                    : Problems.NotFound($"There is no service '{slug}' in the catalogue."))
            .WithName("GetService")
            .WithSummary("One service with its plain-language sections, documents, legal basis and application form.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed record ServiceList(int Count, IReadOnlyList<ServiceListItem> Items);

internal sealed record ServiceListItem(
    string Slug,
    LocalText Name,
    LocalText Summary,
    string Agency,
    LocalText? AgencyName,
    string Category,
    IReadOnlyList<string> LifeEvents,
    bool AppliesOnline,
    IReadOnlyList<string> Bundle,
    string Url)
{
    public static ServiceListItem From(ServiceDefinition s) =>
        new(s.Slug, s.Name, s.Summary, s.Agency, Agencies.Find(s.Agency), s.Category, s.LifeEvents, s.AppliesOnline, s.Bundle, "/services/" + s.Slug);
}
