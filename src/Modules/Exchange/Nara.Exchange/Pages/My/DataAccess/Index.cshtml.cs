using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Consent.Contracts;
using Nara.Exchange.Features;
using Nara.Kernel.Security;

namespace Nara.Exchange.Pages.My.DataAccess;

/// <summary>"Who used my data": every exchange of the citizen's data, the MyData transfers they ordered, and the alert switch.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class IndexModel(MyDataAccess accesses, SetAccessAlerts alerts, IMyDataTransferLog transfers) : PageModel
{
    public IReadOnlyList<DataAccessView> Items { get; private set; } = [];

    public bool More { get; private set; }

    /// <summary>MyData transfers the citizen ordered that a recipient collected (first page only).</summary>
    public IReadOnlyList<CollectedTransfer> Transfers { get; private set; } = [];

    public bool Linked { get; private set; }

    public bool AlertsOn { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        if (Resident(User) is { } resident)
        {
            Linked = true;
            (Items, More) = await accesses.ListAsync(resident, PageNumber, ct);
            AlertsOn = await alerts.IsOnAsync(resident, ct);
            if (PageNumber == 1)
            {
                Transfers = await transfers.CollectionsAsync(resident.ToString(CultureInfo.InvariantCulture), MyDataAccess.PageSize, ct);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAlertsAsync(bool enabled, CancellationToken ct)
    {
        if (Resident(User) is not { } resident)
        {
            return RedirectToPage();
        }

        await alerts.ExecuteAsync(resident, enabled, ct);
        return RedirectToPage(new { done = enabled ? "alerts-on" : "alerts-off" });
    }

    /// <summary>The resident a signed-in citizen's account is linked to.</summary>
    public static long? Resident(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(NaraClaims.ResidentId), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
}
