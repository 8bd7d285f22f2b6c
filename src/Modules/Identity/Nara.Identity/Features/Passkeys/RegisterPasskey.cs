using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.Passkeys;

internal sealed record PasskeyRegistration(Passkey? Passkey, Account? Account, string? Error);

/// <summary>
/// Adds a passkey to an account in two steps: options for the browser (user verification and a
/// discoverable credential required, existing passkeys excluded), then the browser's answer, verified.
/// </summary>
internal sealed class RegisterPasskey(IdentityDbContext db, PasskeyRelyingParty relyingParty, Ceremonies ceremonies, TimeProvider clock, ILogger<RegisterPasskey> logger)
{
    public const int MaxPasskeys = 10;

    public async Task<(Guid CeremonyId, string OptionsJson)?> BeginAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.Include(a => a.Passkeys)
            .FirstOrDefaultAsync(a => a.Id == accountId && a.DisabledAt == null, cancellationToken);
        if (account is null || account.Passkeys.Count >= MaxPasskeys)
        {
            return null;
        }

        if (account.UserHandle is null)
        {
            // Accounts made before passkeys (seeded officials) get their random user handle now.
            account.UserHandle = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            await db.SaveChangesAsync(cancellationToken);
        }

        var options = relyingParty.Create().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = account.UserHandle!, Name = account.DisplayName, DisplayName = account.DisplayName },
            ExcludeCredentials = account.Passkeys.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = options.ToJson();
        return (await ceremonies.StoreAsync(CeremonyKind.Registration, accountId, json, cancellationToken), json);
    }

    public async Task<PasskeyRegistration> CompleteAsync(Guid accountId, Guid ceremonyId, JsonElement credential, string? nickname, CancellationToken cancellationToken)
    {
        var optionsJson = await ceremonies.TakeAsync(ceremonyId, CeremonyKind.Registration, accountId, cancellationToken);
        var answer = PasskeyJson.Read<AuthenticatorAttestationRawResponse>(credential);
        if (optionsJson is null || answer is null)
        {
            return new PasskeyRegistration(null, null, "ceremony");
        }

        var account = await db.Accounts.Include(a => a.Passkeys)
            .FirstOrDefaultAsync(a => a.Id == accountId && a.DisabledAt == null, cancellationToken);
        if (account is null)
        {
            return new PasskeyRegistration(null, null, "account");
        }

        RegisteredPublicKeyCredential made;
        try
        {
            made = await relyingParty.Create().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = answer,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = async (p, ct) => !await db.Passkeys.AnyAsync(x => x.CredentialId == p.CredentialId, ct),
            }, cancellationToken);
        }
        catch (Fido2VerificationException e)
        {
            logger.LogInformation("Passkey registration refused: {Reason}", e.Message);
            return new PasskeyRegistration(null, null, "verification");
        }

        var now = clock.GetUtcNow();
        var passkey = new Passkey
        {
            Id = Guid.CreateVersion7(now),
            AccountId = account.Id,
            CredentialId = made.Id,
            PublicKey = made.PublicKey,
            SignCount = made.SignCount,
            AaGuid = made.AaGuid,
            Transports = string.Join(' ', (made.Transports ?? []).Select(t => t.ToEnumMemberValue())),
            IsBackedUp = made.IsBackedUp,
            Nickname = PasskeyNames.Clean(nickname) ?? PasskeyNames.Default(account.Passkeys.Count + 1),
            CreatedAt = now,
            LastUsedAt = now,
        };
        // Added through the set: reached only through the navigation, a passkey with its id set would be taken for an existing row.
        db.Passkeys.Add(passkey);
        db.Publish(new PasskeyRegistered(account.Id, passkey.Id, account.Passkeys.Count), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new PasskeyRegistration(null, null, "duplicate");
        }

        return new PasskeyRegistration(passkey, account, null);
    }
}

internal static class PasskeyJson
{
    /// <summary>The browser's credential as Fido2's type, or null when it is not that shape.</summary>
    public static T? Read<T>(JsonElement element)
        where T : class
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object ? element.Deserialize<T>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal static class PasskeyNames
{
    public static string? Clean(string? name)
    {
        var trimmed = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return trimmed.Length == 0 ? null : trimmed.Length > 60 ? trimmed[..60] : trimmed;
    }

    public static string Default(int number) => Kernel.Localization.Bilingual.L($"패스키 {number}", $"Passkey {number}");
}
