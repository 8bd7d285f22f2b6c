using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;

namespace Nara.Audit.Tests;

public sealed class AppendTests(AuditFactory factory) : IClassFixture<AuditFactory>
{
    [Fact]
    public async Task Appended_entries_get_dense_indexes_in_one_log()
    {
        var receipts = await factory.AppendManyAsync(50);
        var indexes = receipts.Select(r => r.Index).Order().ToList();
        Assert.Equal(Enumerable.Range((int)indexes[0], 50).Select(i => (long)i), indexes);
    }

    [Fact]
    public async Task An_entry_without_actor_action_subject_outcome_or_module_is_refused()
    {
        var entry = new AuditEntry(default, null!, "", null!, null, "", null, "");
        var refused = await Assert.ThrowsAsync<AuditEntryRejectedException>(() => factory.Log.AppendAsync(entry, CancellationToken.None));
        foreach (var field in new[] { "time", "actor", "action", "subject", "outcome", "module" })
        {
            Assert.Contains(field, refused.Errors.Keys);
        }
    }

    [Fact]
    public async Task An_official_without_agency_and_role_is_refused()
    {
        var entry = AuditFactory.Entry(1) with { Actor = new AuditActor(AuditActorKind.Official, "someone") };
        var refused = await Assert.ThrowsAsync<AuditEntryRejectedException>(() => factory.Log.AppendAsync(entry, CancellationToken.None));
        Assert.Contains("actor.agency", refused.Errors.Keys);
        Assert.Contains("actor.role", refused.Errors.Keys);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("api_key")]
    [InlineData("residentNumber")]
    [InlineData("access-token")]
    public async Task Details_that_look_like_secrets_or_personal_identifiers_are_refused(string key)
    {
        var entry = AuditFactory.Entry(1) with { Detail = new Dictionary<string, string> { [key] = "x" } };
        var refused = await Assert.ThrowsAsync<AuditEntryRejectedException>(() => factory.Log.AppendAsync(entry, CancellationToken.None));
        Assert.Contains("detail", refused.Errors.Keys);
    }

    [Fact]
    public async Task A_detail_the_size_of_a_record_is_refused()
    {
        var detail = Enumerable.Range(0, 12).ToDictionary(i => $"field{i}", _ => new string('가', 250));
        var entry = AuditFactory.Entry(1) with { Detail = detail };
        await Assert.ThrowsAsync<AuditEntryRejectedException>(() => factory.Log.AppendAsync(entry, CancellationToken.None));
    }

    [Fact]
    public async Task A_registry_change_is_audited_once_even_when_the_event_is_delivered_twice()
    {
        var change = new RegistryRecordChanged("residents", "R-77", "update", "client-9", "1100000", "77", "corr-77");
        var envelope = new IntegrationEventEnvelope<RegistryRecordChanged>(Guid.NewGuid(), factory.Clock.GetUtcNow(), change);
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            // Other modules (Eligibility) handle the event too: deliver it to Audit's handler.
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<RegistryRecordChanged>>().OfType<Features.RecordRegistryChange>().Single();
            await handler.HandleAsync(envelope, CancellationToken.None);
        }

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        var entries = db.Entries.Where(e => e.MessageId == envelope.MessageId.ToString("D")).ToList();
        var entry = Assert.Single(entries);
        Assert.Equal("registry.residents.update", entry.Action);
        Assert.Equal("agency-client", entry.ActorKind);
    }
}
