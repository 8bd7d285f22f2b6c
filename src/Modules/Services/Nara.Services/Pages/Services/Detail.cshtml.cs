using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Features;

namespace Nara.Services.Pages.Services;

/// <summary>One service: who, what, how, how long, documents, fees, legal basis; a plain 404 page for unknown slugs.</summary>
// The catalogue is public: anyone may find and read a service without signing in.
[AllowAnonymous]
internal sealed class DetailModel(ServiceCatalogue catalogue) : PageModel
{
    public ServiceDefinition? Service { get; private set; }

    public IReadOnlyList<ServiceDefinition> Included { get; private set; } = [];

    public string Slug { get; private set; } = "";

    public void OnGet(string slug)
    {
        Slug = slug;
        Service = catalogue.Get(slug);
        if (Service is null)
        {
            // The page itself explains; the status code tells crawlers and clients.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Included = [.. Service.Bundle.Select(catalogue.Get).OfType<ServiceDefinition>()];
    }
}
