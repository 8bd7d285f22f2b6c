using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Services.Tests;

/// <summary>
/// Prefill goes through the Exchange mediator like any agency's request: in a random mix of agency requests to /r1 and
/// applications started by the subjects themselves, every exchange (allowed or refused) reaches the subject's
/// "who used my data" page.
/// </summary>
public sealed partial class PrefillAccessLogTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    private const string Registration = "KR/GOV/MOIS/registries/resident-registration";

    private static readonly DemoPersona[] Subjects = [DemoPersonas.MotherOfNewborn, DemoPersonas.SingleParent, DemoPersonas.ElderlyAlone, DemoPersonas.YoungJobseeker];

    [Fact]
    public async Task Every_exchange_of_a_random_mix_of_agency_requests_and_prefills_appears_on_its_subjects_page()
    {
        // The NHIS benefits system, seeded with an access right to the resident registration; its demo API key is in the data directory.
        var agency = factory.CreateClient();
        var keys = await File.ReadAllLinesAsync(Path.Combine(factory.Database.Directory, "demo-agency-keys.txt"));
        agency.DefaultRequestHeaders.Add("X-Api-Key", keys.Single(l => l.StartsWith("KR/GOV/NHIS/benefits\t", StringComparison.Ordinal)).Split('\t')[^1]);

        var citizens = new Dictionary<string, HttpClient>();
        var consents = new Dictionary<string, Guid?>();
        foreach (var p in Subjects)
        {
            citizens[p.Key] = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(p.ResidentNumber, p.NameKo));
            await using var scope = factory.Services.CreateAsyncScope();
            var resident = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(p.ResidentNumber, CancellationToken.None);
            consents[p.Key] = await scope.ServiceProvider.GetRequiredService<IConsentVerifier>()
                .FindActiveConsentAsync(resident!.Id.ToString(CultureInfo.InvariantCulture), DemoDataAgreements.ResidentRegistration, CancellationToken.None);
        }

        var random = new Random(20261207);
        var requests = new List<(DemoPersona Subject, Guid Exchange, HttpStatusCode Status)>();
        var prefills = new List<(DemoPersona Subject, Guid Application)>();
        for (var i = 0; i < 30; i++)
        {
            var subject = Subjects[random.Next(Subjects.Length)];
            if (random.Next(2) == 0)
            {
                var (application, _) = await ServicesFactory.StartAsync(citizens[subject.Key], "parental-benefit");
                prefills.Add((subject, application));
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/r1/{Registration}");
            request.Headers.Add("X-Road-Client", "KR/GOV/NHIS/benefits");
            request.Headers.Add("X-Road-Issue", $"MIX-{i}");
            request.Headers.Add("X-Nara-Purpose", DemoDataAgreements.PrefillPurpose);
            request.Headers.Add("X-Nara-Subject", subject.ResidentNumber);
            if ((random.Next(3) == 0 ? Guid.NewGuid() : consents[subject.Key]) is { } consent)
            {
                request.Headers.Add("X-Nara-Consent-Id", consent.ToString());
            }

            var response = await agency.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"request {i} answered {(int)response.StatusCode}");
            requests.Add((subject, Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single()), response.StatusCode));
        }

        Assert.Contains(requests, r => r.Status == HttpStatusCode.OK);
        Assert.Contains(requests, r => r.Status != HttpStatusCode.OK);
        Assert.NotEmpty(prefills);
        await factory.DrainOutboxAsync();

        int? callsPerPrefill = null;
        foreach (var subject in Subjects)
        {
            var html = await citizens[subject.Key].GetStringAsync(new Uri("/my/data/access?culture=en", UriKind.Relative));
            var mine = requests.Where(r => r.Subject == subject).Select(r => r.Exchange).ToList();
            foreach (var exchange in mine)
            {
                Assert.Contains($"/my/data/access/{exchange}/proof", html, StringComparison.Ordinal);
            }

            var started = prefills.Where(p => p.Subject == subject).Select(p => p.Application).ToList();
            foreach (var application in started)
            {
                // Each prefill names its application as the case; the exchanges that filled fields are linked by id.
                Assert.Contains($"application:{application:D}", html, StringComparison.Ordinal);
                var filled = await factory.InDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == application).Select(a => a.PrefillExchangesJson).SingleAsync());
                foreach (var exchange in JsonDocument.Parse(filled).RootElement.EnumerateObject().Select(f => f.Value.GetString()).Distinct())
                {
                    Assert.Contains($"/my/data/access/{exchange}/proof", html, StringComparison.Ordinal);
                }
            }

            // Every prefill made the same calls (one per registry service its form reads), allowed or refused, and each is
            // listed once: the page holds exactly the agency's requests and those calls, nothing else and nothing less.
            var calls = started.Select(a => Regex.Count(html, $"application:{a:D}")).ToList();
            Assert.All(calls, n => Assert.Equal(callsPerPrefill ??= n, n));
            Assert.Equal(mine.Count + calls.Sum(), ProofLink().Count(html));
        }

        Assert.InRange(callsPerPrefill ?? 0, 1, 2);
    }

    [GeneratedRegex("/my/data/access/[0-9a-f-]{36}/proof")]
    private static partial Regex ProofLink();
}
