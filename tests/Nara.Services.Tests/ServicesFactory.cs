using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Registries.Contracts;
using Nara.Services.Data;
using Nara.Testing;

namespace Nara.Services.Tests;

/// <summary>A Nara host for Services tests: citizens linked to demo personas, officials per agency, agency systems.</summary>
public sealed partial class ServicesFactory : NaraFactory
{
    public ServicesFactory()
    {
        Residents = 0; // the personas are enough; seeding stays fast
        With("Nara:Outbox:DispatchInBackground", "false");
    }

    /// <summary>The mother of a newborn (demo persona), signed in; her account is new each time.</summary>
    public async Task<(Guid Account, HttpClient Client)> MotherAsync()
    {
        var account = await this.CreateCitizenForResidentAsync(DemoPersonas.MotherOfNewborn.ResidentNumber, DemoPersonas.MotherOfNewborn.NameKo);
        return (account, await this.SignedInAsAsync(account));
    }

    public async Task<(Guid Account, HttpClient Client)> OfficialAsync(string agency, string roles, string name = "공무원")
    {
        var account = await this.CreateOfficialAsync(agency, roles, name);
        return (account, await this.SignedInAsAsync(account));
    }

    public async Task<HttpClient> AgencySystemAsync(string agency, string scope = "services:registration")
    {
        await using var scope2 = Services.CreateAsyncScope();
        var id = $"KR/GOV/{agency}/cases{Guid.NewGuid():N}"[..36];
        var registration = await scope2.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, agency, "Case system", [scope]), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", registration.Key);
        return client;
    }

    internal async Task<T> InDbAsync<T>(Func<ServicesDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ServicesDbContext>());
    }

    internal Task<List<Domain.Applications.Case>> CasesOfAsync(Guid applicationId) =>
        InDbAsync(db => db.Cases.AsNoTracking().Where(c => c.ApplicationId == applicationId).OrderBy(c => c.ServiceSlug).ToListAsync());

    internal Task<List<string>> OutboxTypesAsync() =>
        InDbAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Type).ToListAsync());

    /// <summary>Posts a form of the page at <paramref name="page"/> (to <paramref name="action"/>, default the page itself) with its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", OfficialAccounts.AntiforgeryToken(html))]);
        return await client.PostAsync(new Uri(action ?? page, UriKind.Relative), content);
    }

    /// <summary>Opens the apply page, starts a draft with the page's idempotency key, and returns the draft's first step URL.</summary>
    public static async Task<(Guid Id, string Key)> StartAsync(HttpClient client, string slug)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri($"/services/{slug}/apply", UriKind.Relative));
        var key = KeyPattern().Match(html).Groups[1].Value;
        using var content = new FormUrlEncodedContent([new("idempotencyKey", key), new("__RequestVerificationToken", OfficialAccounts.AntiforgeryToken(html))]);
        var response = await client.PostAsync(new Uri($"/services/{slug}/apply", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return (Guid.Parse(IdPattern().Match(location).Groups[1].Value), key);
    }

    /// <summary>Fills every step with <paramref name="answers"/> and submits; returns the application id.</summary>
    public static async Task<Guid> ApplyAsync(HttpClient client, string slug, int steps, IReadOnlyDictionary<string, string> answers)
    {
        var (id, _) = await StartAsync(client, slug);
        for (var i = 0; i < steps; i++)
        {
            var step = $"/services/{slug}/apply/{id}/steps/{i}";
            var response = await PostAsync(client, step, [.. answers, new("action", "next")]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Step {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var submitted = await PostAsync(client, $"/services/{slug}/apply/{id}/review", []);
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, $"Submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        return id;
    }

    public static readonly IReadOnlyDictionary<string, string> ParentalBenefitAnswers = new Dictionary<string, string>
    {
        ["phone"] = "010-1234-5678", ["childName"] = "이하린", ["childBirthDate"] = "2026-02-20", ["inDaycare"] = "no",
        ["bank"] = "kb", ["account"] = "123456-01-123456",
    };

    public static readonly IReadOnlyDictionary<string, string> HappyBirthAnswers = new Dictionary<string, string>
    {
        ["relationToChild"] = "mother", ["phone"] = "010-1234-5678", ["childName"] = "이하린", ["childBirthDate"] = "2026-02-20",
        ["childSex"] = "female", ["birthPlace"] = "서울대학교병원", ["birthOrder"] = "1", ["inDaycare"] = "no", ["card"] = "bc",
        ["bank"] = "kb", ["account"] = "123456-01-123456",
    };

    /// <summary>The version hidden in the case page's forms.</summary>
    public static string VersionOf(string html) => VersionPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"idempotencyKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("/apply/([0-9a-f-]{36})/")]
    private static partial Regex IdPattern();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
