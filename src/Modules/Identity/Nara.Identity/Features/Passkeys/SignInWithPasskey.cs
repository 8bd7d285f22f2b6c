using System.Security.Claims;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Identity.Features.Sessions;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.Passkeys;

/// <summary>
/// Usernameless sign-in: the browser offers the person's passkeys for this site, they pick one and unlock
/// it (fingerprint, face, PIN); the signature over Nara's one-time challenge names the account.
/// </summary>
internal sealed class SignInWithPasskey(IdentityDbContext db, PasskeyRelyingParty relyingParty, Ceremonies ceremonies, TimeProvider clock, ILogger<SignInWithPasskey> logger)
{
    public async Task<(Guid CeremonyId, string OptionsJson)> BeginAsync(CancellationToken cancellationToken)
    {
        var options = relyingParty.Create().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        var json = options.ToJson();
        return (await ceremonies.StoreAsync(CeremonyKind.Assertion, null, json, cancellationToken), json);
    }

    /// <summary>The session principal, or null when the answer does not prove a usable passkey.</summary>
    public async Task<ClaimsPrincipal?> CompleteAsync(Guid ceremonyId, JsonElement credential, CancellationToken cancellationToken)
    {
        var optionsJson = await ceremonies.TakeAsync(ceremonyId, CeremonyKind.Assertion, null, cancellationToken);
        var answer = PasskeyJson.Read<AuthenticatorAssertionRawResponse>(credential);
        if (optionsJson is null || answer?.RawId is not { Length: > 0 } credentialId)
        {
            return null;
        }

        var passkey = await db.Passkeys.FirstOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken);
        var account = passkey is null ? null : await db.Accounts.FirstOrDefaultAsync(a => a.Id == passkey.AccountId && a.DisabledAt == null, cancellationToken);
        if (passkey is null || account?.UserHandle is null)
        {
            return null;
        }

        VerifyAssertionResult verified;
        try
        {
            verified = await relyingParty.Create().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = answer,
                OriginalOptions = AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) =>
                    Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(account.UserHandle) && p.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)),
            }, cancellationToken);
        }
        catch (Fido2VerificationException e)
        {
            logger.LogInformation("Passkey sign-in refused: {Reason}", e.Message);
            return null;
        }

        var now = clock.GetUtcNow();
        passkey.SignCount = verified.SignCount;
        passkey.IsBackedUp = verified.IsBackedUp;
        passkey.LastUsedAt = now;
        var kind = account.IsOfficial ? ActorKinds.Official : ActorKinds.Citizen;
        db.Publish(new AccountSignedIn(account.Id, kind, account.AgencyCode, account.Roles, "passkey"), now);
        await db.SaveChangesAsync(cancellationToken);
        return SessionPrincipal.For(account, "passkey", now);
    }
}
