using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Certificates;
using Nara.Credentials.Data;
using Nara.Kernel.Pdf;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>
/// An e-certificate with every item ticked, on the wallet's screen and on paper: the QR code carries it and /verify
/// shows each list entry in plain words, or, when it cannot fit one QR code, the citizen is asked to tick fewer items.
/// </summary>
public sealed class CertificateQrSizeTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private static readonly string[] EveryItem = ["name", "name_en", "birthdate", "family"];

    [Fact]
    public async Task A_family_relations_certificate_with_every_item_ticked_is_presented_and_verify_names_each_family_member()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var id = await citizen.GetCertificateAsync("family-relations");

        var presented = await citizen.PresentAsync(id, EveryItem);

        Assert.Equal(HttpStatusCode.OK, presented.StatusCode);
        var link = WalletClient.PresentedText(await presented.Content.ReadAsStringAsync());
        var verified = await factory.CreateClient().GetStringAsync(new Uri(new Uri(link).PathAndQuery + "&culture=ko", UriKind.Relative));
        Assert.Contains("확인되었습니다", verified, StringComparison.Ordinal);
        Assert.Contains("가족관계증명서", verified, StringComparison.Ordinal);
        Assert.Contains("Kim Seo-yeon", verified, StringComparison.Ordinal);
        Assert.Contains("이준호", verified, StringComparison.Ordinal); // the spouse
        Assert.Contains("1991-03-02", verified, StringComparison.Ordinal);
        Assert.Contains("이하린", verified, StringComparison.Ordinal); // the child
        Assert.Contains("2025-12-20", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", verified, StringComparison.Ordinal); // no escaped JSON shown to a person
    }

    [Fact]
    public async Task A_certificate_too_big_for_one_qr_code_is_refused_in_plain_language_and_fewer_items_still_work()
    {
        // Ten children on the register: with every member ticked, the presentation no longer fits the largest QR code.
        await AddChildrenAsync(DemoPersonas.ElderlyAlone, 10);
        var citizen = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        var id = await citizen.GetCertificateAsync("family-relations");

        var refused = await citizen.PresentAsync(id, EveryItem);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("QR 코드 하나에 담기에는 고른 항목이 너무 많습니다", html, StringComparison.Ordinal);
        Assert.DoesNotContain("presentation-text", html, StringComparison.Ordinal); // nothing half-made to scan or copy
        var english = await citizen.PresentAsync(id, EveryItem, culture: "en");
        Assert.Contains("Too many items for one QR code", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var paper = await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf?claim=name_en&claim=birthdate&claim=family", UriKind.Relative));
        Assert.Equal(KoreanFonts.SystemHasFont ? HttpStatusCode.BadRequest : HttpStatusCode.ServiceUnavailable, paper.StatusCode);
        Assert.Equal("application/problem+json", paper.Content.Headers.ContentType!.MediaType);
        if (KoreanFonts.SystemHasFont)
        {
            Assert.Contains("tick fewer items", await paper.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fewer = await citizen.PresentAsync(id, ["name", "birthdate"]);
        Assert.Equal(HttpStatusCode.OK, fewer.StatusCode);
        var link = WalletClient.PresentedText(await fewer.Content.ReadAsStringAsync());
        var verified = await factory.CreateClient().GetStringAsync(new Uri(new Uri(link).PathAndQuery + "&culture=ko", UriKind.Relative));
        Assert.Contains("확인되었습니다", verified, StringComparison.Ordinal);
        Assert.Contains("박순자", verified, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_limit_is_exactly_what_the_largest_qr_code_holds()
    {
        var most = new string('a', QrCodes.MaxBytes);

        Assert.True(QrCodes.Fits(most));
        Assert.InRange(QrCodes.Modules(most).Count, 177, 177 + 8); // version 40, with or without the quiet zone
        Assert.False(QrCodes.Fits(most + "a"));
        Assert.ThrowsAny<Exception>(() => QrCodes.Modules(most + "a"));
    }

    /// <summary>Registers other demo residents as children of <paramref name="parent"/> (the register has no page for that).</summary>
    private async Task AddChildrenAsync(DemoPersona parent, int count)
    {
        var parentId = await factory.ResidentIdOfAsync(parent);
        foreach (var child in DemoPersonas.All.Where(p => p != parent).Take(count))
        {
            var childId = await factory.ResidentIdOfAsync(child);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            await db.Database.ExecuteSqlAsync($"INSERT INTO registries_family_relations (\"ResidentId\", \"RelatedResidentId\", \"Kind\") VALUES ({childId}, {parentId}, 1)");
        }
    }
}
