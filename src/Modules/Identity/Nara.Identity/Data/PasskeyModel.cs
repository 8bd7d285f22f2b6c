using Microsoft.EntityFrameworkCore;
using Nara.Identity.Domain;

namespace Nara.Identity.Data;

/// <summary>Tables for passkeys, identity proofing challenges and pending WebAuthn ceremonies.</summary>
internal static class PasskeyModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Passkey>(b =>
        {
            b.ToTable("identity_passkeys");
            b.HasKey(x => x.Id);
            b.Property(x => x.CredentialId).HasMaxLength(1023);
            b.HasIndex(x => x.CredentialId).IsUnique();
            b.Property(x => x.PublicKey).HasMaxLength(2048);
            b.Property(x => x.Nickname).HasMaxLength(60);
            b.Property(x => x.Transports).HasMaxLength(100);
            b.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<ProofingChallenge>(b =>
        {
            b.ToTable("identity_proofing_challenges");
            b.HasKey(x => x.Id);
            b.Property(x => x.Method).HasMaxLength(40);
            b.Property(x => x.CodeHash).HasMaxLength(64);
            b.HasIndex(x => new { x.ResidentId, x.CreatedAt });
        });
        modelBuilder.Entity<WebAuthnCeremony>(b =>
        {
            b.ToTable("identity_webauthn_ceremonies");
            b.HasKey(x => x.Id);
            b.Property(x => x.OptionsJson).HasMaxLength(8000);
            b.HasIndex(x => x.ExpiresAt);
        });
    }
}
