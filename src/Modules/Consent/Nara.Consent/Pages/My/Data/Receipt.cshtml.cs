using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Consent.Features;
using Nara.Kernel.Security;

namespace Nara.Consent.Pages.My.Data;

/// <summary>A consent receipt: readable here, and downloadable as signed JSON anyone can check with the published key.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class ReceiptModel(MyConsents consents, RecordQueries records) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public MyConsent? Consent { get; private set; }

    public ConsentResult? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is not { } individual || await consents.FindAsync(individual, id, ct) is not { } consent)
        {
            return NotFound();
        }

        Consent = consent;
        Current = await records.CurrentAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is not { } individual || await consents.ReceiptAsync(individual, id, ct) is not { } receipt)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(receipt, Json)), "application/json", $"consent-receipt-{id:N}.json");
    }
}
