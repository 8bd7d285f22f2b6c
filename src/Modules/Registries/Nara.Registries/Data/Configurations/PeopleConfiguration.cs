using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("registries_residents");
        b.HasKey(x => x.Id);
        b.Property(x => x.ResidentNumber).HasMaxLength(14);
        b.HasIndex(x => x.ResidentNumber).IsUnique();
        b.Property(x => x.NameKo).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.Property(x => x.Nationality).HasMaxLength(3);
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => x.AddressId);
        b.HasIndex(x => x.BirthDate);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Address>().WithMany().HasForeignKey(x => x.AddressId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("registries_households");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.AddressId);
        b.HasOne<Address>().WithMany().HasForeignKey(x => x.AddressId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyRelationConfiguration : IEntityTypeConfiguration<FamilyRelation>
{
    public void Configure(EntityTypeBuilder<FamilyRelation> b)
    {
        b.ToTable("registries_family_relations");
        b.HasKey(x => new { x.ResidentId, x.Kind, x.RelatedResidentId });
        b.HasIndex(x => x.RelatedResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.RelatedResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
