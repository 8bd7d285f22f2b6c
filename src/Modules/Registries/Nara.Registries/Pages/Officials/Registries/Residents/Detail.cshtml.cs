using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Registries.Features;

namespace Nara.Registries.Pages.Officials.Registries.Residents;

/// <summary>A resident's full record. Opening it publishes ResidentRecordViewed for the audit log.</summary>
[Authorize(Policy = NaraPolicies.RegistryViewer)]
internal sealed class DetailModel(ReadResidentRecord read) : PageModel
{
    public ResidentRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, string? purpose, CancellationToken ct)
    {
        var record = await read.RunAsync(id, ViewerClaims.From(User, purpose), ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
