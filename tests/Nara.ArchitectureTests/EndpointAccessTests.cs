using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Nara.Testing;

namespace Nara.ArchitectureTests;

/// <summary>
/// Every endpoint of the whole host (pages, APIs, OpenID provider) is listed in endpoint-access.txt with who
/// may call it; the list is compared with what the endpoints declare, and the protected ones are called
/// without the right credentials to see them refuse.
/// </summary>
public sealed class EndpointAccessTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Every_endpoint_is_listed_with_the_access_it_declares()
    {
        var actual = await EndpointAccess.ReadHostAsync(factory.Services);
        var listed = EndpointAccess.ReadList();
        var duplicates = listed.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{EndpointAccess.ListFile} lists these twice: {string.Join(", ", duplicates)}");

        var byKey = listed.ToDictionary(e => e.Key);
        var problems = new List<string>();
        foreach (var endpoint in actual)
        {
            if (!byKey.TryGetValue(endpoint.Key, out var entry))
            {
                problems.Add($"- NEW ENDPOINT not in the list: {endpoint.Key} (it declares '{endpoint.Access}'). Decide who may call it, "
                    + "put [Authorize(Policy = ...)] / .RequireAuthorization(...) or, if it is public on purpose, [AllowAnonymous] / .AllowAnonymous() "
                    + $"on it, and add this line to {EndpointAccess.ListFile}:\n      {endpoint}");
            }
            else if (entry.Access != endpoint.Access)
            {
                problems.Add($"- ACCESS CHANGED: {endpoint.Key} is listed as '{entry.Access}' but declares '{endpoint.Access}'. "
                    + "Fix the endpoint's authorization, or the list if the change is intended.");
            }
        }

        foreach (var gone in listed.Where(e => actual.All(a => a.Key != e.Key)))
        {
            problems.Add($"- GONE: {gone.Key} is listed but no such endpoint exists any more; remove its line (or check its methods and route).");
        }

        Assert.True(problems.Count == 0,
            $"The endpoints differ from {EndpointAccess.ListFile}:\n{string.Join('\n', problems)}\n\nThe host's endpoints as they are now:\n"
            + string.Join('\n', actual.Select(a => a.ToString())));
    }

    [Fact]
    public async Task No_endpoint_is_left_unprotected_without_saying_so()
    {
        var actual = await EndpointAccess.ReadHostAsync(factory.Services);
        Assert.DoesNotContain(actual, e => e.Access == "UNPROTECTED");
    }

    [Fact]
    public async Task Every_protected_endpoint_refuses_a_caller_without_credentials()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = await CallAllAsync(anonymous, EndpointAccess.ReadList().Where(e => !e.IsAnonymous));
        Assert.True(failures.Count == 0, "Reachable without signing in:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Official_and_client_endpoints_refuse_a_citizen()
    {
        using var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        var notForCitizens = EndpointAccess.ReadList()
            .Where(e => !e.IsAnonymous && !e.Labels.Contains("citizen") && !e.Labels.Contains("signed-in"));
        var failures = await CallAllAsync(citizen, notForCitizens);
        Assert.True(failures.Count == 0, "Reachable by a signed-in citizen:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Citizen_endpoints_refuse_an_official()
    {
        using var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var citizenOnly = EndpointAccess.ReadList().Where(e => e.Labels.Contains("citizen"));
        var failures = await CallAllAsync(official, citizenOnly);
        Assert.True(failures.Count == 0, "Reachable by a signed-in official:\n" + string.Join('\n', failures));
    }

    private static async Task<List<string>> CallAllAsync(HttpClient client, IEnumerable<EndpointAccessEntry> entries)
    {
        var failures = new List<string>();
        foreach (var entry in entries)
        {
            foreach (var method in entry.Methods.Split(',').Select(m => m == "*" ? "GET" : m))
            {
                var path = EndpointAccess.Sample(entry.Route);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method is not ("GET" or "HEAD" or "DELETE"))
                {
                    request.Content = new StringContent("", Encoding.UTF8, "application/json");
                }

                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"  {method} {path} ({entry.Access}) failed: {e.InnerException?.InnerException?.Message ?? e.Message}");
                    continue;
                }

                using var answered = response;
                if (!IsRefusal(response))
                {
                    var location = response.Headers.Location is { } l ? $" → {l}" : "";
                    failures.Add($"  {method} {path} ({entry.Access}) answered {(int)response.StatusCode}{location}");
                }
            }
        }

        return failures;
    }

    /// <summary>401/403, or for pages the cookie handler's redirect to sign in, to enrol or to the 403 page.</summary>
    private static bool IsRefusal(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther => response.Headers.Location?.OriginalString is { } to
            && (to.Contains("/signin", StringComparison.OrdinalIgnoreCase)
                || to.Contains("/enrol", StringComparison.OrdinalIgnoreCase)
                || to.Contains("/error/403", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
