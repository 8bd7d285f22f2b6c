using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Data;
using Nara.Identity.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Consent.Tests;

/// <summary>A Nara host for Consent tests: citizens linked to demo personas, administrators, auditors and agency systems.</summary>
public sealed class ConsentFactory : NaraFactory
{
    public ConsentFactory()
    {
        Residents = 0; // the personas are enough
        With("Nara:Outbox:DispatchInBackground", "false");
        With("Nara:Consent:Webhooks:DeliverInBackground", "false");
        // One class signs in officials and citizens more than 20 times a minute from one address; the
        // sign-in limit is tested in Identity's SessionAndLimitTests, not here.
        With("Nara:Identity:SignInPermitsPerMinute", "1000");
    }

    /// <summary>The persona's citizen account, signed in, and their individual id (resident id).</summary>
    public async Task<(HttpClient Client, string Individual)> CitizenAsync(DemoPersona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var account = await this.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        return (await this.SignedInAsAsync(account), await IndividualOfAsync(persona));
    }

    public async Task<string> IndividualOfAsync(DemoPersona persona)
    {
        await using var scope = Services.CreateAsyncScope();
        var resident = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None);
        return resident!.Id.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<HttpClient> OfficialAsync(string agency, string roles) =>
        await this.SignedInAsAsync(await this.CreateOfficialAsync(agency, roles, "공무원"));

    /// <summary>An agency system with an API key holding <paramref name="scopes"/>; its client id is returned too.</summary>
    public async Task<(HttpClient Client, string ClientId)> AgencySystemAsync(string agency, params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var id = $"KR/GOV/{agency}/c{Guid.NewGuid():N}"[..36];
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, agency, "Consent test system", scopes), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", registration.Key);
        return (client, id);
    }

    internal async Task<T> InDbAsync<T>(Func<ConsentDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ConsentDbContext>());
    }

    /// <summary>A data agreement body; recipients and attributes as given.</summary>
    public static object Agreement(string controller = "MOHW", string[]? recipients = null, bool forgettable = true, int? validityDays = 30, string purposeCode = "child-benefit") => new
    {
        controller = new { id = controller, name = "보건복지부", url = "https://www.mohw.go.kr" },
        purpose = "Pay the child benefit without asking for certificates",
        purposeKo = "증명서 없이 아동수당을 지급합니다",
        purposeCode,
        lawfulBasis = "consent",
        dataUse = "data-source",
        dpia = "https://example.go.kr/dpia",
        forgettable,
        delivery = "one-time",
        validityDays,
        retentionDays = 30,
        recipients = recipients ?? ["MOHW"],
        dataAttributes = new[]
        {
            new { name = "name", description = "Name", descriptionKo = "성명", sensitivity = false, category = "identity" },
            new { name = "household-members", description = "Household members", descriptionKo = "세대원", sensitivity = false, category = "family" },
        },
    };

    /// <summary>Creates an agreement as an MOHW administrator (or the given client) and returns its id.</summary>
    public async Task<string> CreateAgreementAsync(HttpClient? admin = null, object? body = null)
    {
        admin ??= await OfficialAsync("MOHW", "administrator");
        var response = await admin.PostAsJsonAsync("/govstack/consent/config/data-agreement/", body ?? Agreement());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dataAgreement").GetProperty("id").GetString()!;
    }
}
