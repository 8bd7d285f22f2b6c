using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Identity.Features.Enrolment;
using Nara.Identity.Features.Passkeys;
using Nara.Identity.Features.Sessions;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Api;

internal sealed record PasskeyAnswer(Guid CeremonyId, JsonElement Credential, string? Nickname, string? ReturnUrl);

/// <summary>
/// The JSON steps of WebAuthn the page script (wwwroot/js/passkeys.js) calls. They check the page's
/// antiforgery token (sent as a header), like a form post would.
/// </summary>
internal static class PasskeyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Anonymous: sign-in is for people not signed in yet, and registration checks itself for a session or
        // an enrolment ticket (either of two schemes), answering 401 without one.
        var group = endpoints.MapGroup("/api/identity/passkeys")
            .AllowAnonymous()
            .AddEndpointFilter(ValidateAntiforgeryAsync)
            .ExcludeFromDescription();
        group.MapPost("/registration/options", BeginRegistrationAsync);
        group.MapPost("/registration", CompleteRegistrationAsync);
        group.MapPost("/sign-in/options", BeginSignInAsync);
        group.MapPost("/sign-in", CompleteSignInAsync);
    }

    private static async Task<IResult> BeginRegistrationAsync(HttpContext context, RegisterPasskey register)
    {
        var (accountId, _) = await RegisteringAccountAsync(context);
        if (accountId is null)
        {
            return Results.Problem(statusCode: 401, type: ProblemTypes.Unauthorized, title: L("다시 로그인하거나 본인 확인을 다시 해 주세요.", "Sign in again or prove who you are again."));
        }

        var begun = await register.BeginAsync(accountId.Value, context.RequestAborted);
        return begun is { } b
            ? Results.Text($"{{\"ceremonyId\":\"{b.CeremonyId}\",\"options\":{b.OptionsJson}}}", "application/json")
            : Problems.Conflict(L($"패스키는 계정당 {RegisterPasskey.MaxPasskeys}개까지 등록할 수 있습니다.", $"An account can have at most {RegisterPasskey.MaxPasskeys} passkeys."));
    }

    private static async Task<IResult> CompleteRegistrationAsync(HttpContext context, PasskeyAnswer answer, RegisterPasskey register, StartSession sessions)
    {
        var (accountId, enrolling) = await RegisteringAccountAsync(context);
        if (accountId is null)
        {
            return Results.Problem(statusCode: 401, type: ProblemTypes.Unauthorized, title: L("다시 로그인하거나 본인 확인을 다시 해 주세요.", "Sign in again or prove who you are again."));
        }

        var result = await register.CompleteAsync(accountId.Value, answer.CeremonyId, answer.Credential, answer.Nickname, context.RequestAborted);
        if (result.Passkey is null || result.Account is null)
        {
            return Problems.BadRequest(L("패스키를 등록하지 못했습니다. 다시 시도해 주세요.", "The passkey could not be registered. Please try again."));
        }

        if (enrolling)
        {
            // The person just unlocked a passkey with user verification: that is a sign-in, the enrolment ticket ends.
            var principal = await sessions.ExecuteAsync(result.Account, "passkey", context.RequestAborted);
            await context.SignInAsync(NaraSchemes.Cookie, principal);
            await context.SignOutAsync(EnrolmentTicket.Scheme);
        }

        return Results.Ok(new { redirect = "/my/passkeys?added=1" });
    }

    private static async Task<IResult> BeginSignInAsync(HttpContext context, SignInWithPasskey signIn)
    {
        var (ceremonyId, json) = await signIn.BeginAsync(context.RequestAborted);
        return Results.Text($"{{\"ceremonyId\":\"{ceremonyId}\",\"options\":{json}}}", "application/json");
    }

    private static async Task<IResult> CompleteSignInAsync(HttpContext context, PasskeyAnswer answer, SignInWithPasskey signIn)
    {
        var principal = await signIn.CompleteAsync(answer.CeremonyId, answer.Credential, context.RequestAborted);
        if (principal is null)
        {
            return Problems.BadRequest(L(
                "이 패스키로 로그인할 수 없습니다. 등록한 패스키인지 확인하거나, 패스키를 잃어버렸다면 본인 확인 후 새로 등록하세요.",
                "This passkey cannot sign you in. Check that it is one you registered, or if you lost it, prove who you are and register a new one."));
        }

        await context.SignInAsync(NaraSchemes.Cookie, principal);
        var fallback = principal.HasClaim(NaraClaims.ActorKind, ActorKinds.Official) ? "/officials" : "/my/passkeys";
        var target = answer.ReturnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : fallback;
        return Results.Ok(new { redirect = target });
    }

    /// <summary>The account of a signed-in person, or of an enrolment ticket (then <c>enrolling</c> is true).</summary>
    private static async Task<(Guid? AccountId, bool Enrolling)> RegisteringAccountAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(NaraSchemes.Cookie);
        if (session.Succeeded && SessionPrincipal.AccountId(session.Principal) is { } signedIn)
        {
            return (signedIn, false);
        }

        var ticket = await context.AuthenticateAsync(EnrolmentTicket.Scheme);
        return ticket.Succeeded && SessionPrincipal.AccountId(ticket.Principal) is { } enrolling ? (enrolling, true) : (null, false);
    }

    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The token of the enrolment page was made for the enrolment ticket's user; check it against the same user.
        if (http.User.Identity?.IsAuthenticated != true && await http.AuthenticateAsync(EnrolmentTicket.Scheme) is { Succeeded: true } ticket)
        {
            http.User = ticket.Principal;
        }

        var antiforgery = http.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery;
        if (antiforgery is null || !await antiforgery.IsRequestValidAsync(http))
        {
            return Problems.BadRequest(L("페이지가 오래되었습니다. 새로 고친 뒤 다시 시도해 주세요.", "The page is out of date. Reload it and try again."));
        }

        return await next(context);
    }
}
