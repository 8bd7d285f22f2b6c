using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Exchange.Features.Administration;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;

namespace Nara.Exchange.Pages.Officials.Exchange;

/// <summary>Registers members (platform administrators), subsystems and services (the member's own administrators).</summary>
[Authorize(Policy = NaraPolicies.Official)]
internal sealed class RegisterModel(ExchangeCatalogue catalogue, SaveMember saveMember, SaveSubsystem saveSubsystem, SaveService saveService, IOptions<ExchangeOptions> options) : PageModel
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public ExchangeAdministrator? Admin { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostMemberAsync(string? memberClass, string? code, string? nameKo, string? nameEn, string? agencyCode, CancellationToken ct) =>
        RunAsync(a => saveMember.ExecuteAsync(a, new MemberInput(memberClass, code?.Trim(), nameKo, nameEn, agencyCode?.Trim()), ct), ct);

    public Task<IActionResult> OnPostSubsystemAsync(string? member, string? code, string? nameKo, string? nameEn, CancellationToken ct) =>
        RunAsync(a => saveSubsystem.ExecuteAsync(a, member ?? "", new SubsystemInput(code?.Trim(), nameKo, nameEn), ct), ct);

    public Task<IActionResult> OnPostServiceAsync(
        string? subsystem, string? code, string? nameKo, string? nameEn, string? provider, string? providerUrl, int? timeoutMs,
        string? attributes, string? purposes, string? dataAgreementId, CancellationToken ct)
    {
        Guid? agreement = Guid.TryParse(dataAgreementId, out var g) ? g : null;
        if (!string.IsNullOrWhiteSpace(dataAgreementId) && agreement is null)
        {
            Error = Bilingual.L("데이터 제공 약정 ID는 UUID여야 합니다.", "The data agreement id must be a UUID.");
            return LoadPageAsync(ct);
        }

        return RunAsync(a => saveService.ExecuteAsync(a, subsystem ?? "", new ServiceInput(code?.Trim(), nameKo, nameEn, provider, providerUrl?.Trim(), timeoutMs,
            Split(attributes), Split(purposes), agreement, true), ct), ct);
    }

    private static string[] Split(string? list) => list?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private async Task<IActionResult> RunAsync(Func<ExchangeAdministrator, Task<AdminResult>> action, CancellationToken ct)
    {
        var admin = ExchangeAdministrator.From(User, options);
        var result = admin is null ? AdminResult.Denied : await action(admin);
        if (result.Status == AdminStatus.Done)
        {
            return RedirectToPage("Index", new { done = "saved" });
        }

        Error = result.Status switch
        {
            AdminStatus.Forbidden => Bilingual.L("관리자만, 그리고 자기 기관의 회원에만 등록할 수 있습니다. 회원 등록은 플랫폼 관리자만 합니다.",
                "Only administrators may register, and only under their own agency's member. Members are registered by platform administrators."),
            AdminStatus.NotFound => Bilingual.L("선택한 회원이나 서브시스템이 없습니다.", "The member or subsystem you chose does not exist."),
            _ => Bilingual.L("입력을 확인하세요: ", "Check your input: ") + result.Message,
        };
        return await LoadPageAsync(ct);
    }

    private async Task<IActionResult> LoadPageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Admin = ExchangeAdministrator.From(User, options);
        Members = await catalogue.MembersAsync(ct);
    }
}
