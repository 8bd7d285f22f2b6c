using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>Issuances at the same time share commits (group commit): each is still recorded, audited once, with its own status entry.</summary>
public sealed class ConcurrentIssuanceTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _holder.Dispose();

    [Fact]
    public async Task Sixty_four_issuances_at_once_each_have_a_record_an_outbox_event_and_a_status_index_of_their_own()
    {
        var resident = await factory.ResidentIdOfAsync(DemoPersonas.YoungJobseeker);
        var jwk = Es256.PublicJwk(_holder);

        var issued = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
                .ExecuteAsync(resident, jwk, "http://localhost", TimeSpan.FromDays(365), new CredentialActor("citizen", "test"), CancellationToken.None))!.Value;
        })));

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var ids = issued.Select(i => i.Id).ToList();
        var records = await db.Issued.Where(c => ids.Contains(c.Id)).ToListAsync();
        Assert.Equal(64, records.Count);
        Assert.Equal(64, records.Select(r => (r.StatusList, r.StatusIndex)).Distinct().Count());
        var events = (await db.OutboxMessages.Where(m => m.Type == typeof(CredentialIssued).FullName).Select(m => m.Payload).ToListAsync())
            .Select(p => System.Text.Json.JsonSerializer.Deserialize<CredentialIssued>(p, Nara.Kernel.Events.EventJson.Options)!).ToList();
        Assert.All(records, r => Assert.Single(events, e => e.CredentialId == r.Id && e.StatusIndex == r.StatusIndex));

        // What each credential says matches its record.
        foreach (var (id, credential) in issued)
        {
            var idx = Es256.Number((System.Text.Json.Nodes.JsonObject)Es256.Parse(credential.IssuerJwt)!.Payload["status"]!["status_list"]!, "idx");
            Assert.Equal(records.Single(r => r.Id == id).StatusIndex, idx);
        }
    }
}
