using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// Decision letters beyond the API: the applicant's page puts a letter into the web wallet or offers it to a wallet app
/// through OpenID4VCI; someone else's case is refused everywhere and leaves nothing behind.
/// </summary>
public sealed partial class DecisionLetterPagesTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    [GeneratedRegex("href=\"(openid-credential-offer://[^\"]+)\"")]
    private static partial Regex OfferLink();

    [GeneratedRegex("<strong class=\"nara-code\"[^>]*>(\\d{6})</strong>")]
    private static partial Regex TxCode();

    private async Task<(Guid Account, HttpClient Client, long Resident)> ApplicantAsync(DemoPersona persona)
    {
        var account = await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        var client = await factory.SignedInAsAsync(account);
        return (account, client, await factory.ResidentIdOfAsync(persona));
    }

    /// <summary>Delivers ApplicationDecided to Credentials as the outbox would.</summary>
    private async Task<Guid> DecideAsync(Guid applicantAccount, long resident)
    {
        var caseId = Guid.NewGuid();
        var decided = new ApplicationDecided(Guid.NewGuid(), caseId, "parental-benefit", "MOHW", applicantAccount, resident, CaseDecisions.Approved,
            Guid.NewGuid(), null, factory.Clock.GetUtcNow());
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<ApplicationDecided>>().Single(h => h.GetType().Name == "RecordDecisionLetter");
        await handler.HandleAsync(new IntegrationEventEnvelope<ApplicationDecided>(Guid.NewGuid(), factory.Clock.GetUtcNow(), decided), CancellationToken.None);
        return caseId;
    }

    private async Task<int> CountAsync(Func<CredentialsDbContext, Task<int>> count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(new Uri(formPage, UriKind.Relative)));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    [Fact]
    public async Task The_applicant_adds_the_letter_to_the_web_wallet_from_its_page_in_Korean_and_English()
    {
        var (account, client, resident) = await ApplicantAsync(DemoPersonas.MotherOfNewborn);
        var caseId = await DecideAsync(account, resident);
        var page = CredentialLinks.DecisionLetter(caseId);

        var ko = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var en = await client.GetStringAsync(new Uri(page + "?culture=en", UriKind.Relative));
        var response = await PostAsync(client, page, page + "?handler=Wallet", []);

        Assert.Contains("결정 통지서를 전자증명서로 받기", ko, StringComparison.Ordinal);
        Assert.Contains(caseId.ToString("D"), ko, StringComparison.Ordinal);
        Assert.Contains("Add to my web wallet", en, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = Guid.Parse(location["/my/wallet/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
        var detail = await client.GetStringAsync(new Uri($"/my/wallet/{id:D}?culture=ko", UriKind.Relative)); // the English visit above set the culture cookie
        Assert.Contains("처분 결정 통지서", detail, StringComparison.Ordinal);
        Assert.Contains(caseId.ToString("D"), detail, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var issued = await db.Issued.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal("MOHW", issued.Agency); // issued in the deciding agency's name
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(id.ToString())).Select(m => m.Type).ToListAsync();
        Assert.Contains(typeof(CredentialIssued).FullName, events);
        Assert.Contains(typeof(WalletCredentialAdded).FullName, events);
        Assert.NotNull((await db.DecisionLetters.AsNoTracking().SingleAsync(l => l.CaseId == caseId)).CollectedAt);
    }

    [Fact]
    public async Task A_wallet_app_receives_the_letter_through_an_openid4vci_offer_made_on_its_page()
    {
        var (account, client, resident) = await ApplicantAsync(DemoPersonas.FatherOfNewborn);
        var caseId = await DecideAsync(account, resident);

        var response = await PostAsync(client, CredentialLinks.DecisionLetter(caseId), "/my/credentials/offer",
            new() { ["Type"] = "decision-letter", ["Subject"] = caseId.ToString("D"), ["TxCode"] = "true" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        using var wallet = new TestWallet(factory.CreateClient());
        var offer = await wallet.OfferAsync(WebUtility.HtmlDecode(OfferLink().Match(html).Groups[1].Value));
        Assert.Equal("decision-letter", offer["credential_configuration_ids"]![0]!.GetValue<string>());
        var (_, token) = await wallet.TokenAsync(TestWallet.Code(offer), TxCode().Match(html).Groups[1].Value);
        var proof = wallet.Proof("http://localhost", await wallet.NonceAsync(), factory.Clock.GetUtcNow());
        var (credentialResponse, body) = await wallet.CredentialAsync(token["access_token"]!.GetValue<string>(), TestWallet.CredentialRequest("decision-letter", proof));
        Assert.Equal(HttpStatusCode.OK, credentialResponse.StatusCode);
        var credential = body!["credentials"]![0]!["credential"]!.GetValue<string>();
        var presentation = SdJwtPresenter.Present(credential, ["case_id", "decision"], wallet.Key, "https://landlord.example", "n", factory.Clock.GetUtcNow());
        var verified = JsonNode.Parse(await (await factory.CreateClient().PostAsync(new Uri("/api/credentials/verify", UriKind.Relative),
            JsonContent(new JsonObject { ["presentation"] = presentation, ["audience"] = "https://landlord.example", ["nonce"] = "n" }))).Content.ReadAsStringAsync())!;
        Assert.Equal("urn:kr:go:nara:vct:decision-letter:1", verified["type"]!.GetValue<string>());
        Assert.Equal(caseId.ToString("D"), verified["disclosed"]!["case_id"]!.GetValue<string>());
        var metadata = await factory.CreateClient().GetStringAsync(new Uri("/.well-known/openid-credential-issuer", UriKind.Relative));
        Assert.Contains("\"decision-letter\"", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_letter_is_refused_on_the_page_in_the_wallet_and_in_an_offer_and_nothing_is_kept()
    {
        var (account, _, resident) = await ApplicantAsync(DemoPersonas.SingleParent);
        var (_, other, _) = await ApplicantAsync(DemoPersonas.DisabledAdult);
        var caseId = await DecideAsync(account, resident);
        var page = CredentialLinks.DecisionLetter(caseId);
        var offersBefore = await CountAsync(db => db.Offers.CountAsync());
        var walletBefore = await CountAsync(db => db.Wallet.CountAsync());

        var view = await other.GetAsync(new Uri(page, UriKind.Relative));
        var add = await PostAsync(other, "/my/wallet/decision-letters", page + "?handler=Wallet", []);
        var offer = await PostAsync(other, "/my/credentials/offer", "/my/credentials/offer",
            new() { ["Type"] = "decision-letter", ["Subject"] = caseId.ToString("D"), ["TxCode"] = "true" });
        var noSubject = await PostAsync(other, "/my/credentials/offer", "/my/credentials/offer", new() { ["Type"] = "decision-letter", ["TxCode"] = "true" });
        var smuggled = await PostAsync(other, "/my/credentials/offer", "/my/credentials/offer",
            new() { ["Type"] = "resident-id", ["Subject"] = caseId.ToString("D"), ["TxCode"] = "true" });
        var list = await other.GetStringAsync(new Uri("/my/wallet/decision-letters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Contains("제공할 수 없는 증명서입니다", await offer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("제공할 수 없는 증명서입니다", await noSubject.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("제공할 수 없는 증명서입니다", await smuggled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString("D"), list, StringComparison.Ordinal);
        Assert.Equal(offersBefore, await CountAsync(db => db.Offers.CountAsync()));
        Assert.Equal(walletBefore, await CountAsync(db => db.Wallet.CountAsync()));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().DecisionLetters.AsNoTracking().SingleAsync(l => l.CaseId == caseId)).CollectedAt);
    }

    [Fact]
    public async Task The_letter_page_is_for_signed_in_citizens_and_the_general_offer_list_does_not_show_letters()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (_, client, _) = await ApplicantAsync(DemoPersonas.MotherOfNewborn);

        var response = await anonymous.GetAsync(new Uri(CredentialLinks.DecisionLetter(Guid.NewGuid()), UriKind.Relative));
        var offerPage = await client.GetStringAsync(new Uri("/my/credentials/offer", UriKind.Relative));
        var walletPage = await client.GetStringAsync(new Uri("/my/wallet", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("value=\"decision-letter\"", offerPage, StringComparison.Ordinal);
        Assert.Contains("/my/wallet/decision-letters", walletPage, StringComparison.Ordinal);
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
