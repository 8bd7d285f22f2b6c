using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Credentials.Domain;
using Nara.Kernel.Data;

namespace Nara.Credentials.Data;

/// <summary>Issued credentials' status entries (the status lists are computed from them), citizens' web wallets and the module's outbox.</summary>
internal class CredentialsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "credentials";

    public DbSet<IssuedCredential> Issued => Set<IssuedCredential>();

    /// <summary>Citizens' web wallets (the holder's side, sealed); kept apart from the issuer's claim-free records.</summary>
    public DbSet<WalletCredential> Wallet => Set<WalletCredential>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new IssuedCredentialConfiguration());
        modelBuilder.ApplyConfiguration(new WalletCredentialConfiguration());
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
        b.HasIndex(c => new { c.StatusList, c.StatusIndex }).IsUnique();
        b.HasIndex(c => c.ResidentId);
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
