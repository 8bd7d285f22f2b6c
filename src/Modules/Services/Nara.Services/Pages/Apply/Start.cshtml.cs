using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Features;
using Nara.Services.Features.Applications;

namespace Nara.Services.Pages.Apply;

/// <summary>
/// The start of an online application: what it asks, what Nara fills in from registries, and a start
/// button whose hidden idempotency key makes a double click open one draft.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class StartModel(ServiceCatalogue catalogue, ApplicationQueries queries, StartApplication start) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public ServiceDefinition Service { get; private set; } = null!;

    public IReadOnlyList<ServiceDefinition> Bundled { get; private set; } = [];

    public IReadOnlyList<ApplicationLine> Drafts { get; private set; } = [];

    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        if (!Load())
        {
            return NotFound();
        }

        Drafts = [.. (await queries.ListAsync(applicant.AccountId, ct)).Where(a => a.ServiceSlug == Slug && a.Status == ApplicationStatuses.Draft)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? idempotencyKey, CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        if (!Load())
        {
            return NotFound();
        }

        var application = await start.ExecuteAsync(applicant, Slug, idempotencyKey ?? "", "web", ct);
        if (application is null)
        {
            return BadRequest();
        }

        return application.Status == ApplicationStatuses.Draft
            ? LocalRedirect($"/services/{Slug}/apply/{application.Id}/steps/{Math.Min(application.CurrentStep, Service.Form!.Steps.Count - 1)}")
            : LocalRedirect($"/my/applications/{application.Id}");
    }

    private bool Load()
    {
        if (catalogue.Get(Slug) is not { Form: not null } service || !service.AppliesOnline)
        {
            return false;
        }

        Service = service;
        Bundled = [.. service.Bundle.Select(catalogue.Get).OfType<ServiceDefinition>()];
        return true;
    }
}
