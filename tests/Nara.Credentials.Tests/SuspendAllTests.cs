using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>A lost phone: one request suspends every valid credential of the citizen, and nobody else's.</summary>
public sealed class SuspendAllTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _wallet.Dispose();

    private async Task<int> StatusChangesInOutboxAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages
            .CountAsync(m => m.Type == typeof(CredentialStatusChanged).FullName);
    }

    [Fact]
    public async Task Suspend_all_flips_only_the_citizens_valid_credentials_and_the_published_list_shows_it()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.SingleParent);
        var neighbour = await factory.CitizenAsync(DemoPersonas.SingleParentChild2);
        var (_, first) = await citizen.IssueMobileIdAsync(_wallet);
        var (_, second) = await citizen.IssueMobileIdAsync(_wallet);
        var (revokedId, revoked) = await citizen.IssueMobileIdAsync(_wallet);
        var (suspendedId, alreadySuspended) = await citizen.IssueMobileIdAsync(_wallet);
        var (_, neighbours) = await neighbour.IssueMobileIdAsync(_wallet);
        (await citizen.PostAsJsonAsync($"/api/credentials/my/{revokedId}/status", new { status = "revoked" })).EnsureSuccessStatusCode();
        (await citizen.PostAsJsonAsync($"/api/credentials/my/{suspendedId}/status", new { status = "suspended" })).EnsureSuccessStatusCode();
        var changesBefore = await StatusChangesInOutboxAsync();

        var response = await citizen.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null);

        response.EnsureSuccessStatusCode();
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspended").GetInt32());
        Assert.Equal(2, await factory.PublishedStatusAsync(first));
        Assert.Equal(2, await factory.PublishedStatusAsync(second));
        Assert.Equal(1, await factory.PublishedStatusAsync(revoked));
        Assert.Equal(2, await factory.PublishedStatusAsync(alreadySuspended));
        Assert.Equal(0, await factory.PublishedStatusAsync(neighbours));
        Assert.Equal("suspended", await factory.RejectionAsync(first, _wallet));
        Assert.Null(await factory.RejectionAsync(neighbours, _wallet));
        Assert.Equal(changesBefore + 2, await StatusChangesInOutboxAsync()); // one audited change per credential suspended
    }

    [Fact]
    public async Task Suspend_all_with_nothing_valid_suspends_nothing_and_a_second_call_changes_nothing()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.Newborn);
        (await citizen.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var (_, issued) = await citizen.IssueMobileIdAsync(_wallet);

        var first = await citizen.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null);
        var changes = await StatusChangesInOutboxAsync();
        var second = await citizen.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null);

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspended").GetInt32());
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspended").GetInt32());
        Assert.Equal(changes, await StatusChangesInOutboxAsync());
        Assert.Equal("suspended", await factory.RejectionAsync(issued, _wallet));
    }

    [Fact]
    public async Task Officials_and_anonymous_callers_cannot_suspend_all()
    {
        var official = await factory.OfficialAsync("MOIS", "credential-officer");
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task The_lost_phone_page_suspends_everything_only_after_the_citizen_confirms()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.ForeignResident);
        var (_, issued) = await citizen.IssueMobileIdAsync(_wallet);
        var page = await citizen.GetStringAsync(new Uri("/my/credentials/lost-phone", UriKind.Relative));
        Assert.Contains("지금 유효한 증명서: 1개", page, StringComparison.Ordinal);

        using var unconfirmed = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page) });
        var notYet = await citizen.PostAsync(new Uri("/my/credentials/lost-phone", UriKind.Relative), unconfirmed);
        Assert.Equal(HttpStatusCode.OK, notYet.StatusCode);
        Assert.Contains("확인란을 선택하세요", await notYet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.RejectionAsync(issued, _wallet));

        using var confirmed = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["confirm"] = "true", ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var done = await citizen.PostAsync(new Uri("/my/credentials/lost-phone", UriKind.Relative), confirmed);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("증명서 1개를 일시 정지했습니다", await citizen.GetStringAsync(done.Headers.Location!), StringComparison.Ordinal);
        Assert.Equal("suspended", await factory.RejectionAsync(issued, _wallet));
    }

    [Fact]
    public async Task The_lost_phone_page_speaks_english_when_asked()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.YoungJobseeker);
        var html = await citizen.GetStringAsync(new Uri("/my/credentials/lost-phone?culture=en", UriKind.Relative));

        Assert.Contains("I lost my phone", html, StringComparison.Ordinal);
    }
}
