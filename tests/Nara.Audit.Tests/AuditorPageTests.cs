using System.Net;

namespace Nara.Audit.Tests;

public sealed class AuditorPageTests(AuditFactory factory) : IClassFixture<AuditFactory>
{
    [Fact]
    public async Task An_auditor_finds_the_entries_about_a_subject_in_korean_and_english()
    {
        await factory.AppendManyAsync(30);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Roles", "auditor");
        var korean = await client.GetStringAsync(new Uri("/officials/audit?subjectType=resident&subjectId=1003", UriKind.Relative));
        Assert.Contains("감사 기록 검색", korean, StringComparison.Ordinal);
        Assert.Contains("resident/1003", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("resident/1004", korean, StringComparison.Ordinal);
        var english = await client.GetStringAsync(new Uri("/officials/audit?action=resident.view&culture=en", UriKind.Relative));
        Assert.Contains("entries found", english, StringComparison.Ordinal);
        Assert.DoesNotContain("resident.update", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_explained_not_failed()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Roles", "auditor");
        var response = await client.GetAsync(new Uri("/officials/audit?from=yesterday&culture=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter dates as YYYY-MM-DD", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_without_the_auditor_role_is_refused()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Test-Roles", "registry-viewer");
        var response = await client.GetAsync(new Uri("/officials/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
