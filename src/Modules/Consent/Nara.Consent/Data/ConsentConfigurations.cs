using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Consent.Domain;

namespace Nara.Consent.Data;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> b)
    {
        b.ToTable("consent_policies");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Url).HasMaxLength(500);
        b.Property(p => p.Jurisdiction).HasMaxLength(100);
        b.Property(p => p.IndustrySector).HasMaxLength(100);
        b.Property(p => p.GeographicRestriction).HasMaxLength(100);
        b.Property(p => p.StorageLocation).HasMaxLength(100);
        b.Property(p => p.Owner).HasMaxLength(40);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class DataAgreementConfiguration : IEntityTypeConfiguration<DataAgreement>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<DataAgreement> b)
    {
        b.ToTable("consent_data_agreements");
        b.HasKey(a => a.Id);
        b.Property(a => a.ControllerId).HasMaxLength(40);
        b.Property(a => a.ControllerName).HasMaxLength(200);
        b.Property(a => a.ControllerUrl).HasMaxLength(500);
        b.Property(a => a.Purpose).HasMaxLength(1000);
        b.Property(a => a.PurposeKo).HasMaxLength(1000);
        b.Property(a => a.PurposeCode).HasMaxLength(100);
        b.Property(a => a.LawfulBasis).HasMaxLength(40);
        b.Property(a => a.DataUse).HasMaxLength(40);
        b.Property(a => a.Dpia).HasMaxLength(500);
        b.Property(a => a.Lifecycle).HasMaxLength(20);
        b.Property(a => a.Delivery).HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Recipients).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
            new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        b.Property(a => a.Attributes).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<DataAttribute>>(v, Json) ?? new List<DataAttribute>(),
            new ValueComparer<List<DataAttribute>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        b.HasIndex(a => a.ControllerId);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.ToTable("consent_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.IndividualId).HasMaxLength(40);
        b.Property(r => r.DataAgreementRevisionHash).HasMaxLength(64);
        b.Property(r => r.HeadHash).HasMaxLength(64);
        b.Property(r => r.State).HasMaxLength(20);
        b.Property(r => r.RevisionCount).IsConcurrencyToken();
        // One unambiguous record per individual and agreement (Consent BB), also under concurrent requests.
        b.HasIndex(r => new { r.IndividualId, r.DataAgreementId }).IsUnique();
        b.HasIndex(r => r.DataAgreementId);
    }
}

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> b)
    {
        b.ToTable("consent_revisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.SchemaName).HasMaxLength(20);
        b.Property(r => r.SerializedHash).HasMaxLength(64);
        b.Property(r => r.PredecessorHash).HasMaxLength(64);
        b.Property(r => r.AuthorizedByIndividual).HasMaxLength(40);
        b.Property(r => r.AuthorizedByOther).HasMaxLength(200);
        // One revision per place in an object's chain: two writers cannot both append revision n.
        b.HasIndex(r => new { r.ObjectId, r.Sequence }).IsUnique();
    }
}

internal sealed class SignatureConfiguration : IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Signature> b)
    {
        b.ToTable("consent_signatures");
        b.HasKey(s => s.Id);
        b.Property(s => s.KeyId).HasMaxLength(64);
        b.Property(s => s.SignedAs).HasMaxLength(200);
        b.HasIndex(s => s.ConsentRecordId);
    }
}

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Webhook> b)
    {
        b.ToTable("consent_webhooks");
        b.HasKey(w => w.Id);
        b.Property(w => w.OrganisationId).HasMaxLength(40);
        b.Property(w => w.PayloadUrl).HasMaxLength(500);
        b.Property(w => w.ContentType).HasMaxLength(60);
        b.Property(w => w.SecretKey).HasMaxLength(100);
        b.Property(w => w.PreviousSecretKey).HasMaxLength(100);
        b.Property(w => w.SubscribedEvents).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
            new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        b.HasIndex(w => w.OrganisationId);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("consent_webhook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.EventType).HasMaxLength(60);
        b.Property(d => d.Status).HasMaxLength(20);
        // At-least-once events: the same event is queued for a webhook once.
        b.HasIndex(d => new { d.WebhookId, d.EventId }).IsUnique();
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId);
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("consent_webhook_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Error).HasMaxLength(500);
    }
}

internal sealed class MyDataTransferConfiguration : IEntityTypeConfiguration<MyDataTransfer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MyDataTransfer> b)
    {
        b.ToTable("consent_mydata_transfers");
        b.HasKey(t => t.Id);
        b.Property(t => t.IndividualId).HasMaxLength(40);
        b.Property(t => t.RecipientClientId).HasMaxLength(200);
        b.Property(t => t.RecipientName).HasMaxLength(200);
        b.Property(t => t.RecipientAgency).HasMaxLength(40);
        b.Property(t => t.Schedule).HasMaxLength(20);
        b.Property(t => t.State).HasMaxLength(20);
        b.Property(t => t.Datasets).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
            new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        b.HasIndex(t => t.IndividualId);
        b.HasIndex(t => new { t.State, t.NextRunAt });
        b.HasIndex(t => t.RecipientClientId);
    }
}

internal sealed class MyDataPackageConfiguration : IEntityTypeConfiguration<MyDataPackage>
{
    public void Configure(EntityTypeBuilder<MyDataPackage> b)
    {
        b.ToTable("consent_mydata_packages");
        b.HasKey(p => p.Id);
        // One package per period of a transfer, also if two schedulers run at once.
        b.HasIndex(p => new { p.TransferId, p.Sequence }).IsUnique();
    }
}
