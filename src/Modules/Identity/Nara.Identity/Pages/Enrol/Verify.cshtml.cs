using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Enrolment;
using Nara.Identity.Features.Proofing;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Pages.Enrol;

/// <summary>Step 2: the code. Proving it gives a 10-minute enrolment ticket for step 3 (the passkey).</summary>
// Proving identity is how a person without an account starts.
[AllowAnonymous]
internal sealed class VerifyModel(CompleteEnrolment complete) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "challenge")]
    public Guid ChallengeId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    /// <summary>The code can no longer be used: offer to start again instead of the form.</summary>
    public bool Spent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await complete.ExecuteAsync(ChallengeId, Code, cancellationToken);
        if (result is { Status: ProofingCheckStatus.Proved, Ticket: { } ticket })
        {
            await HttpContext.SignInAsync(EnrolmentTicket.Scheme, ticket);
            return RedirectToPage("/Enrol/Passkey");
        }

        (Error, Spent) = result.Status switch
        {
            ProofingCheckStatus.WrongAnswer => (L($"확인 코드가 맞지 않습니다. {result.AttemptsLeft}번 더 입력할 수 있습니다.", $"That code is not right. You can try {result.AttemptsLeft} more times."), false),
            ProofingCheckStatus.Expired => (L("확인 코드의 유효 시간(10분)이 지났습니다. 새 코드를 받아 주세요.", "The code has expired (codes last 10 minutes). Please ask for a new one."), true),
            ProofingCheckStatus.LockedOut when result.Disabled => (L("이 계정은 사용이 중지되었습니다. 계정을 관리하는 기관에 문의하세요.", "This account has been disabled. Contact the agency that manages it."), true),
            ProofingCheckStatus.LockedOut => (L("잘못된 코드를 너무 여러 번 입력했습니다. 30분 뒤에 새 코드를 받아 주세요.", "A wrong code was entered too many times. Please ask for a new code in 30 minutes."), true),
            _ => (L("이 확인 요청은 사용할 수 없습니다. 처음부터 다시 시작해 주세요.", "This request cannot be used. Please start again."), true),
        };
        Response.StatusCode = result.Status == ProofingCheckStatus.LockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        return Page();
    }
}
