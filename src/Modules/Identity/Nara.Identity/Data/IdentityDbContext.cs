using Microsoft.EntityFrameworkCore;
using Nara.Identity.Domain;
using Nara.Kernel.Data;

namespace Nara.Identity.Data;

internal class IdentityDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "identity";

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AgencyClient> AgencyClients => Set<AgencyClient>();

    public DbSet<OidcKey> OidcKeys => Set<OidcKey>();

    public DbSet<OidcSector> OidcSectors => Set<OidcSector>();
    public DbSet<Passkey> Passkeys => Set<Passkey>();

    public DbSet<ProofingChallenge> ProofingChallenges => Set<ProofingChallenge>();

    public DbSet<WebAuthnCeremony> WebAuthnCeremonies => Set<WebAuthnCeremony>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("identity_accounts");
            b.HasKey(x => x.Id);
            b.Property(x => x.DisplayName).HasMaxLength(100);
            b.Property(x => x.AgencyCode).HasMaxLength(20);
            b.Property(x => x.Roles).HasMaxLength(500);
            b.Property(x => x.PersonaKey).HasMaxLength(50);
            b.HasIndex(x => x.PersonaKey).IsUnique();
            // One account per resident; accounts without a resident (test officials) may be many.
            b.HasIndex(x => x.ResidentId).IsUnique();
            b.Property(x => x.UserHandle).HasMaxLength(64);
            b.HasIndex(x => x.UserHandle).IsUnique();
            b.HasMany(x => x.Passkeys).WithOne().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
            b.Ignore(x => x.RoleList);
            b.Ignore(x => x.IsOfficial);
        });
        PasskeyModel.Configure(modelBuilder);
        modelBuilder.Entity<AgencyClient>(b =>
        {
            b.ToTable("identity_agency_clients");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(200);
            b.Property(x => x.AgencyCode).HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.KeyPrefix).HasMaxLength(16);
            b.HasIndex(x => x.KeyPrefix).IsUnique();
            b.Property(x => x.KeyHash).HasMaxLength(64);
            b.Property(x => x.Scopes).HasMaxLength(2000);
        });
        OidcModel.Configure(modelBuilder);
    }
}

internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

internal sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);
