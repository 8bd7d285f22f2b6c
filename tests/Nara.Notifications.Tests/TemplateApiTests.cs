using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nara.Notifications.Tests;

/// <summary>Templates through the HTTP API: versions, preview, and refusals.</summary>
public class TemplateApiTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>
{
    private static object Template(string body, string kind = "due-dates", string name = "건강검진 안내") => new
    {
        name,
        kind,
        subjectKo = "((name))님, 건강검진 안내",
        bodyKo = body,
        smsBodyKo = "((name))님 건강검진 대상입니다.",
        subjectEn = "((name)), your health check-up",
        bodyEn = "Dear ((name)), you are due a check-up.((late?? It is overdue.))",
    };

    [Fact]
    public async Task Saving_a_template_again_adds_version_2_and_version_1_stays_readable()
    {
        var client = await factory.AgencyClientAsync();

        var first = await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-versions", Template("첫 번째 본문 ((name))"));
        var second = await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-versions", Template("두 번째 본문 ((name))"));
        var latest = await client.GetFromJsonAsync<JsonElement>("/api/notifications/templates/nhis.checkup-versions");
        var v1 = await client.GetFromJsonAsync<JsonElement>("/api/notifications/templates/nhis.checkup-versions?version=1");

        Assert.Equal(1, (await first.ReadAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await second.ReadAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal("두 번째 본문 ((name))", latest.GetProperty("template").GetProperty("bodyKo").GetString());
        Assert.Equal([1, 2], latest.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal("첫 번째 본문 ((name))", v1.GetProperty("template").GetProperty("bodyKo").GetString());
    }

    [Fact]
    public async Task A_send_after_a_new_version_uses_the_new_version()
    {
        var client = await factory.AgencyClientAsync();
        await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-send", Template("옛 본문 ((name))"));
        await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-send", Template("새 본문 ((name))"));

        var response = await client.PostAsJsonAsync("/api/notifications/messages", new
        {
            templateId = "nhis.checkup-send",
            recipient = new { email = "versioned@example.kr" },
            personalisation = new Dictionary<string, string> { ["name"] = "홍길동" },
            idempotencyKey = "versioned-1",
        });
        var id = (await response.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();

        var message = await factory.MessageAsync(id);
        Assert.Equal(2, message.TemplateVersion);
        Assert.Equal("새 본문 홍길동", message.Body.Trim());
    }

    [Fact]
    public async Task Preview_fills_in_given_values_shows_samples_for_the_rest_and_counts_SMS_bytes()
    {
        var client = await factory.AgencyClientAsync();
        await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-preview", Template("((name))님, ((year))년 검진 대상입니다.((late?? 기한이 지났습니다.))"));

        var response = await client.PostAsJsonAsync("/api/notifications/templates/nhis.checkup-preview/preview", new { language = "ko", personalisation = new Dictionary<string, string> { ["name"] = "김민지" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.ReadAsync<JsonElement>();
        Assert.Equal("김민지님, 건강검진 안내", preview.GetProperty("subject").GetString());
        var text = preview.GetProperty("text").GetString()!;
        Assert.Contains("[year]년", text, StringComparison.Ordinal);
        Assert.Contains("기한이 지났습니다.", text, StringComparison.Ordinal);
        Assert.Equal(["late", "year"], preview.GetProperty("sampleValuesUsed").EnumerateArray().Select(v => v.GetString()).Order());
        // "김민지님 건강검진 대상입니다." : 13 Korean characters × 2 bytes + 2 spaces + 1 full stop.
        Assert.Equal(29, preview.GetProperty("smsBytes").GetInt32());
        Assert.Equal("sms", preview.GetProperty("smsClass").GetString());
        Assert.Contains("lang=\"ko\"", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_in_English_uses_the_English_variant()
    {
        var client = await factory.AgencyClientAsync();
        await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-english", Template("본문 ((name))"));

        var preview = await (await client.PostAsJsonAsync("/api/notifications/templates/nhis.checkup-english/preview", new { language = "en", personalisation = new Dictionary<string, string> { ["name"] = "Minji", ["late"] = "no" } })).ReadAsync<JsonElement>();

        Assert.Equal("Minji, your health check-up", preview.GetProperty("subject").GetString());
        Assert.Equal("Dear Minji, you are due a check-up.", preview.GetProperty("text").GetString()!.Trim());
    }

    [Theory]
    [InlineData("nhis.bad-shape!", "due-dates", "건강검진 안내", "id")]
    [InlineData("mohw.not-ours", "due-dates", "건강검진 안내", "id")]
    [InlineData("nhis.no-kind", "weather", "건강검진 안내", "kind")]
    [InlineData("nhis.no-name", "due-dates", " ", "name")]
    public async Task A_template_with_bad_input_is_refused_naming_the_field_and_nothing_is_saved(string id, string kind, string name, string field)
    {
        var client = await factory.AgencyClientAsync();

        var response = await client.PutAsJsonAsync($"/api/notifications/templates/{id}", Template("본문", kind, name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/templates/{id}")).StatusCode);
    }

    [Fact]
    public async Task Previewing_an_unknown_template_is_404_and_an_unknown_language_is_400()
    {
        var client = await factory.AgencyClientAsync();
        await client.PutAsJsonAsync("/api/notifications/templates/nhis.checkup-lang", Template("본문"));

        var unknown = await client.PostAsJsonAsync("/api/notifications/templates/nhis.nothing-here/preview", new { language = "ko" });
        var language = await client.PostAsJsonAsync("/api/notifications/templates/nhis.checkup-lang/preview", new { language = "fr" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.True((await language.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("language", out _));
    }

    [Fact]
    public async Task Another_agencys_template_can_be_neither_read_nor_used()
    {
        var nhis = await factory.AgencyClientAsync("NHIS");
        var mohw = await factory.AgencyClientAsync("MOHW");
        await nhis.PutAsJsonAsync("/api/notifications/templates/nhis.private", Template("본문 ((name))"));

        var read = await mohw.GetAsync("/api/notifications/templates/nhis.private");
        var send = await mohw.PostAsJsonAsync("/api/notifications/messages", new
        {
            templateId = "nhis.private",
            recipient = new { email = "x@example.kr" },
            personalisation = new Dictionary<string, string> { ["name"] = "x" },
            idempotencyKey = "other-agency",
        });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.True((await send.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("templateId", out _));
    }
}
