using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Contracts;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>/my/wallet as plain HTML forms: get the mobile ID, present chosen claims, see states, remove; and the ugly cases.</summary>
public sealed class WalletPageTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private async Task<string> VerifyLinkAsync(string link, string culture = "ko")
    {
        var path = new Uri(link).PathAndQuery;
        return await factory.CreateClient().GetStringAsync(new Uri(path + "&culture=" + culture, UriKind.Relative));
    }

    [Fact]
    public async Task The_wallet_lists_the_mobile_id_in_Korean_and_English()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var empty = await citizen.GetStringAsync(new Uri("/my/wallet", UriKind.Relative));
        Assert.Contains("전자지갑", empty, StringComparison.Ordinal);
        Assert.Contains("아직 보관한 증명서가 없습니다", empty, StringComparison.Ordinal);
        Assert.Contains("rel=\"manifest\"", empty, StringComparison.Ordinal);

        var id = await citizen.GetMobileIdAsync();

        var ko = await citizen.GetStringAsync(new Uri("/my/wallet", UriKind.Relative));
        Assert.Contains("모바일 주민등록증", ko, StringComparison.Ordinal);
        Assert.Contains($"/my/wallet/{id:D}", ko, StringComparison.Ordinal);
        Assert.Contains("data-status=\"valid\"", ko, StringComparison.Ordinal);
        Assert.Contains("2027-03-02", ko, StringComparison.Ordinal); // valid 365 days from 2026-03-02
        var en = await citizen.GetStringAsync(new Uri("/my/wallet?culture=en", UriKind.Relative));
        Assert.Contains("My wallet", en, StringComparison.Ordinal);
        Assert.Contains("Mobile resident ID", en, StringComparison.Ordinal);
        var detail = await citizen.GetStringAsync(new Uri($"/my/wallet/{id:D}?culture=en", UriKind.Relative));
        Assert.Contains("Kim Seo-yeon", detail, StringComparison.Ordinal);
        Assert.Contains("1993-05-14", detail, StringComparison.Ordinal); // the holder reads every claim
    }

    [Fact]
    public async Task A_presentation_from_the_wallet_verifies_with_only_the_ticked_claims_disclosed()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var id = await citizen.GetMobileIdAsync();

        var response = await citizen.PresentAsync(id, ["name", "age_over_19"]);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("src=\"data:image/svg+xml;base64,", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var link = WalletClient.PresentedText(html);
        Assert.StartsWith("http://localhost/verify?p=", link, StringComparison.Ordinal);

        var verified = await VerifyLinkAsync(link);
        Assert.Contains("확인되었습니다", verified, StringComparison.Ordinal);
        Assert.Contains("이준호", verified, StringComparison.Ordinal);
        Assert.Contains("만 19세 이상", verified, StringComparison.Ordinal);
        Assert.Contains("소지자가 이 확인을 위해 서명함", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("1991-03-02", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("생년월일", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("Lee Jun-ho", verified, StringComparison.Ordinal);

        // What the QR carries is also accepted pasted into the form, and the API sees exactly the ticked claims.
        var presentation = link[(link.IndexOf("p=", StringComparison.Ordinal) + 2)..];
        var api = await factory.CreateClient().PostAsync(new Uri("/api/credentials/verify", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { presentation, audience = "http://localhost/verify" }));
        var body = await api.Content.ReadAsStringAsync();
        Assert.True(api.IsSuccessStatusCode, body);
        var disclosed = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("disclosed");
        Assert.Equal(["age_over_19", "name"], disclosed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_screen_qr_goes_stale_after_five_minutes()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.YoungJobseeker);
        var id = await citizen.GetMobileIdAsync();
        var link = WalletClient.PresentedText(await (await citizen.PresentAsync(id, ["age_over_19"])).Content.ReadAsStringAsync());

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var html = await VerifyLinkAsync(link, "en");

        Assert.Contains("Not verified", html, StringComparison.Ordinal);
        Assert.Contains("key-binding-stale", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_presentation_for_a_verifiers_request_answers_only_that_request()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.DisabledAdult);
        var id = await citizen.GetMobileIdAsync();
        var html = await (await citizen.PresentAsync(id, ["resident_of"], "https://shop.example", "n-42")).Content.ReadAsStringAsync();
        var presentation = WalletClient.PresentedText(html);
        Assert.DoesNotContain("/verify?p=", presentation, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var verify = scope.ServiceProvider.GetRequiredService<VerifyPresentation>();
        Assert.True((await verify.ExecuteAsync(presentation, "https://shop.example", "n-42", false, CancellationToken.None)).Valid);
        Assert.Equal("wrong-nonce", (await verify.ExecuteAsync(presentation, "https://shop.example", "n-43", false, CancellationToken.None)).Code);
        Assert.Equal("wrong-audience", (await verify.ExecuteAsync(presentation, "https://bank.example", "n-42", false, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Someone_elses_wallet_credential_is_not_found_everywhere()
    {
        var owner = await factory.CitizenAsync(DemoPersonas.SingleParent);
        var other = await factory.CitizenAsync(DemoPersonas.BusinessOwner);
        var id = await owner.GetMobileIdAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my/wallet/{id:D}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my/wallet/{id:D}/present", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my/wallet/{id:D}/pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/my/wallet", $"/my/wallet/{id:D}?handler=Remove", [new("confirm", "true")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/my/wallet", $"/my/wallet/{id:D}/present", [new("Claims", "name")])).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri($"/my/wallet/{id:D}", UriKind.Relative))).StatusCode); // still there
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/my/wallet", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task No_ticked_claim_or_a_tampered_claim_name_is_refused_and_nothing_is_presented()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.ForeignResident);
        var id = await citizen.GetMobileIdAsync();

        var none = await citizen.PresentAsync(id, []);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var noneHtml = await none.Content.ReadAsStringAsync();
        Assert.Contains("공개할 항목을 하나 이상 고르세요", noneHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("presentation-text", noneHtml, StringComparison.Ordinal);

        var tampered = await citizen.PresentAsync(id, ["name", "salary"], culture: "en");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        var tamperedHtml = await tampered.Content.ReadAsStringAsync();
        Assert.Contains("only items this credential holds", tamperedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("presentation-text", tamperedHtml, StringComparison.Ordinal);

        var noToken = await citizen.PostAsync(new Uri($"/my/wallet/{id:D}/present", UriKind.Relative), new FormUrlEncodedContent([new("Claims", "name")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode); // antiforgery
    }

    [Fact]
    public async Task A_suspended_or_expired_credential_shows_its_state_and_cannot_be_presented()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        var id = await citizen.GetMobileIdAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var resident = await factory.ResidentIdOfAsync(DemoPersonas.ElderlyAlone);
            await scope.ServiceProvider.GetRequiredService<ChangeCredentialStatus>()
                .ExecuteAsync(id, StatusList.Suspended, "lost phone", ChangeCredentialStatus.Scope.Owner(resident), new CredentialActor("citizen", "test"), CancellationToken.None);
        }

        var list = await citizen.GetStringAsync(new Uri("/my/wallet", UriKind.Relative));
        Assert.Contains("data-status=\"suspended\"", list, StringComparison.Ordinal);
        Assert.Contains("효력 정지", list, StringComparison.Ordinal);
        var detail = await citizen.GetStringAsync(new Uri($"/my/wallet/{id:D}", UriKind.Relative));
        Assert.Contains("wallet-state", detail, StringComparison.Ordinal);
        Assert.DoesNotContain($"/my/wallet/{id:D}/pdf", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PresentAsync(id, ["name"])).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf", UriKind.Relative))).StatusCode);

        // A credential issued for one minute has expired two minutes later.
        Guid shortLived;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var resident = await factory.ResidentIdOfAsync(DemoPersonas.ElderlyAlone);
            shortLived = (await scope.ServiceProvider.GetRequiredService<IssueResidentIdToWallet>()
                .ExecuteAsync(resident, "http://localhost", TimeSpan.FromMinutes(1), new CredentialActor("citizen", "test"), CancellationToken.None))!.Value;
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await citizen.GetStringAsync(new Uri($"/my/wallet/{shortLived:D}?culture=en", UriKind.Relative));
        Assert.Contains("data-status=\"expired\"", expired, StringComparison.Ordinal);
        Assert.Contains("It has expired", expired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_credential_takes_it_out_of_the_wallet()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var id = await citizen.GetMobileIdAsync();

        var unconfirmed = await citizen.PostFormAsync($"/my/wallet/{id:D}", $"/my/wallet/{id:D}?handler=Remove", []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("remove-error", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(new Uri($"/my/wallet/{id:D}", UriKind.Relative))).StatusCode); // still there

        var removed = await citizen.PostFormAsync($"/my/wallet/{id:D}", $"/my/wallet/{id:D}?handler=Remove", [new("confirm", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri($"/my/wallet/{id:D}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(id.ToString("D"), await citizen.GetStringAsync(new Uri("/my/wallet", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wallet_is_installable_with_a_manifest_and_a_service_worker_scoped_to_it()
    {
        var anonymous = factory.CreateClient();
        var manifest = await anonymous.GetAsync(new Uri("/my/wallet/manifest.webmanifest", UriKind.Relative));
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"start_url\":\"/my/wallet\"", await manifest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var worker = await anonymous.GetAsync(new Uri("/my/wallet/sw.js", UriKind.Relative));
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType!.MediaType);
        Assert.Contains("addEventListener(\"fetch\"", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
