using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Passkeys;
using Nara.Identity.Features.Sessions;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Pages.My;

/// <summary>The signed-in person's passkeys: add, rename, remove (the last one only after a warning).</summary>
[Authorize]
internal sealed class PasskeysModel(ListPasskeys list, RenamePasskey rename, RemovePasskey remove) : PageModel
{
    public IReadOnlyList<PasskeyItem> Passkeys { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Set when removing the last passkey needs the person to confirm.</summary>
    public PasskeyItem? ConfirmLast { get; private set; }

    public bool NoScript { get; private set; }

    private Guid AccountId => SessionPrincipal.AccountId(User) ?? Guid.Empty;

    public async Task OnGetAsync(bool added, CancellationToken cancellationToken)
    {
        Message = added ? L("패스키를 등록했습니다. 다음부터 이 패스키로 로그인하세요.", "Your passkey is registered. Use it to sign in from now on.") : null;
        Passkeys = await list.ExecuteAsync(AccountId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? nickname, CancellationToken cancellationToken)
    {
        var ok = await rename.ExecuteAsync(AccountId, id, nickname, cancellationToken);
        return await ShowAsync(ok ? L("이름을 바꿨습니다.", "Name changed.") : null, ok ? null : L("새 이름을 입력해 주세요.", "Enter a new name."), cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, bool confirmLast, CancellationToken cancellationToken)
    {
        var result = await remove.ExecuteAsync(AccountId, id, confirmLast, cancellationToken);
        if (result == PasskeyRemoval.LastNeedsConfirmation)
        {
            await ShowAsync(null, null, cancellationToken);
            ConfirmLast = Passkeys.FirstOrDefault(p => p.Id == id);
            return Page();
        }

        return await ShowAsync(
            result == PasskeyRemoval.Removed ? L("패스키를 삭제했습니다.", "Passkey removed.") : null,
            result == PasskeyRemoval.NotFound ? L("이 패스키를 찾을 수 없습니다.", "That passkey was not found.") : null,
            cancellationToken);
    }

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken)
    {
        NoScript = true;
        return await ShowAsync(null, null, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string? message, string? error, CancellationToken cancellationToken)
    {
        (Message, Error) = (message, error);
        Passkeys = await list.ExecuteAsync(AccountId, cancellationToken);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
