using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Exchange.Tests;

/// <summary>Every exchange reaches the access log, Audit and the data subject's page, whatever mix of requests arrives.</summary>
public sealed partial class AccessLogTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    private static readonly DemoPersona[] Subjects = [DemoPersonas.MotherOfNewborn, DemoPersonas.SingleParent, DemoPersonas.ElderlyAlone, DemoPersonas.YoungJobseeker];

    [Fact]
    public async Task Every_exchange_of_a_random_mix_appears_in_audit_and_on_its_subjects_page()
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentRegistration, ExchangeFactory.ResidentStatus]);
        var consents = new Dictionary<string, Guid?>();
        foreach (var p in Subjects)
        {
            var resident = await factory.ResidentIdAsync(p);
            await using var scope = factory.Services.CreateAsyncScope();
            consents[p.Key] = await scope.ServiceProvider.GetRequiredService<IConsentVerifier>()
                .FindActiveConsentAsync(resident.ToString(System.Globalization.CultureInfo.InvariantCulture), DemoDataAgreements.ResidentRegistration, CancellationToken.None);
        }

        var random = new Random(20261128);
        var sent = new List<(Guid Id, DemoPersona Subject, HttpStatusCode Status)>();
        for (var i = 0; i < 60; i++)
        {
            var subject = Subjects[random.Next(Subjects.Length)];
            var lawBased = random.Next(3) == 0;
            var consent = random.Next(4) switch
            {
                0 => (Guid?)Guid.NewGuid(),
                1 => null,
                _ => consents[subject.Key],
            };
            var purpose = random.Next(5) == 0 ? "marketing" : lawBased ? "benefit-eligibility-check" : ExchangeFactory.Prefill;
            using var request = ExchangeFactory.Request(lawBased ? ExchangeFactory.ResidentStatus : ExchangeFactory.ResidentRegistration, client,
                purpose: purpose, subject: subject, consent: lawBased ? null : consent, attributes: random.Next(2) == 0 ? "name" : null, issue: $"CASE-{i}");
            var response = await http.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"request {i} answered {(int)response.StatusCode}");
            sent.Add((Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single()), subject, response.StatusCode));
        }

        Assert.Contains(sent, s => s.Status == HttpStatusCode.OK);
        Assert.Contains(sent, s => s.Status != HttpStatusCode.OK);
        await factory.DrainOutboxAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var receipts = await scope.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync([.. sent.Select(s => s.Id)], CancellationToken.None);
            Assert.Equal(sent.Count, receipts.Count);
        }

        foreach (var group in sent.GroupBy(s => s.Subject))
        {
            var account = await factory.CreateCitizenForResidentAsync(group.Key.ResidentNumber, group.Key.NameKo);
            var citizen = await factory.SignedInAsAsync(account);
            var html = await citizen.GetStringAsync(new Uri("/my/data/access?culture=en", UriKind.Relative));
            foreach (var (id, _, _) in group)
            {
                Assert.Contains($"/my/data/access/{id}/proof", html, StringComparison.Ordinal);
            }

            Assert.Equal(group.Count(), ProofLink().Count(html));
        }
    }

    [Fact]
    public async Task A_burst_of_concurrent_exchanges_is_logged_before_it_is_answered_and_audited_once_each()
    {
        // Subjects whose pages no other test here counts.
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentStatus]);
        var burst = Enumerable.Range(0, 48).Select(async i =>
        {
            using var request = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: i % 4 == 0 ? "marketing" : "case-processing",
                subject: i % 2 == 0 ? DemoPersonas.FatherOfNewborn : DemoPersonas.DisabledAdult, issue: $"BURST-{i}");
            var response = await http.SendAsync(request);
            return (Id: Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single()), response.StatusCode);
        });
        var sent = await Task.WhenAll(burst);
        Assert.Equal(12, sent.Count(s => s.StatusCode == HttpStatusCode.Forbidden));
        Assert.Equal(36, sent.Count(s => s.StatusCode == HttpStatusCode.OK));

        // Answered means logged: every row and its outbox event are there before Audit has seen any of them.
        var ids = sent.Select(s => s.Id).ToList();
        Assert.Equal(48, await factory.InDbAsync(db => db.Records.CountAsync(r => ids.Contains(r.Id))));
        Assert.Equal(48, await factory.InDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.DispatchedAt == null)));
        var refused = await factory.InDbAsync(db => db.Records.Where(r => ids.Contains(r.Id) && r.Refusal != null).Select(r => r.Refusal).Distinct().ToListAsync());
        Assert.Equal("purpose-not-allowed", Assert.Single(refused));

        await factory.DrainOutboxAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var receipts = await scope.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(ids, CancellationToken.None);
            Assert.Equal(48, receipts.Count);
            Assert.Equal(48, receipts.Values.Select(r => r.Index).Distinct().Count());
        }

        Assert.Equal(48, await factory.InDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.DispatchedAt != null && m.Attempts == 1)));
    }

    [Fact]
    public async Task A_citizen_sees_who_received_their_data_the_officials_role_why_and_can_check_the_audit_proof()
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentStatus]);
        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "case-processing", subject: DemoPersonas.DisabledAdult,
            userId: "nhis-officer-3", issue: "NHIS-2026-0777", userRole: "자격심사 담당 주무관");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        await factory.DrainOutboxAsync();

        var account = await factory.CreateCitizenForResidentAsync(DemoPersonas.DisabledAdult.ResidentNumber, DemoPersonas.DisabledAdult.NameKo);
        var citizen = await factory.SignedInAsAsync(account);
        var html = await citizen.GetStringAsync(new Uri("/my/data/access", UriKind.Relative));
        Assert.Contains("국민건강보험공단", html, StringComparison.Ordinal);
        Assert.Contains("case-processing", html, StringComparison.Ordinal);
        Assert.Contains("NHIS-2026-0777", html, StringComparison.Ordinal);
        Assert.Contains("담당자 직무: 자격심사 담당 주무관 (담당자 ID nhis-officer-3)", html, StringComparison.Ordinal);
        Assert.Equal("자격심사 담당 주무관", await factory.InDbAsync(db => db.Records.Where(r => r.Id == id).Select(r => r.UserRole).SingleAsync()));

        // The tree head is signed in the background as soon as the entry waits; give it a moment.
        string proof = "";
        for (var i = 0; i < 50 && !proof.Contains("Verified", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            proof = await citizen.GetStringAsync(new Uri($"/my/data/access/{id}/proof?culture=en", UriKind.Relative));
        }

        Assert.Contains("Verified: this record is one of the", proof, StringComparison.Ordinal);

        // Someone else's record is not theirs to see.
        var other = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(DemoPersonas.YoungJobseeker.ResidentNumber, DemoPersonas.YoungJobseeker.NameKo));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my/data/access/{id}/proof", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_citizen_who_opts_in_is_told_about_each_access_and_the_switch_is_audited()
    {
        var persona = DemoPersonas.BusinessOwner;
        var account = await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        var citizen = await factory.SignedInAsAsync(account);
        var page = await citizen.GetStringAsync(new Uri("/my/data/access", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["enabled"] = "true",
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var posted = await citizen.PostAsync(new Uri("/my/data/access?handler=Alerts", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentStatus]);
        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "case-processing", subject: persona);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());

        var alerts = await factory.InDbAsync(db => db.OutboxMessages.Where(m => m.Type.EndsWith("NotificationRequested")).Select(m => m.Payload).ToListAsync());
        Assert.Contains(alerts, a => a.Contains($"exchange:access:{id:N}", StringComparison.Ordinal));
        Assert.Contains((await factory.ResidentIdAsync(persona)).ToString(System.Globalization.CultureInfo.InvariantCulture), alerts.Single(a => a.Contains($"{id:N}", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [GeneratedRegex("/my/data/access/[0-9a-f-]{36}/proof")]
    private static partial Regex ProofLink();
}
