using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Identity.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Exchange.Tests;

/// <summary>A Nara host for Exchange tests: the seeded exchange, demo personas with their consents, agency systems made on demand.</summary>
public sealed class ExchangeFactory : NaraFactory
{
    public const string ResidentRegistration = "KR/GOV/MOIS/registries/resident-registration";
    public const string ResidentStatus = "KR/GOV/MOIS/registries/resident-status";
    public const string Prefill = DemoDataAgreements.PrefillPurpose;

    public ExchangeFactory()
    {
        Residents = 0; // the personas are enough
        With("Nara:Outbox:DispatchInBackground", "false");
        // Sign a tree head as soon as an entry waits, so inclusion proofs are available at once.
        With("Nara:Audit:HeadEveryEntries", "1");
    }

    private HttpClient? _admin;

    /// <summary>A platform administrator (MOIS) signed in: manages every member, service and access right.</summary>
    public async Task<HttpClient> AdminAsync() => _admin ??= await this.SignedInClientAsync(OfficialAccounts.PlatformAdministrator);

    /// <summary>
    /// A new subsystem of <paramref name="memberId"/> (e.g. KR/GOV/NHIS), registered with the exchange, with an API key of the
    /// same id holding <paramref name="scopes"/>, and access rights to <paramref name="services"/>.
    /// </summary>
    public async Task<(HttpClient Client, string ClientId)> SystemAsync(string memberId, string[] services, params string[] scopes)
    {
        var id = await SubsystemAsync(memberId, services);
        await using var scope = Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, memberId.Split('/')[2], "Exchange test system", scopes.Length > 0 ? scopes : ["exchange:request"]), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", registration.Key);
        return (client, id);
    }

    /// <summary>
    /// The same agency system as <see cref="SystemAsync"/>, but an OpenID client: it gets a bearer token from Identity's token
    /// endpoint with the client credentials grant, asking for <paramref name="scope"/> (an OIDC API scope such as <c>exchange</c>).
    /// </summary>
    public async Task<(HttpClient Client, string ClientId)> OAuthSystemAsync(string memberId, string[] services, string scope)
    {
        var id = await SubsystemAsync(memberId, services);
        string secret;
        await using (var clients = Services.CreateAsyncScope())
        {
            var registration = await clients.ServiceProvider.GetRequiredService<IOidcClientAdministration>().RegisterAsync(new NewOidcClient(
                id, "Exchange OAuth test system", OidcClientTypes.Confidential, OidcSectors.Public, memberId.Split('/')[2], [], [], [scope], ClientCredentials: true),
                CancellationToken.None);
            Assert.True(registration.Succeeded, registration.Error);
            secret = registration.Secret!;
        }

        var http = CreateClient();
        var token = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret, ["scope"] = scope,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.IsSuccessStatusCode, body.ToString());
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return (http, id);
    }

    /// <summary>Registers a new subsystem of <paramref name="memberId"/> with the exchange and grants it <paramref name="services"/>; returns its id.</summary>
    public async Task<string> SubsystemAsync(string memberId, string[] services)
    {
        var parts = memberId.Split('/');
        var code = $"t{Guid.NewGuid():N}"[..12];
        var admin = await AdminAsync();
        var saved = await admin.PutAsJsonAsync($"/api/exchange/members/{parts[1]}/{parts[2]}/subsystems/{code}", new { nameKo = "시험 시스템", nameEn = "Test system" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = $"{memberId}/{code}";
        foreach (var service in services)
        {
            var granted = await admin.PostAsJsonAsync($"/api/exchange/services/{Tail(service)}/access-rights", new { client = id });
            Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        }

        return id;
    }

    /// <summary>The service id without the instance, as the management API's routes take it.</summary>
    public static string Tail(string serviceId) => serviceId[(serviceId.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public async Task<long> ResidentIdAsync(DemoPersona persona)
    {
        await using var scope = Services.CreateAsyncScope();
        var resident = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None);
        return resident!.Id;
    }

    /// <summary>The persona's active consent under the agreement (seeded for the demo personas).</summary>
    public async Task<Guid> ConsentAsync(DemoPersona persona, Guid agreement)
    {
        var resident = await ResidentIdAsync(persona);
        await using var scope = Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<IConsentVerifier>()
            .FindActiveConsentAsync(resident.ToString(CultureInfo.InvariantCulture), agreement, CancellationToken.None);
        return id ?? throw new InvalidOperationException($"{persona.Key} has no active consent under {agreement}.");
    }

    /// <summary>The persona's citizen account, signed in, and their individual id (resident id) as Consent names it.</summary>
    public async Task<(HttpClient Client, string Individual)> CitizenAsync(DemoPersona persona)
    {
        var account = await this.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        return (await this.SignedInAsAsync(account), (await ResidentIdAsync(persona)).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A new data agreement (controller MOIS, recipient <paramref name="recipient"/>, attributes name and birth-date) and a
    /// resident-registration service under it that also offers address and a second purpose, case-processing, so that the
    /// mediator's own checks pass and Consent's scope checks decide. Returns the service id, the agreement and its purpose.
    /// </summary>
    public async Task<(string Service, Guid Agreement, string Purpose)> ConsentServiceAsync(string recipient = "NHIS", int validityDays = 30)
    {
        var admin = await AdminAsync();
        var purpose = $"p{Guid.NewGuid():N}"[..12];
        var created = await admin.PostAsJsonAsync("/govstack/consent/config/data-agreement/", new
        {
            controller = new { id = "MOIS", name = "행정안전부", url = "https://www.mois.go.kr" },
            purpose = "Check a benefit claim against the resident registration", purposeKo = "급여 신청을 주민등록 정보로 확인합니다",
            purposeCode = purpose, lawfulBasis = "consent", dataUse = "data-source", forgettable = true, delivery = "one-time",
            validityDays, retentionDays = 30, recipients = new[] { recipient },
            dataAttributes = new[]
            {
                new { name = "name", description = "Name", descriptionKo = "성명", sensitivity = false, category = "identity" },
                new { name = "birth-date", description = "Date of birth", descriptionKo = "생년월일", sensitivity = false, category = "identity" },
            },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var agreement = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dataAgreement").GetProperty("id").GetString()!);

        var code = $"c{Guid.NewGuid():N}"[..10];
        var saved = await admin.PutAsJsonAsync($"/api/exchange/services/GOV/MOIS/registries/{code}", new
        {
            nameKo = "동의 시험", nameEn = "Consent test", provider = "resident-registration",
            attributes = new[] { "name", "birth-date", "address" }, purposes = new[] { purpose, "case-processing" }, dataAgreementId = agreement,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return ($"KR/GOV/MOIS/registries/{code}", agreement, purpose);
    }

    /// <summary>The persona consents to <paramref name="agreement"/> through the GovStack Consent API; returns the consent record id.</summary>
    public async Task<Guid> GiveConsentAsync(DemoPersona persona, Guid agreement)
    {
        var (citizen, _) = await CitizenAsync(persona);
        var given = await citizen.PostAsync(new Uri($"/govstack/consent/service/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        return Guid.Parse((await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentRecord").GetProperty("id").GetString()!);
    }

    /// <summary>
    /// Asserts a refused (or failed) mediation: its status, the stable type in X-Road-Error and in the problem, no signature,
    /// and an access-log row that records the attempt with the same outcome, reason and status. Returns the row.
    /// </summary>
    internal async Task<ExchangeRecord> AssertRefusedAndLoggedAsync(HttpResponseMessage response, HttpStatusCode status, string type, string outcome = "refused")
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(type, response.Headers.GetValues("X-Road-Error").Single());
        Assert.False(response.Headers.Contains("X-Nara-Signature"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://nara.go.kr/problems/exchange/" + type, problem.GetProperty("type").GetString());

        var exchangeId = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        var record = await InDbAsync(db => db.Records.SingleAsync(r => r.Id == exchangeId));
        Assert.Equal((outcome, type, (int)status), (record.Outcome, record.Refusal, record.Status));
        return record;
    }

    /// <summary>Checks the JWS with the key published at /api/exchange/signing-key and returns its payload; throws when it does not verify.</summary>
    public async Task<JsonElement> VerifySignatureAsync(string jws)
    {
        var jwks = await CreateClient().GetFromJsonAsync<JsonElement>("/api/exchange/signing-key");
        var jwk = jwks.GetProperty("keys")[0];
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()), Y = Base64Url.DecodeFromChars(jwk.GetProperty("y").GetString()) },
        });
        var parts = jws.Split('.');
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal("exchange-response+jws", header.GetProperty("typ").GetString());
        if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw new InvalidOperationException("The response signature does not verify.");
        }

        return JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
    }

    internal async Task<T> InDbAsync<T>(Func<ExchangeDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ExchangeDbContext>());
    }

    /// <summary>A request to the mediator with the X-Road headers; null values are left out.</summary>
    public static HttpRequestMessage Request(
        string service, string? client, string? purpose = Prefill, DemoPersona? subject = null, Guid? consent = null,
        string? attributes = null, string? userId = null, string? issue = null, string method = "GET", string path = "", string? userRole = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/r1/{service}{path}");
        Add(request, "X-Road-Client", client);
        Add(request, "X-Road-Id", Guid.NewGuid().ToString());
        Add(request, "X-Road-UserId", userId);
        Add(request, "X-Nara-UserRole", userRole);
        Add(request, "X-Road-Issue", issue);
        Add(request, "X-Nara-Purpose", purpose);
        Add(request, "X-Nara-Subject", subject?.ResidentNumber);
        Add(request, "X-Nara-Consent-Id", consent?.ToString());
        Add(request, "X-Nara-Attributes", attributes);
        return request;
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
