using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Domain;
using Nara.Consent.Features.Webhooks;
using Nara.Testing;
using static Nara.Consent.Tests.ConsentForms;

namespace Nara.Consent.Tests;

/// <summary>The administrators' webhook pages: the API's rules, scope and audit, through plain forms.</summary>
public sealed class WebhookPageTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string List = "/officials/consent/webhooks";

    private static string Detail(Guid id) => $"{List}/{id}";

    private Task<Webhook?> FindAsync(Guid id) => factory.InDbAsync(db => db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id));

    private static async Task<Guid> RegisterAsync(HttpClient admin, string url)
    {
        var response = await admin.PostAsJsonAsync("/govstack/consent/config/webhook/", new { payloadUrl = url, subscribedEvents = new[] { "consent.allowed" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook").GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task An_administrator_registers_a_webhook_on_the_page_and_sees_its_secret_only_in_that_answer()
    {
        var admin = await factory.OfficialAsync("MOLIT", "administrator");
        var created = await admin.PostFormAsync(List, List + "?handler=Create",
            ("payloadUrl", "https://hooks.molit.go.kr/page"), ("events", "consent.allowed"), ("events", "data-agreement.changed"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var hook = await factory.InDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync(w => w.PayloadUrl == "https://hooks.molit.go.kr/page"));
        Assert.Equal(("MOLIT", false), (hook.OrganisationId, hook.Disabled));
        Assert.Equal(["consent.allowed", "data-agreement.changed"], hook.SubscribedEvents);
        Assert.Contains(hook.SecretKey, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var list = await admin.GetStringAsync(U(List));
        Assert.Contains("https://hooks.molit.go.kr/page", list, StringComparison.Ordinal);
        Assert.DoesNotContain(hook.SecretKey, list, StringComparison.Ordinal);
        Assert.DoesNotContain(hook.SecretKey, await admin.GetStringAsync(U(Detail(hook.Id))), StringComparison.Ordinal);

        // Registered through the same use case as the API: published for the audit log, without the secret.
        var change = await factory.InDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Type.Contains("ConsentWebhookChanged") && m.Payload.Contains(hook.Id.ToString())));
        Assert.Contains("created", change.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(hook.SecretKey, change.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?culture=ko", "https://로 시작하는", "받을 알림을 목록에서 하나 이상 고르세요")]
    [InlineData("?culture=en", "must be a full address starting with https://", "Choose at least one kind of event")]
    public async Task A_bad_address_is_refused_in_the_readers_language_and_nothing_is_stored(string culture, string message, string noEventsMessage)
    {
        var admin = await factory.OfficialAsync("KCC", "administrator");
        var refused = await admin.PostFormAsync(List + culture, List + "?handler=Create" + culture.Replace('?', '&'),
            ("payloadUrl", "http://hooks.kcc.go.kr/consent"), ("events", "consent.allowed"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("http://hooks.kcc.go.kr/consent", html, StringComparison.Ordinal); // the form keeps what was typed

        var noEvents = await admin.PostFormAsync(List + culture, List + "?handler=Create" + culture.Replace('?', '&'), ("payloadUrl", "https://hooks.kcc.go.kr/consent"));
        Assert.Equal(HttpStatusCode.BadRequest, noEvents.StatusCode);
        Assert.Contains(noEventsMessage, await noEvents.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => db.Webhooks.CountAsync(w => w.OrganisationId == "KCC")));
    }

    [Fact]
    public async Task An_administrator_of_another_agency_finds_nothing_and_changes_nothing()
    {
        var mine = await factory.OfficialAsync("MOF", "administrator");
        var theirs = await factory.OfficialAsync("MOE", "administrator");
        var id = await RegisterAsync(mine, "https://hooks.mof.go.kr/consent");
        var before = await FindAsync(id);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(U(Detail(id)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(U(Detail(id) + "/delete"))).StatusCode);
        Assert.DoesNotContain("hooks.mof.go.kr", await theirs.GetStringAsync(U(List)), StringComparison.Ordinal);
        foreach (var (handler, fields) in new (string, (string, string)[])[]
        {
            ("Toggle", [("disabled", "true")]), ("Rotate", [("graceHours", "0")]), ("Ping", []), ("Redeliver", [("delivery", Guid.NewGuid().ToString())]),
        })
        {
            var posted = await theirs.PostFormAsync(List, $"{Detail(id)}?handler={handler}", fields);
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostFormAsync(List, Detail(id) + "/delete")).StatusCode);
        var after = await FindAsync(id);
        Assert.Equal((before!.SecretKey, before.Disabled, before.Deleted), (after!.SecretKey, after.Disabled, after.Deleted));
        Assert.Equal(0, await factory.InDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.WebhookId == id)));
    }

    [Fact]
    public async Task An_official_who_is_not_an_administrator_is_refused_the_pages_and_their_forms()
    {
        var admin = await factory.OfficialAsync("MOIS", "administrator");
        var caseworker = await factory.OfficialAsync("MOIS", "caseworker");
        var id = await RegisterAsync(admin, "https://hooks.mois.go.kr/consent");

        foreach (var path in new[] { List, Detail(id), Detail(id) + "/delete" })
        {
            var refused = await caseworker.GetAsync(U(path));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/error/403", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync(refused.Headers.Location)).StatusCode);
        }

        // A form post (token from a page the official may open) is refused the same way and stores nothing.
        var token = OfficialAccounts.AntiforgeryToken(await caseworker.GetStringAsync(U("/officials")));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["payloadUrl"] = "https://hooks.mois.go.kr/other", ["events"] = "consent.allowed", ["__RequestVerificationToken"] = token,
        });
        var posted = await caseworker.PostAsync(U(List + "?handler=Create"), form);
        Assert.Contains("/error/403", posted.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => db.Webhooks.CountAsync(w => w.PayloadUrl == "https://hooks.mois.go.kr/other")));
    }

    [Fact]
    public async Task An_administrator_rotates_the_secret_pauses_tests_resends_and_deletes_a_webhook_on_the_page()
    {
        using var receiver = new WebhookReceiver();
        var admin = await factory.OfficialAsync("MOGEF", "administrator");
        var id = await RegisterAsync(admin, receiver.Url);
        var original = (await FindAsync(id))!.SecretKey;

        var tooLong = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Rotate", ("graceHours", "200"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("0에서 168시간", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(original, (await FindAsync(id))!.SecretKey);
        var notANumber = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Rotate", ("graceHours", "하루"));
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        var badSwitch = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Toggle", ("disabled", "maybe"));
        Assert.Equal(HttpStatusCode.BadRequest, badSwitch.StatusCode);
        var unchanged = (await FindAsync(id))!;
        Assert.Equal((original, false), (unchanged.SecretKey, unchanged.Disabled));

        var rotated = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Rotate", ("graceHours", "24"));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var hook = (await FindAsync(id))!;
        Assert.NotEqual(original, hook.SecretKey);
        Assert.Equal(original, hook.PreviousSecretKey);
        Assert.Contains(hook.SecretKey, await rotated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("no-store", rotated.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var paused = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Toggle", ("disabled", "true"));
        Assert.Equal((HttpStatusCode.Redirect, $"{Detail(id)}?done=disabled"), (paused.StatusCode, paused.Headers.Location?.ToString()));
        Assert.True((await FindAsync(id))!.Disabled);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Toggle", ("disabled", "false"))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Ping")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().DeliverDueAsync(CancellationToken.None));
        }

        var delivery = await factory.InDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.WebhookId == id));
        var page = await admin.GetStringAsync(U(Detail(id)));
        Assert.Contains("전달됨", page, StringComparison.Ordinal);
        Assert.Contains(">204<", page, StringComparison.Ordinal);
        var resent = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Redeliver", ("delivery", delivery.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(WebhookStatuses.Pending, await factory.InDbAsync(db => db.WebhookDeliveries.Where(d => d.Id == delivery.Id).Select(d => d.Status).SingleAsync()));
        var again = await admin.PostFormAsync(Detail(id), Detail(id) + "?handler=Redeliver", ("delivery", delivery.Id.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // still on its way
        Assert.Contains("아직 보내는 중인 알림입니다", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(U(Detail(id) + "/delete"))).StatusCode);
        var deleted = await admin.PostFormAsync(Detail(id) + "/delete", Detail(id) + "/delete");
        Assert.Equal((HttpStatusCode.Redirect, $"{List}?done=deleted"), (deleted.StatusCode, deleted.Headers.Location?.ToString()));
        Assert.True((await FindAsync(id))!.Deleted);

        var changes = await factory.InDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("ConsentWebhookChanged") && m.Payload.Contains(id.ToString())).Select(m => m.Payload).ToListAsync());
        foreach (var change in new[] { "created", "secret-rotated", "disabled", "enabled", "redelivery-requested", "deleted" })
        {
            Assert.Contains(changes, p => p.Contains($"\"{change}\"", StringComparison.Ordinal));
        }
    }
}
