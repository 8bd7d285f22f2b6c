using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Notifications.Api;
using Nara.Notifications.Features;

namespace Nara.Notifications.Pages.Officials.Templates;

/// <summary>The templates of the official's agency, and Nara's built-in ones (read-only), with a way to start a new one.</summary>
[Authorize(Policy = NotificationPolicies.TemplateEditors)]
internal sealed class IndexModel(ListTemplates list) : PageModel
{
    public IReadOnlyList<TemplateListItem> Templates { get; private set; } = [];

    public string Agency => User.FindFirstValue(NaraClaims.Agency) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Templates = await list.ExecuteAsync(Agency, cancellationToken);

    /// <summary>"New template" is a plain GET form (works without JavaScript): it lands on the edit page of that id.</summary>
    public IActionResult OnGetNew(string? id) =>
        string.IsNullOrWhiteSpace(id)
            ? RedirectToPage()
            : Redirect($"/officials/notifications/templates/{Uri.EscapeDataString(id.Trim().ToLowerInvariant())}");
}
