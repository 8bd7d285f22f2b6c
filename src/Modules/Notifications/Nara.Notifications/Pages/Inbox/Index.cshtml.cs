using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Paging;
using Nara.Kernel.Security;
using Nara.Notifications.Features;
using Nara.Notifications.Features.Inbox;

namespace Nara.Notifications.Pages.Inbox;

/// <summary>The citizen's inbox or archive, newest first, twenty to a page.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class IndexModel(InboxQueries inbox, ArchiveInboxItem archive) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public bool Archived => View == "archived";

    public Page<InboxLine>? Items { get; private set; }

    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        if (PageRequest.Validate(PageNumber, PageSize, out var page) is not null)
        {
            return NotFound();
        }

        Items = await inbox.ListAsync(account, Archived, page, ct);
        Unread = await inbox.UnreadCountAsync(account, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        await archive.MarkAllReadAsync(account, ct);
        return LocalRedirect("/inbox");
    }

    public string Link(int page) => $"/inbox?{(Archived ? "view=archived&" : "")}page={page}";
}
