using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// The provider's signing and encryption keys, kept in the database protected by ASP.NET Data Protection (so a
/// database dump alone does not give them away). Never development certificates: the first start creates keys.
/// </summary>
internal sealed class OidcKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string Purpose = "Nara.Identity.OidcKeys";

    /// <summary>Keys still live for a use, the one in use first (OpenIddict signs and encrypts with the first).</summary>
    public IReadOnlyList<RsaSecurityKey> Load(string use)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        var keys = db.OidcKeys.AsNoTracking().Where(k => k.Use == use).ToList()
            .Where(k => k.ExpiresAt is null || k.ExpiresAt > now)
            .OrderBy(k => k.RetiredAt is null ? 0 : 1).ThenByDescending(k => k.CreatedAt)
            .ToList();
        if (keys.Count == 0 || keys[0].RetiredAt is not null)
        {
            var created = Create(use, now);
            db.OidcKeys.Add(created);
            db.SaveChanges();
            keys.Insert(0, created);
        }

        return [.. keys.Select(Unprotect)];
    }

    /// <summary>A fresh key for <paramref name="use"/>, not yet saved.</summary>
    public OidcKey Create(string use, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var protector = dataProtection.CreateProtector(Purpose);
        return new OidcKey
        {
            Id = $"{use}-{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            Use = use,
            ProtectedKey = protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = now,
        };
    }

    private RsaSecurityKey Unprotect(OidcKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(dataProtection.CreateProtector(Purpose).Unprotect(key.ProtectedKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.Id };
    }
}
