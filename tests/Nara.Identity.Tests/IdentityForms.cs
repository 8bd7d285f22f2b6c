using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Testing;

namespace Nara.Identity.Tests;

/// <summary>Form posts with the page's antiforgery token, and a look into Identity's outbox for sent codes.</summary>
internal static class IdentityForms
{
    public static Uri U(string path) => new(path, UriKind.Relative);

    public static HttpClient Browser(this NaraFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string target, params (string Key, string Value)[] fields)
    {
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U(page)));
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(U(target), content);
    }

    /// <summary>Starts enrolment and returns the challenge id from the redirect to the code page.</summary>
    public static async Task<(HttpResponseMessage Response, Guid? Challenge)> StartEnrolmentAsync(this HttpClient client, string residentNumber, string name)
    {
        var response = await client.PostFormAsync("/enrol", "/enrol", ("ResidentNumber", residentNumber), ("Name", name));
        var location = response.Headers.Location?.ToString() ?? "";
        var marker = "challenge=";
        var at = location.IndexOf(marker, StringComparison.Ordinal);
        return (response, response.StatusCode == HttpStatusCode.Redirect && at >= 0 ? Guid.Parse(location[(at + marker.Length)..]) : null);
    }

    public static Task<HttpResponseMessage> EnterCodeAsync(this HttpClient client, Guid challenge, string code) =>
        client.PostFormAsync($"/enrol/verify?challenge={challenge}", "/enrol/verify", ("challenge", challenge.ToString()), ("Code", code));

    /// <summary>The NotificationRequested events Identity queued, newest last.</summary>
    public static async Task<IReadOnlyList<JsonElement>> CodeRequestsAsync(this NaraFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains("NotificationRequested"))
            .Select(m => m.Payload)
            .ToListAsync();
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }

    public static async Task<string> CodeForAsync(this NaraFactory factory, Guid challenge)
    {
        var request = (await factory.CodeRequestsAsync()).Single(r => r.GetProperty("idempotencyKey").GetString() == $"enrolment:{challenge:N}");
        return request.GetProperty("personalisation").GetProperty("code").GetString()!;
    }

    public static async Task<T> InIdentityAsync<T>(this NaraFactory factory, Func<IdentityDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityDbContext>());
    }
}
