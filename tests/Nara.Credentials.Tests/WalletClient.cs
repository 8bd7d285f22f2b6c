using System.Net;
using System.Text.RegularExpressions;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>A citizen using the web wallet's pages as a browser without JavaScript would.</summary>
internal static partial class WalletClient
{
    public static async Task<HttpClient> CitizenAsync(this NaraFactory factory, DemoPersona persona) =>
        await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo));

    /// <summary>Presses "get my mobile ID" and answers the new wallet entry's id.</summary>
    public static async Task<Guid> GetMobileIdAsync(this HttpClient client)
    {
        var response = await client.PostFormAsync("/my/wallet", "/my/wallet?handler=MobileId", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/my/wallet/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/my/wallet/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    /// <summary>Presses "get an e-certificate" for <paramref name="type"/> and answers the new wallet entry's id.</summary>
    public static async Task<Guid> GetCertificateAsync(this HttpClient client, string type)
    {
        var response = await client.PostFormAsync("/my/wallet", "/my/wallet?handler=Certificate", [new("type", type)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=added", location, StringComparison.Ordinal);
        return Guid.Parse(location["/my/wallet/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    public static Task<HttpResponseMessage> PresentAsync(this HttpClient client, Guid id, IEnumerable<string> claims, string? audience = null, string? nonce = null, string culture = "ko")
    {
        var fields = claims.Select(c => new KeyValuePair<string, string>("Claims", c)).ToList();
        fields.Add(new("Audience", audience ?? ""));
        fields.Add(new("Nonce", nonce ?? ""));
        var path = $"/my/wallet/{id:D}/present?culture={culture}";
        return client.PostFormAsync(path, path, fields);
    }

    /// <summary>Reads the form page for its antiforgery token, then posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, List<KeyValuePair<string, string>> fields)
    {
        var form = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        fields.Add(new("__RequestVerificationToken", OfficialAccounts.AntiforgeryToken(form)));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>The text the wallet shows to copy: the /verify link (or, for a verifier's request, the presentation).</summary>
    public static string PresentedText(string html) =>
        WebUtility.HtmlDecode(PresentedPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No presentation on the page."));

    [GeneratedRegex("<textarea id=\"presentation-text\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex PresentedPattern();
}
