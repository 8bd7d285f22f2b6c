using System.Net;
using System.Net.Http.Json;
using Nara.Testing;
using static Nara.Identity.Tests.IdentityForms;

namespace Nara.Identity.Tests;

public sealed class SessionLimitTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetAsync(U("/officials"))).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task An_officials_session_ends_after_fifteen_idle_minutes()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await SignedInAsync(client), "active after 10 minutes");
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.False(await SignedInAsync(client), "16 idle minutes must end an official's session");
    }

    [Fact]
    public async Task An_active_officials_session_still_ends_twelve_hours_after_sign_in()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        for (var minutes = 10; minutes < 12 * 60; minutes += 10)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True(await SignedInAsync(client), $"active official signed out after {minutes} minutes");
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(await SignedInAsync(client), "12 hours is the most an official's session lasts");
    }
}

public sealed class SignInRateLimitTests(SignInRateLimitTests.Factory factory) : IClassFixture<SignInRateLimitTests.Factory>
{
    [Fact]
    public async Task Too_many_enrolment_posts_from_one_address_are_refused_with_429()
    {
        var client = factory.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.StartEnrolmentAsync("000000-0000000", "누구")).Response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(U("/signin"))).StatusCode);
    }

    public sealed class Factory : NaraFactory
    {
        public Factory() => With("Nara:Identity:SignInPermitsPerMinute", "3");
    }
}

public sealed class PasskeyApiTests(PasskeyApiTests.Factory factory) : IClassFixture<PasskeyApiTests.Factory>
{
    [Fact]
    public async Task Passkey_api_calls_without_the_pages_antiforgery_token_are_refused()
    {
        var response = await factory.Browser().PostAsync(U("/api/identity/passkeys/sign-in/options"), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_in_options_ask_for_user_verification_and_any_passkey_of_this_site()
    {
        var client = factory.Browser();
        using var request = await TokenRequestAsync(client, "/api/identity/passkeys/sign-in/options", new { });
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("required", json.GetProperty("options").GetProperty("userVerification").GetString());
        Assert.True(json.TryGetProperty("ceremonyId", out _));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"ceremonyId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"credential\":{}}")]
    [InlineData("{\"ceremonyId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"credential\":\"x\"}")]
    [InlineData("{\"ceremonyId\":\"nope\"}")]
    [InlineData("not json")]
    public async Task A_malformed_or_unknown_passkey_answer_is_refused_with_400(string body)
    {
        var client = factory.Browser();
        using var request = await TokenRequestAsync(client, "/api/identity/passkeys/sign-in", null);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Registering_a_passkey_needs_a_session_or_an_enrolment_ticket()
    {
        var client = factory.Browser();
        using var request = await TokenRequestAsync(client, "/api/identity/passkeys/registration/options", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Without_javascript_the_passkey_button_explains_what_is_needed()
    {
        var client = factory.Browser();
        var response = await client.PostFormAsync("/signin", "/signin?handler=Passkey");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("JavaScript가 꺼져 있어", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpRequestMessage> TokenRequestAsync(HttpClient client, string path, object? body)
    {
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U("/signin")));
        var request = new HttpRequestMessage(HttpMethod.Post, U(path));
        request.Headers.Add("RequestVerificationToken", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public sealed class Factory : NaraFactory
    {
        public Factory() => With("Nara:Identity:SignInPermitsPerMinute", "1000");
    }
}
