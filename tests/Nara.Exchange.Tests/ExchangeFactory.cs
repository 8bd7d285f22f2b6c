using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Contracts;
using Nara.Exchange.Data;
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

        await using var scope = Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, parts[2], "Exchange test system", scopes.Length > 0 ? scopes : ["exchange:request"]), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", registration.Key);
        return (client, id);
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
