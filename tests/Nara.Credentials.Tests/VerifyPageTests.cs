using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>The public verification page, as a plain HTML form (no JavaScript).</summary>
public sealed class VerifyPageTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _holder.Dispose();

    private async Task<string> PresentationAsync(DemoPersona persona, params string[] claims)
    {
        var residentId = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
            .ExecuteAsync(residentId, Es256.PublicJwk(_holder), "http://localhost", TimeSpan.FromDays(365), new Nara.Credentials.Contracts.CredentialActor("citizen", "test"), CancellationToken.None);
        return SdJwtPresenter.Present(issued!.Value.Credential.Compact, claims, _holder, "https://shop.example", "n-7", factory.Clock.GetUtcNow());
    }

    private async Task<string> PostAsync(string path, string presentation, string culture = "ko")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var form = await client.GetStringAsync(new Uri(path + separator + "culture=" + culture, UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Presentation"] = presentation,
            ["Audience"] = "https://shop.example",
            ["Nonce"] = "n-7",
            ["Mode"] = path.Contains("mode=age", StringComparison.Ordinal) ? "age" : "",
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(form),
        });
        var response = await client.PostAsync(new Uri(path + separator + "culture=" + culture, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_page_shows_the_disclosed_name_and_nothing_else()
    {
        var html = await PostAsync("/verify", await PresentationAsync(DemoPersonas.MotherOfNewborn, "name"));

        Assert.Contains("확인되었습니다", html, StringComparison.Ordinal);
        Assert.Contains("모바일 주민등록증", html, StringComparison.Ordinal);
        Assert.Contains("김서연", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1993-05-14", html, StringComparison.Ordinal);
        Assert.DoesNotContain("생년월일", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_age_check_shows_only_the_age_answer_in_English_too()
    {
        var html = await PostAsync("/verify?mode=age", await PresentationAsync(DemoPersonas.MotherOfNewborn, "age_over_19", "name"), "en");

        Assert.Contains("Verified", html, StringComparison.Ordinal);
        Assert.Contains("19 or older", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Seo-yeon", html, StringComparison.Ordinal);
        Assert.DoesNotContain("김서연", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbled_paste_is_explained_in_plain_language()
    {
        var html = await PostAsync("/verify", "hello~world");

        Assert.Contains("확인되지 않았습니다", html, StringComparison.Ordinal);
        Assert.Contains("증명서 형식이 아닙니다", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verifying_on_the_api_and_on_the_page_leaves_no_outbox_message_and_no_audit_entry_at_the_issuer()
    {
        var presentation = await PresentationAsync(DemoPersonas.MotherOfNewborn, "name");
        await factory.DrainOutboxAsync(); // the issuance's own events are audited before counting
        var before = await IssuerRecordsAsync();
        Assert.True(before.Audit > 0, "the issuance was audited, so the audit count is a live one");

        var api = await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://shop.example", nonce = "n-7" });
        Assert.True((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
        Assert.Contains("확인되었습니다", await PostAsync("/verify", presentation), StringComparison.Ordinal);
        await factory.DrainOutboxAsync();

        Assert.Equal(before, await IssuerRecordsAsync());
    }

    [Theory]
    [InlineData("random text")]
    [InlineData("a truncated link")]
    [InlineData("base64 junk")]
    public async Task A_bad_printed_link_is_refused_in_plain_language(string kind)
    {
        var p = kind switch
        {
            "random text" => "scan me? 안녕하세요 <b>!</b>",
            "a truncated link" => await TruncatedLinkAsync(),
            _ => Convert.ToBase64String(Enumerable.Range(0, 300).Select(i => (byte)(i * 37)).ToArray()) + "~" + B64.Encode([1, 2, 3]) + "~",
        };

        var response = await factory.CreateClient().GetAsync(new Uri("/verify?culture=ko&p=" + Uri.EscapeDataString(p), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("확인되지 않았습니다", html, StringComparison.Ordinal);
        Assert.Contains("사유 코드", html, StringComparison.Ordinal);
        Assert.DoesNotContain("확인되었습니다", html, StringComparison.Ordinal);
    }

    /// <summary>The p= of a real wallet link, cut off two thirds of the way (a torn or badly scanned print).</summary>
    private async Task<string> TruncatedLinkAsync()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var id = await citizen.GetMobileIdAsync();
        var link = WalletClient.PresentedText(await (await citizen.PresentAsync(id, ["name", "birthdate"])).Content.ReadAsStringAsync());
        var p = Uri.UnescapeDataString(link[(link.IndexOf("p=", StringComparison.Ordinal) + 2)..]);
        return p[..(p.Length * 2 / 3)];
    }

    private async Task<(int Outbox, long Audit)> IssuerRecordsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        return (await db.OutboxMessages.CountAsync(), await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM audit_entries").SingleAsync());
    }
}
