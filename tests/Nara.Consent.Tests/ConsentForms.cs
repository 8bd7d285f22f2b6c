using Nara.Testing;

namespace Nara.Consent.Tests;

/// <summary>Form posts as a browser sends them: with the antiforgery token of the page the form is on.</summary>
internal static class ConsentForms
{
    public static Uri U(string path) => new(path, UriKind.Relative);

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string target, params (string Key, string Value)[] fields)
    {
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U(page)));
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(U(target), content);
    }
}
