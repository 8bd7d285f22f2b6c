using Microsoft.EntityFrameworkCore;
using Nara.Exchange.Domain;
using Nara.Kernel.Data;

namespace Nara.Exchange.Data;

/// <summary>Members, subsystems, services, access rights, the access log and residents' access alerts.</summary>
internal class ExchangeDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "exchange";

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Subsystem> Subsystems => Set<Subsystem>();

    public DbSet<ExchangeService> Services => Set<ExchangeService>();

    public DbSet<AccessRight> AccessRights => Set<AccessRight>();

    public DbSet<ExchangeRecord> Records => Set<ExchangeRecord>();

    public DbSet<AccessAlert> AccessAlerts => Set<AccessAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Member>(b =>
        {
            b.ToTable("exchange_members");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(100);
            b.Property(x => x.Instance).HasMaxLength(20);
            b.Property(x => x.MemberClass).HasMaxLength(20);
            b.Property(x => x.Code).HasMaxLength(50);
            b.Property(x => x.NameKo).HasMaxLength(200);
            b.Property(x => x.NameEn).HasMaxLength(200);
            b.Property(x => x.AgencyCode).HasMaxLength(20);
            b.HasMany(x => x.Subsystems).WithOne().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Subsystem>(b =>
        {
            b.ToTable("exchange_subsystems");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(150);
            b.Property(x => x.MemberId).HasMaxLength(100);
            b.Property(x => x.Code).HasMaxLength(50);
            b.Property(x => x.NameKo).HasMaxLength(200);
            b.Property(x => x.NameEn).HasMaxLength(200);
        });
        modelBuilder.Entity<ExchangeService>(b =>
        {
            b.ToTable("exchange_services");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(200);
            b.Property(x => x.SubsystemId).HasMaxLength(150);
            b.Property(x => x.Code).HasMaxLength(50);
            b.Property(x => x.NameKo).HasMaxLength(200);
            b.Property(x => x.NameEn).HasMaxLength(200);
            b.Property(x => x.Provider).HasMaxLength(50);
            b.Property(x => x.ProviderUrl).HasMaxLength(500);
            b.Property(x => x.Attributes).HasMaxLength(1000);
            b.Property(x => x.Purposes).HasMaxLength(1000);
            b.Ignore(x => x.AttributeList);
            b.Ignore(x => x.PurposeList);
            b.HasOne<Subsystem>().WithMany().HasForeignKey(x => x.SubsystemId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AccessRight>(b =>
        {
            b.ToTable("exchange_access_rights");
            b.HasKey(x => x.Id);
            b.Property(x => x.ServiceId).HasMaxLength(200);
            b.Property(x => x.ClientId).HasMaxLength(150);
            b.Property(x => x.GrantedBy).HasMaxLength(200);
            b.HasIndex(x => new { x.ServiceId, x.ClientId }).IsUnique();
            b.HasOne<ExchangeService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ExchangeRecord>(b =>
        {
            b.ToTable("exchange_records");
            b.HasKey(x => x.Id);
            b.Property(x => x.MessageId).HasMaxLength(100);
            b.Property(x => x.Client).HasMaxLength(150);
            b.Property(x => x.ClientAgency).HasMaxLength(20);
            b.Property(x => x.Service).HasMaxLength(300);
            b.Property(x => x.UserId).HasMaxLength(200);
            b.Property(x => x.UserRole).HasMaxLength(100);
            b.Property(x => x.Issue).HasMaxLength(200);
            b.Property(x => x.Purpose).HasMaxLength(100);
            b.Property(x => x.Attributes).HasMaxLength(1000);
            b.Property(x => x.Outcome).HasMaxLength(20);
            b.Property(x => x.Refusal).HasMaxLength(60);
            b.Property(x => x.RequestHash).HasMaxLength(60);
            b.HasIndex(x => new { x.SubjectResidentId, x.Time });
            b.HasIndex(x => new { x.Client, x.Time });
        });
        modelBuilder.Entity<AccessAlert>(b =>
        {
            b.ToTable("exchange_access_alerts");
            b.HasKey(x => x.ResidentId);
            b.Property(x => x.ResidentId).ValueGeneratedNever();
        });
    }
}

internal sealed class ExchangeSqliteDbContext(DbContextOptions<ExchangeSqliteDbContext> options) : ExchangeDbContext(options);

internal sealed class ExchangePostgresDbContext(DbContextOptions<ExchangePostgresDbContext> options) : ExchangeDbContext(options);
