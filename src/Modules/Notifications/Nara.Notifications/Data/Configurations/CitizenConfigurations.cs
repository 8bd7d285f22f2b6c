using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Data.Configurations;

internal sealed class InboxItemEntityTypeConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("notifications_inbox_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Language).HasMaxLength(5);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(20_000);
        // One item per message: a repeated delivery of the same message finds it.
        b.HasIndex(x => x.MessageId).IsUnique();
        // The inbox list and the header's unread count.
        b.HasIndex(x => new { x.AccountId, x.ArchivedAt, x.CreatedAt });
    }
}

internal sealed class NotificationPreferenceEntityTypeConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("notifications_preferences");
        b.HasKey(x => x.AccountId);
        b.Property(x => x.ChannelsJson).HasMaxLength(2_000);
        b.Property(x => x.Language).HasMaxLength(5);
        b.Ignore(x => x.Channels);
    }
}

internal sealed class PushDeviceEntityTypeConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> b)
    {
        b.ToTable("notifications_push_subscriptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Endpoint).HasMaxLength(2_000);
        b.Property(x => x.P256dh).HasMaxLength(200);
        b.Property(x => x.Auth).HasMaxLength(100);
        b.Property(x => x.Label).HasMaxLength(100);
        b.HasIndex(x => x.Endpoint).IsUnique();
        b.HasIndex(x => x.AccountId);
    }
}
