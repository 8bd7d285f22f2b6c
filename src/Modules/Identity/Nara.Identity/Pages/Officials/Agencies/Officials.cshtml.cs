using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Officials;
using Nara.Identity.Features.Sessions;
using Nara.Kernel.Security;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Pages.Officials.Agencies;

/// <summary>An agency administrator manages the officials of their own agency (the policy refuses any other agency).</summary>
[Authorize(Policy = NaraPolicies.AgencyAdministrator)]
internal sealed class OfficialsModel(ListAgencyOfficials list, InviteOfficial invite, ChangeOfficial change) : PageModel
{
    [FromRoute]
    public string Agency { get; set; } = "";

    public IReadOnlyList<OfficialItem> Officials { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    private Guid Me => SessionPrincipal.AccountId(User) ?? Guid.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Officials = await list.ExecuteAsync(Agency, cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(string? residentNumber, string[]? roles, CancellationToken cancellationToken)
    {
        var result = await invite.ExecuteAsync(Me, Agency, residentNumber, roles, cancellationToken);
        return await ShowAsync(result switch
        {
            InviteResult.Invited => (L("공무원 계정을 만들었습니다. 본인이 /enrol에서 본인 확인 후 패스키를 만들면 로그인할 수 있습니다.", "The official's account is ready. They sign in after proving who they are and creating a passkey at /enrol."), null),
            InviteResult.NotFound => (null, L("그 주민등록번호의 주민이 없습니다.", "There is no resident with that number.")),
            InviteResult.OtherAgency => (null, L("이 사람은 다른 기관의 공무원입니다. 그 기관에서 먼저 계정을 중지해야 합니다.", "This person is an official of another agency. That agency must disable the account first.")),
            _ => (null, L("주민등록번호 13자리와 역할을 하나 이상 선택해 주세요.", "Enter the 13-digit resident registration number and choose at least one role.")),
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, string[]? roles, CancellationToken cancellationToken) =>
        await ShowAsync(Describe(await change.SetRolesAsync(Me, Agency, id, roles, cancellationToken), L("역할을 바꿨습니다.", "Roles changed.")), cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled, CancellationToken cancellationToken) =>
        await ShowAsync(Describe(
            await change.SetDisabledAsync(Me, Agency, id, disabled, cancellationToken),
            disabled ? L("계정을 중지했습니다. 다음 요청부터 로그인이 풀립니다.", "Account disabled. Their session ends at their next request.") : L("계정을 다시 사용할 수 있게 했습니다.", "Account enabled again.")), cancellationToken);

    private static (string?, string?) Describe(OfficialChangeResult result, string done) => result switch
    {
        OfficialChangeResult.Changed => (done, null),
        OfficialChangeResult.OwnAccount => (null, L("자신의 계정은 중지하거나 관리자 역할을 뺄 수 없습니다. 다른 관리자에게 요청하세요.", "You cannot disable your own account or remove your own administrator role. Ask another administrator.")),
        OfficialChangeResult.Invalid => (null, L("역할을 하나 이상 선택해 주세요.", "Choose at least one role.")),
        _ => (null, L("이 기관의 공무원이 아닙니다.", "That person is not an official of this agency.")),
    };

    private async Task<IActionResult> ShowAsync((string? Message, string? Error) outcome, CancellationToken cancellationToken)
    {
        (Message, Error) = outcome;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Officials = await list.ExecuteAsync(Agency, cancellationToken);
        return Page();
    }

    public static string RoleName(string role) => role switch
    {
        NaraRoles.Caseworker => L("담당자(민원 처리)", "Caseworker"),
        NaraRoles.Approver => L("결재권자", "Approver"),
        NaraRoles.Publisher => L("게시 담당", "Publisher"),
        NaraRoles.AlertOperator => L("재난문자 발령", "Alert operator"),
        NaraRoles.RegistrySteward => L("공부 관리", "Registry steward"),
        NaraRoles.RegistryViewer => L("공부 열람", "Registry viewer"),
        NaraRoles.CredentialOfficer => L("전자증명서 관리", "Credential officer"),
        NaraRoles.Auditor => L("감사", "Auditor"),
        NaraRoles.Administrator => L("기관 관리자", "Agency administrator"),
        _ => role,
    };
}
