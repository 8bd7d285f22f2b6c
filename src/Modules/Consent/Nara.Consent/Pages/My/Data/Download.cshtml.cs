using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Consent.Features;
using Nara.Kernel.Security;

namespace Nara.Consent.Pages.My.Data;

/// <summary>MyData download: the citizen's own registry data, readable here and as a JSON file.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class DownloadModel(MyRegistryData data) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public MyRegistryExport? Export { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Export = Callers.CitizenIndividual(User) is { } individual ? await data.ExportAsync(individual, ct) : null;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is not { } individual || await data.ExportAsync(individual, ct) is not { } export)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(export, Json)), "application/json", "nara-mydata-registry.json");
    }
}
