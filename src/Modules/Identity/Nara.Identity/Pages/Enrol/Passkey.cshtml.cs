using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Enrolment;

namespace Nara.Identity.Pages.Enrol;

/// <summary>Step 3: create the passkey. Only with the enrolment ticket from step 2.</summary>
[Authorize(AuthenticationSchemes = EnrolmentTicket.Scheme)]
internal sealed class PasskeyModel : PageModel
{
    public bool Recovery => User.HasClaim(EnrolmentTicket.RecoveryClaim, "true");

    public bool NoScript { get; private set; }

    public IActionResult OnPostPasskey()
    {
        NoScript = true;
        return Page();
    }
}
