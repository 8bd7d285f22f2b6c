using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Configurations;

internal sealed class ResidentContactConfiguration : IEntityTypeConfiguration<ResidentContact>
{
    public void Configure(EntityTypeBuilder<ResidentContact> b)
    {
        b.ToTable("registries_resident_contacts");
        b.HasKey(x => x.ResidentId);
        b.Property(x => x.ResidentId).ValueGeneratedNever();
        b.Property(x => x.MobilePhone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(320);
        // No foreign key: the seed replaces residents with bulk loads that would have to order around it.
    }
}
