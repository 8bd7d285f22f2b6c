using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Data;

internal class NotificationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "notifications";

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<SendRequest> Requests => Set<SendRequest>();

    public DbSet<NotificationTemplate> Templates => Set<NotificationTemplate>();

    public DbSet<ClientSettings> Clients => Set<ClientSettings>();

    public DbSet<DailyUsage> DailyUsage => Set<DailyUsage>();

    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();

    public DbSet<PushDevice> PushDevices => Set<PushDevice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The citizen side (inbox, preferences, push devices) keeps its mapping beside it.
        modelBuilder.ApplyConfiguration(new Configurations.InboxItemEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.NotificationPreferenceEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.PushDeviceEntityTypeConfiguration());
        modelBuilder.Entity<Message>(b =>
        {
            b.ToTable("notifications_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.ClientId).HasMaxLength(200);
            b.Property(x => x.Reference).HasMaxLength(200);
            b.Property(x => x.Channel).HasMaxLength(20);
            b.Property(x => x.TemplateId).HasMaxLength(200);
            b.Property(x => x.Language).HasMaxLength(5);
            b.Property(x => x.Kind).HasMaxLength(40);
            b.Property(x => x.To).HasMaxLength(320);
            b.Property(x => x.Subject).HasMaxLength(500);
            b.Property(x => x.Body).HasMaxLength(20_000);
            b.Property(x => x.Status).HasMaxLength(30);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.LeaseOwner).HasMaxLength(64);
            // The dispatcher's claim: due, unfinished messages in time order.
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
            b.HasIndex(x => x.RequestId);
            b.HasIndex(x => x.LeaseOwner);
            b.HasIndex(x => new { x.AccountId, x.Channel, x.CreatedAt });
        });
        modelBuilder.Entity<SendRequest>(b =>
        {
            b.ToTable("notifications_requests");
            b.HasKey(x => x.Id);
            b.Property(x => x.ClientId).HasMaxLength(200);
            b.Property(x => x.IdempotencyKey).HasMaxLength(200);
            b.HasIndex(x => new { x.ClientId, x.IdempotencyKey }).IsUnique();
        });
        modelBuilder.Entity<NotificationTemplate>(b =>
        {
            b.ToTable("notifications_templates");
            b.HasKey(x => new { x.Id, x.Version });
            b.Property(x => x.Id).HasMaxLength(200);
            b.Property(x => x.AgencyCode).HasMaxLength(50);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Kind).HasMaxLength(40);
            b.Property(x => x.SubjectKo).HasMaxLength(500);
            b.Property(x => x.SubjectEn).HasMaxLength(500);
            b.Property(x => x.BodyKo).HasMaxLength(10_000);
            b.Property(x => x.BodyEn).HasMaxLength(10_000);
            b.Property(x => x.SmsBodyKo).HasMaxLength(2_000);
            b.Property(x => x.SmsBodyEn).HasMaxLength(2_000);
            b.Property(x => x.CreatedBy).HasMaxLength(200);
            b.HasIndex(x => x.AgencyCode);
        });
        modelBuilder.Entity<ClientSettings>(b =>
        {
            b.ToTable("notifications_clients");
            b.HasKey(x => x.ClientId);
            b.Property(x => x.ClientId).HasMaxLength(200);
            b.Property(x => x.CallbackUrl).HasMaxLength(2000);
        });
        modelBuilder.Entity<DailyUsage>(b =>
        {
            b.ToTable("notifications_daily_usage");
            b.HasKey(x => new { x.ClientId, x.Day });
            b.Property(x => x.ClientId).HasMaxLength(200);
        });
    }
}

internal sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsPostgresDbContext(DbContextOptions<NotificationsPostgresDbContext> options) : NotificationsDbContext(options);
