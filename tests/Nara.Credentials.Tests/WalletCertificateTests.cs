using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Data;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>"Get an e-certificate" on /my/wallet: a certificate goes into the wallet; a refused one leaves nothing behind.</summary>
public sealed class WalletCertificateTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private async Task<(int Issued, int Wallet)> CountsAsync(DemoPersona persona)
    {
        var resident = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        return (await db.Issued.CountAsync(c => c.ResidentId == resident), await db.Wallet.CountAsync(c => c.ResidentId == resident));
    }

    [Fact]
    public async Task A_business_owner_puts_the_business_registration_certificate_in_the_wallet_and_sees_its_claims()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.BusinessOwner);
        var page = await citizen.GetStringAsync(new Uri("/my/wallet", UriKind.Relative));
        Assert.Contains("전자증명서 받기", page, StringComparison.Ordinal);
        Assert.Contains("value=\"business-registration\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"resident-id\"", page, StringComparison.Ordinal); // the mobile ID has its own button

        var response = await citizen.PostFormAsync("/my/wallet", "/my/wallet?handler=Certificate", [new("type", "business-registration")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/my/wallet/", location, StringComparison.Ordinal);
        var detail = await citizen.GetStringAsync(new Uri(location, UriKind.Relative));
        Assert.Contains("사업자등록증명", detail, StringComparison.Ordinal);
        Assert.Equal((1, 1), await CountsAsync(DemoPersonas.BusinessOwner));
    }

    [Fact]
    public async Task A_certificate_without_a_record_or_of_an_unknown_type_is_explained_and_nothing_is_issued_or_kept()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        var before = await CountsAsync(DemoPersonas.ElderlyAlone);

        var none = await citizen.PostFormAsync("/my/wallet", "/my/wallet?handler=Certificate", [new("type", "business-registration")]);
        Assert.Equal(HttpStatusCode.Redirect, none.StatusCode);
        var explained = await citizen.GetStringAsync(new Uri(none.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("사업자등록증명에 담을 등록 정보가 없어 발급하지 않았습니다", explained, StringComparison.Ordinal);

        var unknown = await citizen.PostFormAsync("/my/wallet", "/my/wallet?handler=Certificate", [new("type", "resident-id")]);
        var unknownPage = await citizen.GetStringAsync(new Uri(unknown.Headers.Location!.OriginalString + "&culture=en", UriKind.Relative));
        Assert.Contains("Unknown certificate type", unknownPage, StringComparison.Ordinal);

        Assert.Equal(before, await CountsAsync(DemoPersonas.ElderlyAlone));
    }
}
