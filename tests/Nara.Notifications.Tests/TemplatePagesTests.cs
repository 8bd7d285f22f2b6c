using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Testing;

namespace Nara.Notifications.Tests;

/// <summary>The officials' template pages: the district official is an agency administrator of LG1111000000.</summary>
public class TemplatePagesTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>
{
    private const string List = "/officials/notifications/templates";

    private static KeyValuePair<string, string>[] Fields(string name, string bodyKo, string subjectKo = "검진 안내") =>
    [
        new("Form.Name", name), new("Form.Kind", "due-dates"), new("Form.SubjectKo", subjectKo), new("Form.BodyKo", bodyKo),
        new("Form.SmsBodyKo", ""), new("Form.SubjectEn", "Check-up"), new("Form.BodyEn", "((name)), your check-up is due."), new("Form.SmsBodyEn", ""),
    ];

    [Fact]
    public async Task An_official_without_the_publisher_or_administrator_role_is_refused_the_template_pages()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.NoRoleOfficial);

        foreach (var path in new[] { List, $"{List}/lg1111000000.any" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(List, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_creates_a_template_on_the_page_and_each_save_adds_a_version()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var start = await client.GetAsync(new Uri($"{List}?handler=New&id=lg1111000000.checkup-due", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var page = start.Headers.Location!.ToString();
        Assert.Equal($"{List}/lg1111000000.checkup-due", page);

        var first = await CitizenFactory.PostFormAsync(client, page, $"{page}?handler=Save", Fields("검진 안내", "((name))님, 검진 기한입니다."));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await CitizenFactory.PostFormAsync(client, page, $"{page}?handler=Save", Fields("검진 안내", "((name))님, 올해 검진 기한입니다."));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var versions = await factory.InDbAsync(db => db.Templates.Where(t => t.Id == "lg1111000000.checkup-due").OrderBy(t => t.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("((name))님, 검진 기한입니다.", versions[0].BodyKo);
        Assert.Equal("((name))님, 올해 검진 기한입니다.", versions[1].BodyKo);
        Assert.All(versions, v => Assert.Equal("LG1111000000", v.AgencyCode));
        var list = await client.GetStringAsync(new Uri($"{List}?culture=en", UriKind.Relative));
        Assert.Contains("lg1111000000.checkup-due", list, StringComparison.Ordinal);
        Assert.Contains("Nara built-in (read-only)", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_renders_the_unsaved_text_with_sample_values_and_saves_nothing()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        const string page = $"{List}/lg1111000000.preview-only";

        var response = await CitizenFactory.PostFormAsync(client, page, $"{page}?handler=Preview", [.. Fields("미리 보기", "((name))님, ((date))까지 오세요."), new("SampleValues", "name=김서연")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("김서연님, [date]까지 오세요.", html, StringComparison.Ordinal);
        Assert.Contains("SMS", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => db.Templates.CountAsync(t => t.Id == "lg1111000000.preview-only")));
    }

    [Fact]
    public async Task A_template_without_a_Korean_body_is_refused_with_the_typed_text_kept_and_nothing_saved()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        const string page = $"{List}/lg1111000000.no-body";

        var response = await CitizenFactory.PostFormAsync(client, page, $"{page}?handler=Save", Fields("이름이 남아 있어야 함", "", subjectKo: "제목도 남음"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#bodyKo\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("이름이 남아 있어야 함", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => db.Templates.CountAsync(t => t.Id == "lg1111000000.no-body")));
    }

    [Fact]
    public async Task Another_agencys_template_id_and_an_id_outside_the_agency_prefix_are_not_found()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var api = await factory.AgencyClientAsync("NHIS");
        var saved = await api.PutAsJsonAsync("/api/notifications/templates/nhis.secret-one", new { name = "NHIS", kind = "general", subjectKo = "제목", bodyKo = "본문" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{List}/nhis.secret-one", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{List}/mois.not-ours", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_built_in_template_is_shown_read_only_without_a_save_button()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);

        var html = await client.GetStringAsync(new Uri($"{List}/identity.enrolment-code?culture=en", UriKind.Relative));

        Assert.Contains("read-only (Nara built-in)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Save", html, StringComparison.Ordinal);
    }
}
