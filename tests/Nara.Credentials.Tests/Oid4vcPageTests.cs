using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>The two pages around the wallet protocols, as plain HTML forms without JavaScript.</summary>
public sealed partial class Oid4vcPageTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    [GeneratedRegex("href=\"(openid-credential-offer://[^\"]+)\"")]
    private static partial Regex OfferLink();

    [GeneratedRegex("href=\"(openid4vp://[^\"]+)\"")]
    private static partial Regex RequestLink();

    [GeneratedRegex("<strong class=\"nara-code\"[^>]*>(\\d{6})</strong>")]
    private static partial Regex TxCode();

    private static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK)
    {
        fields["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task The_citizen_gets_a_qr_code_and_a_transaction_code_that_a_wallet_can_redeem()
    {
        var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(DemoPersonas.MotherOfNewborn.ResidentNumber, DemoPersonas.MotherOfNewborn.NameKo));

        var html = await PostFormAsync(citizen, "/my/credentials/offer", new() { ["Type"] = "resident-id", ["TxCode"] = "true" });

        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("전자지갑으로 QR 코드를 찍으세요", html, StringComparison.Ordinal);
        using var wallet = new TestWallet(factory.CreateClient());
        var offer = await wallet.OfferAsync(WebUtility.HtmlDecode(OfferLink().Match(html).Groups[1].Value));
        var (response, _) = await wallet.TokenAsync(TestWallet.Code(offer), TxCode().Match(html).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_offer_page_is_for_signed_in_citizens()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(new Uri("/my/credentials/offer", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("cross")]
    [InlineData("same")]
    public async Task The_verifier_page_shows_a_request_and_then_only_the_answer_to_it(string device)
    {
        var shop = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var location = await PostFormAsync(shop, "/verify/request", new() { ["Claims"] = "name", ["Device"] = device }, HttpStatusCode.Redirect);
        var waiting = await shop.GetAsync(new Uri(location, UriKind.Relative));
        var waitingHtml = await waiting.Content.ReadAsStringAsync();
        Assert.Equal(device == "cross", waiting.Headers.Contains("Refresh"));
        Assert.Contains("전자지갑의 응답을 기다리는 중", waitingHtml, StringComparison.Ordinal);

        using var wallet = new TestWallet(factory.CreateClient());
        var residentId = await factory.ResidentIdOfAsync(DemoPersonas.FatherOfNewborn);
        string credential;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            credential = (await scope.ServiceProvider.GetRequiredService<IssueResidentId>().ExecuteAsync(residentId, Es256.PublicJwk(wallet.Key), "http://localhost",
                TimeSpan.FromDays(365), new Nara.Credentials.Contracts.CredentialActor("citizen", "test"), CancellationToken.None))!.Value.Credential.Compact;
        }

        var request = await wallet.RequestObjectAsync(WebUtility.HtmlDecode(RequestLink().Match(waitingHtml).Groups[1].Value));
        var presentation = SdJwtPresenter.Present(credential, ["name"], wallet.Key, request["client_id"]!.GetValue<string>(), request["nonce"]!.GetValue<string>(), factory.Clock.GetUtcNow());
        var (_, body) = await wallet.RespondAsync(request, presentation);
        var back = device == "same" ? new Uri(body["redirect_uri"]!.GetValue<string>()).PathAndQuery : location;

        var answer = await shop.GetStringAsync(new Uri(back, UriKind.Relative));
        var stranger = await factory.CreateClient().GetStringAsync(new Uri(back, UriKind.Relative));

        Assert.Contains("확인되었습니다", answer, StringComparison.Ordinal);
        Assert.Contains(DemoPersonas.FatherOfNewborn.NameKo, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("생년월일", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPersonas.FatherOfNewborn.NameKo, stranger, StringComparison.Ordinal);
        Assert.Contains("이 요청을 찾을 수 없습니다", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_age_check_page_asks_the_wallet_for_age_over_19_only()
    {
        var shop = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var location = await PostFormAsync(shop, "/verify/request?mode=age", new() { ["Mode"] = "age", ["Claims"] = "birthdate", ["Device"] = "cross" }, HttpStatusCode.Redirect);
        var html = await shop.GetStringAsync(new Uri(location, UriKind.Relative));
        using var wallet = new TestWallet(factory.CreateClient());

        var request = await wallet.RequestObjectAsync(WebUtility.HtmlDecode(RequestLink().Match(html).Groups[1].Value));

        Assert.Equal(["age_over_19"], TestWallet.Requested(request));
    }
}
