using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Credentials.Pages.Officials.Credentials;

/// <summary>
/// A credential officer finds a credential by its id (a resident reads it from their wallet, or from a letter), or
/// lists a resident's by resident registration number with a reason (audited), and suspends, reinstates or revokes it
/// with a reason. Only the officer's own agency's credentials; no claims are shown
/// (the issuer keeps none).
/// </summary>
[Authorize(Policy = CredentialsPolicies.StatusOfficer)]
internal sealed class IndexModel(FindCredential find, FindCredentialsOfResident search, ChangeCredentialStatus change) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public CredentialSummary? Credential { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The search by resident, posted (never in the address: a resident registration number stays out of URLs and logs).</summary>
    [BindProperty]
    public string? ResidentNumber { get; set; }

    [BindProperty]
    public string? SearchReason { get; set; }

    /// <summary>The agency's credentials of the resident searched for; null when no search was made.</summary>
    public IReadOnlyList<CredentialSummary>? Found { get; private set; }

    public string? SearchError { get; private set; }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (FindCredentialsOfResident.NormalizeResidentNumber(ResidentNumber) is not { } number)
        {
            SearchError = L("주민등록번호 13자리를 적으세요 (예: 900101-1234567).", "Enter the 13-digit resident registration number (e.g. 900101-1234567).");
        }
        else if (Callers.Reason(SearchReason) is not { } why)
        {
            SearchError = L("조회 사유를 3자 이상 200자 이하로 적으세요. 조회는 사유와 함께 감사 기록에 남습니다.", "Give a reason of 3 to 200 characters; the search is kept in the audit log with it.");
        }
        else
        {
            Found = await search.ExecuteAsync(number, why, Callers.Official(User, NaraRoles.CredentialOfficer), ct);
            return Page();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Id))
        {
            await LoadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(string? status, string? reason, CancellationToken ct)
    {
        if (!Guid.TryParse(Id?.Trim(), out var id))
        {
            Error = L("증명서 번호를 확인하세요.", "Check the credential number.");
            return Page();
        }

        if (ChangeCredentialStatus.Parse(status) is not { } newStatus)
        {
            Error = L("바꿀 상태를 고르세요.", "Choose the new status.");
        }
        else if (Callers.Reason(reason) is not { } why)
        {
            Error = L("사유를 3자 이상 200자 이하로 적으세요. 사유는 감사 기록에 남습니다.", "Give a reason of 3 to 200 characters; it is kept in the audit log.");
        }
        else
        {
            var result = await change.ExecuteAsync(id, newStatus, why, ChangeCredentialStatus.Scope.OfAgency(Callers.Agency(User)!), Callers.Official(User, NaraRoles.CredentialOfficer), ct);
            if (result == ChangeCredentialStatus.Result.Changed)
            {
                return RedirectToPage(new { id = id.ToString("D"), done = status });
            }

            Error = result switch
            {
                ChangeCredentialStatus.Result.AlreadyRevoked => L("폐기된 증명서는 상태를 바꿀 수 없습니다.", "A revoked credential cannot change again."),
                ChangeCredentialStatus.Result.OtherAgency => L("다른 기관이 발급한 증명서입니다. 발급 기관의 담당자만 관리할 수 있습니다.", "Another agency issued this credential; only its credential officers manage it."),
                _ => L("그 번호의 증명서가 없습니다.", "No credential has that number."),
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(Id?.Trim(), out var id))
        {
            Error ??= L("증명서 번호는 발급 때 받은 36자 번호입니다 (예: 0193…-…).", "A credential number is the 36-character id given at issuance (e.g. 0193…-…).");
            return;
        }

        var (outcome, credential) = await find.ExecuteAsync(id, Callers.Agency(User)!, ct);
        Credential = credential;
        Error ??= outcome switch
        {
            FindCredential.Outcome.OtherAgency => L("다른 기관이 발급한 증명서입니다. 발급 기관의 담당자만 관리할 수 있습니다.", "Another agency issued this credential; only its credential officers manage it."),
            FindCredential.Outcome.NotFound => L("그 번호의 증명서가 없습니다.", "No credential has that number."),
            _ => null,
        };
    }

    public static string StatusName(string status) => status switch
    {
        "valid" => L("유효", "Valid"),
        "suspended" => L("일시 정지", "Suspended"),
        _ => L("폐기", "Revoked"),
    };
}
