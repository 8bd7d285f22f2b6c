using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Consent.Tests;

public sealed class DashboardTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    [Fact]
    public async Task The_dashboard_shows_what_to_whom_why_and_until_when_in_korean_and_english()
    {
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);

        var korean = await citizen.GetStringAsync(new Uri("/my/data", UriKind.Relative));
        Assert.Contains("주민등록표 등본을 따로 내지 않도록", korean);
        Assert.Contains("보건복지부", korean);
        Assert.Contains("유효 기간", korean);
        Assert.Contains("2027년 3월 2일", korean);

        var english = await citizen.GetStringAsync(new Uri("/my/data?culture=en", UriKind.Relative));
        Assert.Contains("Prefill applications with the members of your household", english);
        Assert.Contains("Valid until", english);
        Assert.Contains("Withdraw consent", english);
    }

    [Fact]
    public async Task Withdrawing_on_the_dashboard_takes_one_post_and_the_verifier_refuses_at_once()
    {
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.SingleParent);
        await using var scope = factory.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<IConsentVerifier>();
        var record = (await verifier.FindActiveConsentAsync(individual, DemoDataAgreements.Income, CancellationToken.None))!.Value;

        var page = await citizen.GetStringAsync(new Uri("/my/data", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["recordId"] = record.ToString(),
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var response = await citizen.PostAsync(new Uri("/my/data?handler=Withdraw", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var verdict = await verifier.VerifyAsync(record, individual, DemoDataAgreements.Income, DemoDataAgreements.PrefillPurpose, ["annual-income"], "MOHW", CancellationToken.None);
        Assert.Equal(ConsentRefusals.Withdrawn, verdict.Refusal);
        var after = await citizen.GetStringAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("동의를 철회했습니다", after);
    }

    [Fact]
    public async Task A_citizen_is_offered_the_agreements_they_never_answered_and_consents_in_one_post_then_again_after_withdrawing()
    {
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.DisabledAdult);
        var page = await citizen.GetStringAsync(new Uri("/my/data", UriKind.Relative));
        Assert.Contains("동의할 수 있는 제공 약정", page);
        Assert.Contains($"value=\"{DemoDataAgreements.Household}\"", page);

        var given = await PostAsync(citizen, page, "Give", ("agreementId", DemoDataAgreements.Household.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<IConsentVerifier>();
        var record = (await verifier.FindActiveConsentAsync(individual, DemoDataAgreements.Household, CancellationToken.None))!.Value;

        page = await citizen.GetStringAsync(new Uri("/my/data", UriKind.Relative));
        Assert.DoesNotContain($"name=\"agreementId\" value=\"{DemoDataAgreements.Household}\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(citizen, page, "Withdraw", ("recordId", record.ToString()))).StatusCode);
        Assert.Null(await verifier.FindActiveConsentAsync(individual, DemoDataAgreements.Household, CancellationToken.None));

        page = await citizen.GetStringAsync(new Uri("/my/data?culture=en", UriKind.Relative));
        Assert.Contains("Consent again", page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(citizen, page, "Give", ("agreementId", DemoDataAgreements.Household.ToString()))).StatusCode);
        Assert.Equal(record, await verifier.FindActiveConsentAsync(individual, DemoDataAgreements.Household, CancellationToken.None));

        // Consenting twice, or to an agreement that does not exist, changes nothing and says so.
        page = await citizen.GetStringAsync(new Uri("/my/data", UriKind.Relative));
        var again = await PostAsync(citizen, page, "Give", ("agreementId", DemoDataAgreements.Household.ToString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The consent could not be given", await again.Content.ReadAsStringAsync()); // the culture cookie is English now
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(citizen, page, "Give", ("agreementId", Guid.NewGuid().ToString()))).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient citizen, string page, string handler, (string Name, string Value) field)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Name] = field.Value,
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        return await citizen.PostAsync(new Uri($"/my/data?handler={handler}", UriKind.Relative), form);
    }

    [Fact]
    public async Task A_withdrawal_without_the_antiforgery_token_changes_nothing()
    {
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        await using var scope = factory.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<IConsentVerifier>();
        var record = (await verifier.FindActiveConsentAsync(individual, DemoDataAgreements.ResidentRegistration, CancellationToken.None))!.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["recordId"] = record.ToString() });

        var response = await citizen.PostAsync(new Uri("/my/data?handler=Withdraw", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await verifier.FindActiveConsentAsync(individual, DemoDataAgreements.ResidentRegistration, CancellationToken.None));
    }

    [Fact]
    public async Task A_receipt_is_readable_and_downloadable_as_signed_json_only_by_its_owner()
    {
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        await using var scope = factory.Services.CreateAsyncScope();
        var record = (await scope.ServiceProvider.GetRequiredService<IConsentVerifier>().FindActiveConsentAsync(individual, DemoDataAgreements.Household, CancellationToken.None))!.Value;

        var html = await citizen.GetStringAsync(new Uri($"/my/data/receipts/{record}", UriKind.Relative));
        Assert.Contains("동의 영수증", html);
        var download = await citizen.GetAsync(new Uri($"/my/data/receipts/{record}?handler=Download", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var receipt = await download.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(record.ToString(), receipt.GetProperty("consentRecord").GetProperty("id").GetString());
        Assert.Equal("ES256", receipt.GetProperty("signature").GetProperty("verificationMethod").GetString());
        Assert.Equal("EC", receipt.GetProperty("signingKey").GetProperty("kty").GetString());

        var (stranger, _) = await factory.CitizenAsync(DemoPersonas.YoungJobseeker);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/my/data/receipts/{record}?handler=Download", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/my/data/receipts/{record}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_asks_a_visitor_to_sign_in()
    {
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(new Uri("/my/data", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.OriginalString);
    }
}
