using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Nara.Testing;

namespace Nara.Kernel.Tests.Pages;

public sealed class MyNaraPageTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_signed_in_citizen_reaches_every_personal_page_from_my_nara_in_both_languages()
    {
        var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());

        var home = await citizen.GetStringAsync(U("/"));
        Assert.Contains("href=\"/my\"", home, StringComparison.Ordinal);
        var korean = await citizen.GetStringAsync(U("/my"));
        Assert.Contains("<title>나의 나라 | 나라</title>", korean, StringComparison.Ordinal);
        foreach (var page in new[] { "/my/applications", "/my/benefits", "/my/data", "/my/data/download", "/inbox", "/settings/notifications", "/my/passkeys" })
        {
            Assert.Contains($"href=\"{page}\"", korean, StringComparison.Ordinal);
        }

        Assert.Contains("Benefits for you", await citizen.GetStringAsync(U("/my?culture=en")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_and_officials_are_refused()
    {
        var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var official = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);

        var response = await visitor.GetAsync(U("/my"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/my\"", await official.GetStringAsync(U("/")), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await official.GetAsync(U("/my"))).StatusCode);
    }
}
