using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Nara.Testing;

namespace Nara.Kernel.Tests;

public sealed class HostTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Liveness_answers_healthy_without_touching_the_database()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_healthy_when_every_module_database_is_migrated()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_answers_a_problem_document()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(404, problem!.Status);
    }

    [Fact]
    public async Task An_unknown_page_answers_a_plain_language_page_in_korean_by_default()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("페이지를 찾을 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_explained_in_english_when_asked()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/no-such-page?culture=en", UriKind.Relative));
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_and_its_browsable_reference_are_served()
    {
        var client = factory.CreateClient();
        var document = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reference = await client.GetAsync(new Uri("/api/reference", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_a_content_security_policy_without_inline_script()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }
}
