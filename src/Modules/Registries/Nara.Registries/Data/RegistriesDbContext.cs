using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Data;

internal class RegistriesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Prefix = "registries";

    public override string TablePrefix => Prefix;

    public DbSet<AdminDivision> Divisions => Set<AdminDivision>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<FamilyRelation> FamilyRelations => Set<FamilyRelation>();

    public DbSet<IncomeAssessment> Incomes => Set<IncomeAssessment>();

    public DbSet<HealthInsurance> HealthInsurance => Set<HealthInsurance>();

    public DbSet<Disability> Disabilities => Set<Disability>();

    public DbSet<JobseekerRegistration> Jobseekers => Set<JobseekerRegistration>();

    public DbSet<Tenancy> Tenancies => Set<Tenancy>();

    public DbSet<DaycareEnrolment> DaycareEnrolments => Set<DaycareEnrolment>();

    public DbSet<Vehicle> Vehicles => Set<Vehicle>();

    public DbSet<DriverLicence> DriverLicences => Set<DriverLicence>();

    public DbSet<Passport> Passports => Set<Passport>();

    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<SchoolGraduation> Graduations => Set<SchoolGraduation>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ResidentContact> Contacts => Set<ResidentContact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistriesDbContext).Assembly, t => t.Namespace == typeof(RegistriesDbContext).Namespace + ".Configurations");
    }
}

/// <summary>Carries the SQLite migration set.</summary>
internal sealed class RegistriesSqliteDbContext(DbContextOptions<RegistriesSqliteDbContext> options) : RegistriesDbContext(options);

/// <summary>Carries the PostgreSQL migration set.</summary>
internal sealed class RegistriesPostgresDbContext(DbContextOptions<RegistriesPostgresDbContext> options) : RegistriesDbContext(options);
