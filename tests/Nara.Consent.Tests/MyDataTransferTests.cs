using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Consent.Features.MyData;
using Nara.Identity.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Consent.Tests;

/// <summary>MyData transfer: a citizen sends registry data to a registered recipient, which collects it with its client credentials.</summary>
public sealed class MyDataTransferTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Page = "/my/data/transfers";
    private const string Api = "/api/mydata/transfers";

    /// <summary>A recipient organisation: an OpenID client with client credentials and mydata.receive, and its published agreement.</summary>
    private async Task<(string ClientId, HttpClient Http, string Secret)> RecipientAsync(string agency)
    {
        var clientId = $"KR/PRIV/{agency}/mydata";
        string secret;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var registration = await scope.ServiceProvider.GetRequiredService<IOidcClientAdministration>().RegisterAsync(new NewOidcClient(
                clientId, $"{agency} 마이데이터", OidcClientTypes.Confidential, OidcSectors.Private, agency, [], [], [MyDataScopes.Receive], ClientCredentials: true), CancellationToken.None);
            Assert.True(registration.Succeeded, registration.Error);
            secret = registration.Secret!;
        }

        var admin = await factory.OfficialAsync(agency, "administrator");
        await factory.CreateAgreementAsync(admin, new
        {
            controller = new { id = agency, name = agency, url = "https://example.com" },
            purpose = "Receive the data you send us", purposeKo = "보내 주신 정보를 받습니다", purposeCode = CreateTransfer.PurposeCode,
            lawfulBasis = "consent", dataUse = "data-using-service", forgettable = true, delivery = "periodic", deliveryIntervalDays = 30, validityDays = (int?)null, retentionDays = 90,
            recipients = new[] { agency },
            dataAttributes = new[]
            {
                new { name = "resident", description = "Resident registration", descriptionKo = "주민등록", sensitivity = false, category = "identity" },
                new { name = "household", description = "Household", descriptionKo = "세대", sensitivity = false, category = "family" },
            },
        });

        return (clientId, await SignInAsync(clientId, secret), secret);
    }

    /// <summary>A fresh client-credentials token (tokens expire on the test clock too).</summary>
    private async Task<HttpClient> SignInAsync(string clientId, string secret)
    {
        var http = factory.CreateClient();
        var token = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = MyDataScopes.Receive,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.IsSuccessStatusCode, body.ToString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return http;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient citizen, string handler, Dictionary<string, string> fields, params string[] datasets)
    {
        var html = await citizen.GetStringAsync(new Uri(Page + "?culture=en", UriKind.Relative));
        var form = fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Concat(datasets.Select(d => KeyValuePair.Create("Datasets", d))).ToList();
        form.Add(KeyValuePair.Create("__RequestVerificationToken", OfficialAccounts.AntiforgeryToken(html)));
        var response = await citizen.PostAsync(new Uri($"{Page}?handler={handler}&culture=en", UriKind.Relative), new FormUrlEncodedContent(form));
        // Post/redirect/get on success: follow it to the page the citizen sees.
        return response.StatusCode == HttpStatusCode.Redirect
            ? await citizen.GetAsync(new Uri(response.Headers.Location!.OriginalString + "&culture=en", UriKind.Relative))
            : response;
    }

    private async Task<int> RunSchedulerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDueTransfers>().ExecuteAsync(CancellationToken.None);
    }

    private static async Task<List<JsonElement>> WaitingAsync(HttpClient recipient) =>
        [.. (await recipient.GetFromJsonAsync<JsonElement>(Api + "/")).GetProperty("packages").EnumerateArray()];

    [Fact]
    public async Task A_once_transfer_is_collected_by_the_recipient_and_appears_in_the_access_log()
    {
        var (clientId, recipient, _) = await RecipientAsync("KBANK");
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);

        var created = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "once" }, "resident");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Your transfer is set up", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await WaitingAsync(recipient)); // made available by the scheduler, not inside the request
        Assert.True(await RunSchedulerAsync() >= 1);

        var package = Assert.Single(await WaitingAsync(recipient));
        var data = await recipient.GetFromJsonAsync<JsonElement>(package.GetProperty("href").GetString());
        Assert.Equal(DemoPersonas.MotherOfNewborn.NameKo, data.GetProperty("resident").GetProperty("nameKo").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("household").ValueKind); // only what the citizen chose
        Assert.Equal(HttpStatusCode.Conflict, (await recipient.GetAsync(new Uri(package.GetProperty("href").GetString()!, UriKind.Relative))).StatusCode);
        Assert.Empty(await WaitingAsync(recipient));

        var record = Guid.Parse(data.GetProperty("consentRecordId").GetString()!);
        Assert.True(await factory.InDbAsync(db => db.ConsentRecords.AnyAsync(r => r.Id == record && r.IndividualId == individual && r.OptIn)));
        await factory.DrainOutboxAsync();
        var messages = await factory.InDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("MyDataTransferred") && m.Payload.Contains(individual)).Select(m => m.Id).ToListAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(messages, CancellationToken.None));
        var page = await citizen.GetStringAsync(new Uri(Page + "?culture=en", UriKind.Relative));
        Assert.Contains("Completed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collected_transfer_appears_on_the_who_used_my_data_page_and_an_uncollected_one_does_not()
    {
        var (clientId, recipient, _) = await RecipientAsync("HANABANK");
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.DisabledAdult);
        var created = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "once" }, "household");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(await RunSchedulerAsync() >= 1);

        // Available but not yet collected: nobody has used the data.
        var before = await citizen.GetStringAsync(new Uri("/my/data/access?culture=en", UriKind.Relative));
        Assert.Contains("MyData transfers you ordered", before, StringComparison.Ordinal);
        Assert.DoesNotContain("HANABANK", before, StringComparison.Ordinal);

        var package = Assert.Single(await WaitingAsync(recipient));
        Assert.Equal(HttpStatusCode.OK, (await recipient.GetAsync(new Uri(package.GetProperty("href").GetString()!, UriKind.Relative))).StatusCode);

        var english = await citizen.GetStringAsync(new Uri("/my/data/access?culture=en", UriKind.Relative));
        var table = english[english.IndexOf("id=\"mydata-transfers\"", StringComparison.Ordinal)..];
        Assert.Contains("HANABANK 마이데이터", table, StringComparison.Ordinal);
        Assert.Contains("Household data (address, members)", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Resident data", table[..table.IndexOf("</table>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Once", table, StringComparison.Ordinal);
        var korean = await citizen.GetStringAsync(new Uri("/my/data/access?culture=ko", UriKind.Relative));
        Assert.Contains("내가 요청한 마이데이터 전송", korean, StringComparison.Ordinal);
        Assert.Contains("세대 정보 (주소, 세대원)", korean, StringComparison.Ordinal);

        // Another citizen sees none of it.
        var (other, _) = await factory.CitizenAsync(DemoPersonas.BusinessOwner);
        Assert.DoesNotContain("HANABANK", await other.GetStringAsync(new Uri("/my/data/access?culture=en", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monthly_transfer_runs_when_the_clock_advances_and_withdrawal_stops_it_at_once()
    {
        var (clientId, recipient, secret) = await RecipientAsync("TOSSP");
        var account = await factory.CreateCitizenForResidentAsync(DemoPersonas.SingleParent.ResidentNumber, DemoPersonas.SingleParent.NameKo);
        var citizen = await factory.SignedInAsAsync(account);
        var end = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "monthly", ["EndDate"] = end }, "resident", "household");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        await RunSchedulerAsync();
        var first = Assert.Single(await WaitingAsync(recipient));
        Assert.Equal(HttpStatusCode.OK, (await recipient.GetAsync(new Uri(first.GetProperty("href").GetString()!, UriKind.Relative))).StatusCode);
        await RunSchedulerAsync();
        Assert.Empty(await WaitingAsync(recipient)); // the next period is a month away

        factory.Clock.Advance(TimeSpan.FromDays(31));
        recipient = await SignInAsync(clientId, secret);
        await RunSchedulerAsync();
        var second = Assert.Single(await WaitingAsync(recipient));
        Assert.Equal(2, second.GetProperty("sequence").GetInt32());

        var transfer = second.GetProperty("transferId").GetString()!;
        citizen = await factory.SignedInAsAsync(account); // a month later: a new session
        var withdrawn = await PostAsync(citizen, "Withdraw", new() { ["transferId"] = transfer });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Contains("You stopped the transfer", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await WaitingAsync(recipient));
        Assert.Equal(HttpStatusCode.Forbidden, (await recipient.GetAsync(new Uri(second.GetProperty("href").GetString()!, UriKind.Relative))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(31));
        recipient = await SignInAsync(clientId, secret);
        await RunSchedulerAsync();
        Assert.Empty(await WaitingAsync(recipient));
        var record = Guid.Parse(second.GetProperty("consentRecordId").GetString()!);
        Assert.False(await factory.InDbAsync(db => db.ConsentRecords.Where(r => r.Id == record).Select(r => r.OptIn).SingleAsync()));
    }

    [Fact]
    public async Task A_citizen_cannot_send_to_an_unregistered_client_and_bad_input_creates_nothing()
    {
        var (clientId, _, _) = await RecipientAsync("NAVERF");
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        var consentsBefore = await factory.InDbAsync(db => db.ConsentRecords.CountAsync(r => r.IndividualId == individual));

        var unregistered = await PostAsync(citizen, "Create", new() { ["Recipient"] = "KR/PRIV/EVIL/mydata", ["Schedule"] = "once" }, "resident");
        Assert.Equal(HttpStatusCode.BadRequest, unregistered.StatusCode);
        Assert.Contains("only be sent to registered organisations", await unregistered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nothingChosen = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "once" });
        Assert.Contains("Choose at least one kind of data", await nothingChosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noEnd = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "monthly" }, "resident");
        Assert.Contains("give an end date", await noEnd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badDate = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "monthly", ["EndDate"] = "next spring" }, "resident");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var unknownData = await PostAsync(citizen, "Create", new() { ["Recipient"] = clientId, ["Schedule"] = "once" }, "income");
        Assert.Equal(HttpStatusCode.BadRequest, unknownData.StatusCode);

        Assert.Equal(0, await factory.InDbAsync(db => db.MyDataTransfers.CountAsync(t => t.IndividualId == individual)));
        Assert.Equal(consentsBefore, await factory.InDbAsync(db => db.ConsentRecords.CountAsync(r => r.IndividualId == individual)));

        var (other, _) = await factory.AgencySystemAsync("NAVERF", "consent:verify");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri(Api + "/", UriKind.Relative))).StatusCode);
    }
}
