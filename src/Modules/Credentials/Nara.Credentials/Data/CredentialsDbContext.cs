using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Credentials.Domain;
using Nara.Kernel.Data;

namespace Nara.Credentials.Data;

/// <summary>Issued credentials' status entries (the status lists are computed from them) and the module's outbox.</summary>
internal class CredentialsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "credentials";

    public DbSet<IssuedCredential> Issued => Set<IssuedCredential>();

    public DbSet<DecisionLetter> DecisionLetters => Set<DecisionLetter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new IssuedCredentialConfiguration());
        modelBuilder.ApplyConfiguration(new DecisionLetterConfiguration());
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
