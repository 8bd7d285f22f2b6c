using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Nara.Testing;

namespace Nara.Identity.Tests;

public sealed class DemoSignInTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_sign_in_page_lists_persona_accounts_under_a_demo_warning()
    {
        await factory.EnsureOfficialAsync(OfficialAccounts.DistrictOfficial);
        var html = await factory.CreateClient().GetStringAsync(U("/signin"));
        Assert.Contains("시연용 로그인입니다", html, StringComparison.Ordinal);
        Assert.Contains("한지민", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_as_an_official_opens_the_officials_workspace_and_signing_out_closes_it()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(U("/officials"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(U("/officials/registries"))).StatusCode);

        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U("/signout")));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(U("/signout"), form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(U("/officials"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_account_cannot_sign_in()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U("/signin")));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["accountId"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(U("/signin"), form)).StatusCode);
    }
}

public sealed class DemoSignInOffTests : IClassFixture<DemoSignInOffTests.Factory>
{
    private readonly Factory _factory;

    public DemoSignInOffTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task Without_the_demo_switch_sign_in_only_explains_that_passkeys_are_coming()
    {
        await _factory.EnsureOfficialAsync(OfficialAccounts.DistrictOfficial);
        var html = await _factory.CreateClient().GetStringAsync(new Uri("/signin", UriKind.Relative));
        Assert.Contains("패스키", html, StringComparison.Ordinal);
        Assert.DoesNotContain("한지민", html, StringComparison.Ordinal);
        Assert.DoesNotContain("accountId", html, StringComparison.Ordinal);
    }

    public sealed class Factory : NaraFactory
    {
        public Factory() => With("Nara:Identity:DemoSignIn", "false");
    }
}
