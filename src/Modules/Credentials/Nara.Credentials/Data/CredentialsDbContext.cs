using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Credentials.Domain;
using Nara.Kernel.Data;

namespace Nara.Credentials.Data;

/// <summary>
/// Issued credentials' status entries (the status lists are computed from them), OpenID4VCI offers and nonces,
/// OpenID4VP requests, citizens' web wallets and the module's outbox.
/// </summary>
internal class CredentialsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "credentials";

    public DbSet<IssuedCredential> Issued => Set<IssuedCredential>();

    public DbSet<CredentialOffer> Offers => Set<CredentialOffer>();

    public DbSet<IssuanceNonce> Nonces => Set<IssuanceNonce>();

    public DbSet<PresentationRequest> Presentations => Set<PresentationRequest>();

    /// <summary>Citizens' web wallets (the holder's side, sealed); kept apart from the issuer's claim-free records.</summary>
    public DbSet<WalletCredential> Wallet => Set<WalletCredential>();

    public DbSet<DecisionLetter> DecisionLetters => Set<DecisionLetter>();

    public DbSet<StatusPublication> StatusPublications => Set<StatusPublication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new IssuedCredentialConfiguration());
        modelBuilder.ApplyConfiguration(new CredentialOfferConfiguration());
        modelBuilder.ApplyConfiguration(new PresentationRequestConfiguration());
        modelBuilder.Entity<IssuanceNonce>(b =>
        {
            b.ToTable("credentials_nonces");
            b.HasKey(n => n.Hash);
            b.Property(n => n.Hash).HasMaxLength(64);
            b.HasIndex(n => n.ExpiresAt);
        });

        modelBuilder.ApplyConfiguration(new WalletCredentialConfiguration());

        modelBuilder.ApplyConfiguration(new DecisionLetterConfiguration());
        modelBuilder.Entity<StatusPublication>(b =>
        {
            b.ToTable("credentials_status_publications");
            b.HasKey(p => new { p.List, p.Sequence });
            b.Property(p => p.Digest).HasMaxLength(64);
        });
    }
}

internal sealed class CredentialsSqliteDbContext(DbContextOptions<CredentialsSqliteDbContext> options) : CredentialsDbContext(options);

internal sealed class CredentialsPostgresDbContext(DbContextOptions<CredentialsPostgresDbContext> options) : CredentialsDbContext(options);

internal sealed class CredentialsSqliteDesignFactory() : DesignTimeFactory<CredentialsSqliteDbContext>(CredentialsModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class CredentialsPostgresDesignFactory() : DesignTimeFactory<CredentialsPostgresDbContext>(CredentialsModule.ModuleName, DatabaseProvider.Postgres);

internal sealed class IssuedCredentialConfiguration : IEntityTypeConfiguration<IssuedCredential>
{
    public void Configure(EntityTypeBuilder<IssuedCredential> b)
    {
        b.ToTable("credentials_issued");
        b.HasKey(c => c.Id);
        b.Property(c => c.Type).HasMaxLength(64);
        b.Property(c => c.Agency).HasMaxLength(32);
        b.HasIndex(c => new { c.StatusList, c.StatusIndex }).IsUnique();
        b.HasIndex(c => c.ResidentId);
    }
}

/// <summary>
/// Offers live in the database rather than in self-contained signed codes: "single use" needs a record that the code
/// (and then the token) was spent, checked and set in one conditional UPDATE, which works across host instances.
/// </summary>
internal sealed class CredentialOfferConfiguration : IEntityTypeConfiguration<CredentialOffer>
{
    public void Configure(EntityTypeBuilder<CredentialOffer> b)
    {
        b.ToTable("credentials_offers");
        b.HasKey(o => o.Id);
        b.Property(o => o.ActorId).HasMaxLength(64);
        b.Property(o => o.ConfigurationId).HasMaxLength(64);
        b.Property(o => o.Subject).HasMaxLength(64);
        b.Property(o => o.CodeHash).HasMaxLength(64);
        b.Property(o => o.TxCodeHash).HasMaxLength(64);
        b.Property(o => o.AccessTokenHash).HasMaxLength(64);
        b.HasIndex(o => o.CodeHash).IsUnique();
        b.HasIndex(o => o.AccessTokenHash).IsUnique();
        b.HasIndex(o => o.ResidentId);
    }
}

internal sealed class PresentationRequestConfiguration : IEntityTypeConfiguration<PresentationRequest>
{
    public void Configure(EntityTypeBuilder<PresentationRequest> b)
    {
        b.ToTable("credentials_presentations");
        b.HasKey(p => p.Id);
        b.Property(p => p.TransactionHash).HasMaxLength(64);
        b.Property(p => p.Nonce).HasMaxLength(64);
        b.Property(p => p.State).HasMaxLength(64);
        b.Property(p => p.Type).HasMaxLength(64);
        b.Property(p => p.Claims).HasMaxLength(2000);
        b.Property(p => p.RedirectUri).HasMaxLength(2000);
        b.Property(p => p.ResponseCodeHash).HasMaxLength(64);
        b.HasIndex(p => p.ExpiresAt);
    }
}

internal sealed class WalletCredentialConfiguration : IEntityTypeConfiguration<WalletCredential>
{
    public void Configure(EntityTypeBuilder<WalletCredential> b)
    {
        b.ToTable("credentials_wallet");
        b.HasKey(c => c.Id);
        b.Property(c => c.Type).HasMaxLength(64);
        b.Property(c => c.Sealed).IsRequired();
        b.HasIndex(c => c.ResidentId);
    }
}

internal sealed class DecisionLetterConfiguration : IEntityTypeConfiguration<DecisionLetter>
{
    public void Configure(EntityTypeBuilder<DecisionLetter> b)
    {
        b.ToTable("credentials_decision_letters");
        b.HasKey(l => l.CaseId);
        b.Property(l => l.ServiceSlug).HasMaxLength(100);
        b.Property(l => l.ServiceNameKo).HasMaxLength(200);
        b.Property(l => l.ServiceNameEn).HasMaxLength(200);
        b.Property(l => l.Agency).HasMaxLength(32);
        b.Property(l => l.Decision).HasMaxLength(32);
        b.HasIndex(l => l.ApplicantAccountId);
    }
}
