using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Data.Configurations;

internal sealed class ApplicationEntityTypeConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("services_applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.ServiceSlug).HasMaxLength(100);
        b.Property(x => x.AnswersJson).HasMaxLength(200_000);
        b.Property(x => x.PrefilledJson).HasMaxLength(20_000);
        b.Property(x => x.PrefillExchangesJson).HasMaxLength(20_000);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Property(x => x.Channel).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        // A refresh or a double click repeats the key: the second attempt finds the first application.
        b.HasIndex(x => new { x.ApplicantAccountId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.ApplicantAccountId, x.UpdatedAt });
        b.HasMany(x => x.Cases).WithOne(c => c.Application).HasForeignKey(c => c.ApplicationId);
    }
}

internal sealed class CaseEntityTypeConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("services_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.ServiceSlug).HasMaxLength(100);
        b.Property(x => x.Agency).HasMaxLength(40);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.AssignedName).HasMaxLength(100);
        b.Property(x => x.DraftDecision).HasMaxLength(20);
        b.Property(x => x.DraftReason).HasMaxLength(2_000);
        b.Property(x => x.DrafterName).HasMaxLength(100);
        b.Property(x => x.ReviewerName).HasMaxLength(100);
        b.Property(x => x.ApproverName).HasMaxLength(100);
        b.Property(x => x.Decision).HasMaxLength(20);
        b.Property(x => x.DecisionReason).HasMaxLength(2_000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.Stage);
        // The agency queue: open cases by deadline; statistics per service.
        b.HasIndex(x => new { x.Agency, x.Status, x.DueOn });
        b.HasIndex(x => new { x.ServiceSlug, x.Status });
        b.HasIndex(x => x.ApplicantAccountId);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.CaseId);
        b.HasMany(x => x.InformationRequests).WithOne().HasForeignKey(r => r.CaseId);
    }
}

internal sealed class CaseEventEntityTypeConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("services_case_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActorKind).HasMaxLength(20);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(30);
        b.Property(x => x.Comment).HasMaxLength(2_000);
        b.HasIndex(x => new { x.CaseId, x.Id });
    }
}

internal sealed class InformationRequestEntityTypeConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.ToTable("services_information_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Question).HasMaxLength(2_000);
        b.Property(x => x.Answer).HasMaxLength(4_000);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class StoredDocumentEntityTypeConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> b)
    {
        b.ToTable("services_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.ApplicationId);
    }
}
