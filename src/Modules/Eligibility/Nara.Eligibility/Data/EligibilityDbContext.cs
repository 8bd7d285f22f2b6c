using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Domain;
using Nara.Kernel.Data;

namespace Nara.Eligibility.Data;

/// <summary>Matching runs, residents' last results, opportunities, consent to proactive matching, queued households, grants of benefits with a maximum.</summary>
internal class EligibilityDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "eligibility";

    public DbSet<MatchingRun> Runs => Set<MatchingRun>();

    public DbSet<StoredResults> Results => Set<StoredResults>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<MatchingConsent> Consents => Set<MatchingConsent>();

    public DbSet<PendingHousehold> Pending => Set<PendingHousehold>();

    public DbSet<BenefitGrant> Grants => Set<BenefitGrant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MatchingRun>(b =>
        {
            b.ToTable("eligibility_runs");
            b.HasKey(x => x.Id);
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Trigger).HasMaxLength(20);
            b.Property(x => x.Month).HasMaxLength(7);
            b.HasIndex(x => x.StartedAt);
        });
        modelBuilder.Entity<StoredResults>(b =>
        {
            b.ToTable("eligibility_results");
            b.HasKey(x => x.ResidentId);
            b.Property(x => x.ResidentId).ValueGeneratedNever();
            b.Property(x => x.Month).HasMaxLength(7);
            b.Property(x => x.Results).HasMaxLength(16);
            b.HasIndex(x => x.HouseholdId);
        });
        modelBuilder.Entity<Opportunity>(b =>
        {
            b.ToTable("eligibility_opportunities");
            b.HasKey(x => x.Id);
            b.Property(x => x.Subject).HasMaxLength(60);
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Period).HasMaxLength(10);
            // An interrupted or repeated run can never tell anyone the same thing twice.
            b.HasIndex(x => new { x.ResidentId, x.Subject, x.Kind, x.Period }).IsUnique();
            b.HasIndex(x => x.RunId);
        });
        modelBuilder.Entity<MatchingConsent>(b =>
        {
            b.ToTable("eligibility_matching_consents");
            b.HasKey(x => x.ResidentId);
            b.Property(x => x.ResidentId).ValueGeneratedNever();
        });
        modelBuilder.Entity<PendingHousehold>(b =>
        {
            b.ToTable("eligibility_pending_households");
            b.HasKey(x => x.HouseholdId);
            b.Property(x => x.HouseholdId).ValueGeneratedNever();
        });
        modelBuilder.Entity<BenefitGrant>(b =>
        {
            b.ToTable("eligibility_benefit_grants");
            b.HasKey(x => new { x.ResidentId, x.Benefit });
            b.Property(x => x.Benefit).HasMaxLength(60);
        });
    }
}

internal sealed class EligibilitySqliteDbContext(DbContextOptions<EligibilitySqliteDbContext> options) : EligibilityDbContext(options);

internal sealed class EligibilityPostgresDbContext(DbContextOptions<EligibilityPostgresDbContext> options) : EligibilityDbContext(options);
