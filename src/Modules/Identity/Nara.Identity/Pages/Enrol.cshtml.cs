using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Enrolment;
using Nara.Kernel.Time;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Pages;

/// <summary>Step 1 of enrolment (/enrol) and of recovery (/recover): name yourself, get a code.</summary>
// Enrolment and recovery (/recover shares this model) are for people who cannot sign in yet.
[AllowAnonymous]
internal sealed class EnrolModel(StartEnrolment start) : PageModel
{
    public bool Recovery => HttpContext.Request.Path.StartsWithSegments("/recover");

    [BindProperty]
    public string? ResidentNumber { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await start.ExecuteAsync(ResidentNumber, Name, LanguageTag, cancellationToken);
        if (result.Status == EnrolmentStartStatus.Started)
        {
            return RedirectToPage("/Enrol/Verify", new { challenge = result.ChallengeId });
        }

        Error = result.Status switch
        {
            EnrolmentStartStatus.Invalid => L("주민등록번호 13자리와 이름을 입력해 주세요.", "Enter the 13 digits of your resident registration number and your name."),
            EnrolmentStartStatus.NotMatched => L("입력한 주민등록번호와 이름이 주민등록 정보와 맞지 않습니다. 다시 확인해 주세요.", "The number and name you entered do not match the resident register. Please check them."),
            EnrolmentStartStatus.Disabled => L("이 계정은 사용이 중지되었습니다. 계정을 관리하는 기관에 문의하세요.", "This account has been disabled. Contact the agency that manages it."),
            _ => L(
                $"확인 코드를 너무 여러 번 요청했거나 잘못 입력했습니다. {RetryText(result.RetryAfter)} 다시 시도해 주세요.",
                $"Too many codes were asked for or entered wrongly. Please try again {RetryText(result.RetryAfter)}."),
        };
        Response.StatusCode = result.Status == EnrolmentStartStatus.LockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string RetryText(DateTimeOffset? at) =>
        at is { } t ? L($"{KoreaTime.ToSeoul(t):HH:mm} 이후에", $"after {KoreaTime.ToSeoul(t):HH:mm} (Korea time)") : L("잠시 후", "later");
}
