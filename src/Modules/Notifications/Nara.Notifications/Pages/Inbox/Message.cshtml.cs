using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Notifications.Features.Inbox;

namespace Nara.Notifications.Pages.Inbox;

/// <summary>One message: opening it marks it read; it can be archived or moved back to the inbox.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class MessageModel(OpenInboxItem open, ArchiveInboxItem archive) : PageModel
{
    public InboxItem? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        Item = await open.OpenAsync(account, id, ct);
        return Item is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => SetAsync(id, archived: true, ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct) => SetAsync(id, archived: false, ct);

    private async Task<IActionResult> SetAsync(Guid id, bool archived, CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        if (!await archive.SetArchivedAsync(account, id, archived, ct))
        {
            return NotFound();
        }

        // Back to the list the message was in, so the next one is at hand.
        return LocalRedirect(archived ? "/inbox" : "/inbox?view=archived");
    }
}
