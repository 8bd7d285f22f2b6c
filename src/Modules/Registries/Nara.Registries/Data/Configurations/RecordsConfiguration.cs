using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Configurations;

internal sealed class IncomeConfiguration : IEntityTypeConfiguration<IncomeAssessment>
{
    public void Configure(EntityTypeBuilder<IncomeAssessment> b)
    {
        b.ToTable("registries_incomes");
        b.HasKey(x => x.HouseholdId);
        b.HasOne<Household>().WithOne().HasForeignKey<IncomeAssessment>(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HealthInsuranceConfiguration : IEntityTypeConfiguration<HealthInsurance>
{
    public void Configure(EntityTypeBuilder<HealthInsurance> b)
    {
        b.ToTable("registries_health_insurance");
        b.HasKey(x => x.ResidentId);
        b.HasOne<Resident>().WithOne().HasForeignKey<HealthInsurance>(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisabilityConfiguration : IEntityTypeConfiguration<Disability>
{
    public void Configure(EntityTypeBuilder<Disability> b)
    {
        b.ToTable("registries_disabilities");
        b.HasKey(x => x.ResidentId);
        b.HasOne<Resident>().WithOne().HasForeignKey<Disability>(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobseekerConfiguration : IEntityTypeConfiguration<JobseekerRegistration>
{
    public void Configure(EntityTypeBuilder<JobseekerRegistration> b)
    {
        b.ToTable("registries_jobseekers");
        b.HasKey(x => x.ResidentId);
        b.HasOne<Resident>().WithOne().HasForeignKey<JobseekerRegistration>(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TenancyConfiguration : IEntityTypeConfiguration<Tenancy>
{
    public void Configure(EntityTypeBuilder<Tenancy> b)
    {
        b.ToTable("registries_tenancies");
        b.HasKey(x => x.HouseholdId);
        b.HasOne<Household>().WithOne().HasForeignKey<Tenancy>(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DaycareConfiguration : IEntityTypeConfiguration<DaycareEnrolment>
{
    public void Configure(EntityTypeBuilder<DaycareEnrolment> b)
    {
        b.ToTable("registries_daycare_enrolments");
        b.HasKey(x => x.ResidentId);
        b.Property(x => x.FacilityName).HasMaxLength(100);
        b.HasOne<Resident>().WithOne().HasForeignKey<DaycareEnrolment>(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> b)
    {
        b.ToTable("registries_vehicles");
        b.HasKey(x => x.Id);
        b.Property(x => x.PlateNumber).HasMaxLength(20);
        b.HasIndex(x => x.PlateNumber).IsUnique();
        b.Property(x => x.Model).HasMaxLength(60);
        b.HasIndex(x => x.OwnerResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.OwnerResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DriverLicenceConfiguration : IEntityTypeConfiguration<DriverLicence>
{
    public void Configure(EntityTypeBuilder<DriverLicence> b)
    {
        b.ToTable("registries_driver_licences");
        b.HasKey(x => x.ResidentId);
        b.Property(x => x.LicenceNumber).HasMaxLength(20);
        b.HasIndex(x => x.LicenceNumber).IsUnique();
        b.Property(x => x.Class).HasMaxLength(20);
        b.HasOne<Resident>().WithOne().HasForeignKey<DriverLicence>(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PassportConfiguration : IEntityTypeConfiguration<Passport>
{
    public void Configure(EntityTypeBuilder<Passport> b)
    {
        b.ToTable("registries_passports");
        b.HasKey(x => x.ResidentId);
        b.Property(x => x.PassportNumber).HasMaxLength(12);
        b.HasIndex(x => x.PassportNumber).IsUnique();
        b.HasOne<Resident>().WithOne().HasForeignKey<Passport>(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> b)
    {
        b.ToTable("registries_businesses");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegistrationNumber).HasMaxLength(12);
        b.HasIndex(x => x.RegistrationNumber).IsUnique();
        b.Property(x => x.NameKo).HasMaxLength(100);
        b.Property(x => x.Industry).HasMaxLength(60);
        b.HasIndex(x => x.OwnerResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.OwnerResidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Address>().WithMany().HasForeignKey(x => x.AddressId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SchoolGraduationConfiguration : IEntityTypeConfiguration<SchoolGraduation>
{
    public void Configure(EntityTypeBuilder<SchoolGraduation> b)
    {
        b.ToTable("registries_school_graduations");
        b.HasKey(x => x.Id);
        b.Property(x => x.SchoolNameKo).HasMaxLength(100);
        b.Property(x => x.SchoolNameEn).HasMaxLength(150);
        b.HasIndex(x => x.ResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
