using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Configurations;

internal sealed class AdminDivisionConfiguration : IEntityTypeConfiguration<AdminDivision>
{
    public void Configure(EntityTypeBuilder<AdminDivision> b)
    {
        b.ToTable("registries_divisions");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(10);
        b.Property(x => x.ParentCode).HasMaxLength(10);
        b.Property(x => x.NameKo).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(80);
        b.HasIndex(x => x.ParentCode);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.ToTable("registries_addresses");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(10);
        b.Property(x => x.RoadAddressKo).HasMaxLength(200);
        b.Property(x => x.RoadAddressEn).HasMaxLength(250);
        b.Property(x => x.PostalCode).HasMaxLength(5);
        b.HasIndex(x => x.DivisionCode);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("registries_agencies");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.NameKo).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(150);
        b.Property(x => x.DivisionCode).HasMaxLength(10);
    }
}
