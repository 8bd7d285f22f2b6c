using Microsoft.EntityFrameworkCore;
using Nara.Consent.Domain;
using Nara.Kernel.Data;

namespace Nara.Consent.Data;

/// <summary>Policies, data agreements, consent records, their revision chains and signatures.</summary>
internal class ConsentDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "consent";

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<DataAgreement> DataAgreements => Set<DataAgreement>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<Signature> Signatures => Set<Signature>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<MyDataTransfer> MyDataTransfers => Set<MyDataTransfer>();

    public DbSet<MyDataPackage> MyDataPackages => Set<MyDataPackage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsentDbContext).Assembly);
    }
}

internal sealed class ConsentSqliteDbContext(DbContextOptions<ConsentSqliteDbContext> options) : ConsentDbContext(options);

internal sealed class ConsentPostgresDbContext(DbContextOptions<ConsentPostgresDbContext> options) : ConsentDbContext(options);
