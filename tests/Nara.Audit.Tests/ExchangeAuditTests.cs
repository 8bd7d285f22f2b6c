using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Exchange.Contracts;
using Nara.Kernel.Events;
using Nara.Testing;

namespace Nara.Audit.Tests;

/// <summary>Every request through the information mediator reaches the log with who asked, in what role, and why.</summary>
public sealed class ExchangeAuditTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task An_exchange_is_logged_against_the_subject_with_the_officials_id_role_case_and_purpose()
    {
        var exchange = new DataExchanged(
            Guid.NewGuid(), "msg-1", "KR/GOV/NHIS/benefits", "NHIS", "KR/GOV/MOIS/registries/resident-registration", "nhis-officer-3",
            "NHIS-2026-0777", "case-processing", null, 987_654_321, ["name", "birthdate"], ExchangeOutcomes.Success, null, 200, "hash",
            factory.Clock.GetUtcNow(), "자격심사 담당 주무관");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IIntegrationEventHandler<DataExchanged>>().HandleAsync(
                new IntegrationEventEnvelope<DataExchanged>(exchange.ExchangeId, exchange.OccurredAt, exchange), CancellationToken.None);
        }

        await using var read = factory.Services.CreateAsyncScope();
        var entry = await read.ServiceProvider.GetRequiredService<Data.AuditDbContext>().Entries.AsNoTracking()
            .SingleAsync(e => e.SubjectType == "resident" && e.SubjectId == "987654321" && e.Action == "exchange.request");
        Assert.Equal("agency-client", entry.ActorKind);
        Assert.Equal("case-processing", entry.Purpose);
        Assert.Contains("\"userRole\":\"자격심사 담당 주무관\"", System.Text.RegularExpressions.Regex.Unescape(entry.Detail!), StringComparison.Ordinal);
        Assert.Contains("\"userId\":\"nhis-officer-3\"", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("\"issue\":\"NHIS-2026-0777\"", entry.Detail, StringComparison.Ordinal);
    }
}
