using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Events;
using Nara.Services.Contracts;
using Nara.Testing;

namespace Nara.Audit.Tests;

public sealed class ServicesAuditTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_decision_taken_by_an_agency_system_is_logged_with_that_systems_client_id()
    {
        var caseId = Guid.NewGuid();
        await HandleAsync(Decided(caseId, Guid.Empty, "KR/GOV/MOHW/cases-1"));

        var entry = Assert.Single(await EntriesAsync(caseId));
        Assert.Equal("agency-client", entry.ActorKind);
        Assert.Equal("KR/GOV/MOHW/cases-1", entry.ActorId);
        Assert.Equal("MOHW", entry.ActorAgency);
    }

    [Fact]
    public async Task A_decision_signed_by_an_official_is_logged_with_the_approvers_account()
    {
        var caseId = Guid.NewGuid();
        var approver = Guid.NewGuid();
        await HandleAsync(Decided(caseId, approver, null));

        var entry = Assert.Single(await EntriesAsync(caseId));
        Assert.Equal("official", entry.ActorKind);
        Assert.Equal(approver.ToString("D"), entry.ActorId);
    }

    private static ApplicationDecided Decided(Guid caseId, Guid decidedBy, string? client) => new(
        Guid.NewGuid(), caseId, "parental-benefit", "MOHW", Guid.NewGuid(), 1, "approved", decidedBy, null, DateTimeOffset.UnixEpoch, client);

    private async Task HandleAsync(ApplicationDecided decided)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<ApplicationDecided>>().Single(h => h is Features.RecordApplication);
        await handler.HandleAsync(new IntegrationEventEnvelope<ApplicationDecided>(Guid.NewGuid(), DateTimeOffset.UnixEpoch, decided), CancellationToken.None);
    }

    private async Task<List<Domain.AuditRecord>> EntriesAsync(Guid caseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        var id = caseId.ToString("D");
        return await db.Entries.AsNoTracking().Where(e => e.SubjectType == "case" && e.SubjectId == id).ToListAsync();
    }
}
