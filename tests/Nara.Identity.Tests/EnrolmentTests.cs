using System.Net;
using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Testing;
using static Nara.Identity.Tests.IdentityForms;

namespace Nara.Identity.Tests;

public sealed class EnrolmentTests(EnrolmentTests.Factory factory) : IClassFixture<EnrolmentTests.Factory>
{
    public const string DemoCode = "246810";

    [Fact]
    public async Task A_persona_enrols_with_the_demo_code_and_gets_a_ticket_to_register_a_passkey()
    {
        var persona = DemoPersonas.MotherOfNewborn;
        var client = factory.Browser();
        var (started, challenge) = await client.StartEnrolmentAsync(persona.ResidentNumber.Replace("-", "", StringComparison.Ordinal), persona.NameKo);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.NotNull(challenge);

        // The code request went to Identity's outbox with the stored hash: template, kind, channel, personalisation.
        var request = (await factory.CodeRequestsAsync()).Single(r => r.GetProperty("idempotencyKey").GetString() == $"enrolment:{challenge:N}");
        Assert.Equal("identity.enrolment-code", request.GetProperty("templateId").GetString());
        Assert.Equal("security", request.GetProperty("kind").GetString());
        Assert.Equal("sms", request.GetProperty("channel").GetString());
        Assert.Equal(DemoCode, request.GetProperty("personalisation").GetProperty("code").GetString());
        Assert.Equal(persona.NameKo, request.GetProperty("personalisation").GetProperty("name").GetString());
        var stored = await factory.InIdentityAsync(db => db.ProofingChallenges.SingleAsync(c => c.Id == challenge));
        Assert.NotEqual(DemoCode, stored.CodeHash);
        Assert.DoesNotContain(DemoCode, stored.CodeHash, StringComparison.Ordinal);

        var verified = await client.EnterCodeAsync(challenge!.Value, DemoCode);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("/enrol/passkey", verified.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(U("/enrol/passkey"))).StatusCode);

        var accounts = await factory.InIdentityAsync(db => db.Accounts.Where(a => a.DisplayName == persona.NameKo && a.ResidentId != null).CountAsync());
        Assert.Equal(1, accounts);
    }

    [Fact]
    public async Task Enrolling_twice_keeps_one_account_per_resident()
    {
        var persona = DemoPersonas.FatherOfNewborn;
        for (var i = 0; i < 2; i++)
        {
            var client = factory.Browser();
            var (_, challenge) = await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameEn);
            Assert.Equal(HttpStatusCode.Redirect, (await client.EnterCodeAsync(challenge!.Value, DemoCode)).StatusCode);
        }

        Assert.Equal(1, await factory.InIdentityAsync(db => db.Accounts.CountAsync(a => a.DisplayName == persona.NameKo)));
    }

    [Fact]
    public async Task Without_an_enrolment_ticket_the_passkey_step_sends_the_person_back_to_enrolment()
    {
        var response = await factory.Browser().GetAsync(U("/enrol/passkey"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/enrol", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_expires_after_ten_minutes_and_nothing_is_created()
    {
        var persona = DemoPersonas.ElderlyAlone;
        var client = factory.Browser();
        var (_, challenge) = await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameKo);
        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var response = await client.EnterCodeAsync(challenge!.Value, DemoCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("유효 시간", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InIdentityAsync(db => db.Accounts.CountAsync(a => a.DisplayName == persona.NameKo)));
    }

    [Fact]
    public async Task Five_wrong_codes_spend_the_challenge_and_lock_the_resident_out_of_new_codes()
    {
        var persona = DemoPersonas.YoungJobseeker;
        var client = factory.Browser();
        var (_, challenge) = await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameKo);
        for (var i = 1; i <= 4; i++)
        {
            var wrong = await client.EnterCodeAsync(challenge!.Value, "000000");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains($"{5 - i}번 더", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.EnterCodeAsync(challenge!.Value, "000000")).StatusCode);
        // Even the right code no longer works on a spent challenge.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.EnterCodeAsync(challenge.Value, DemoCode)).StatusCode);
        var again = await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameKo);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.Response.StatusCode);
        Assert.Null(again.Challenge);
        Assert.Equal(0, await factory.InIdentityAsync(db => db.Accounts.CountAsync(a => a.DisplayName == persona.NameKo)));
    }

    [Fact]
    public async Task A_fourth_code_within_an_hour_is_refused()
    {
        var persona = DemoPersonas.SingleParent;
        var client = factory.Browser();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameKo)).Challenge);
        }

        var fourth = await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameKo);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Response.StatusCode);
        Assert.Contains("너무 여러 번", await fourth.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_read_from_the_notification_request_works_once()
    {
        var persona = DemoPersonas.DisabledAdult;
        var client = factory.Browser();
        var (_, challenge) = await client.StartEnrolmentAsync(persona.ResidentNumber, persona.NameKo);
        var code = await factory.CodeForAsync(challenge!.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await client.EnterCodeAsync(challenge.Value, code)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Browser().EnterCodeAsync(challenge.Value, code)).StatusCode);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("abc", "김서연")]
    [InlineData("930514-2101236", "")]
    [InlineData("930514-2101236", "다른사람")]
    [InlineData("000000-0000000", "김서연")]
    [InlineData("93051421012369999999999", "김서연")]
    [InlineData("930514-2101236'; DROP TABLE x; --", "김서연")]
    public async Task Bad_enrolment_input_is_refused_plainly_and_writes_nothing(string number, string name)
    {
        var before = await factory.InIdentityAsync(db => db.ProofingChallenges.CountAsync());
        var (response, challenge) = await factory.Browser().StartEnrolmentAsync(number, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(challenge);
        Assert.Contains("다시 확인해 주세요", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.InIdentityAsync(db => db.ProofingChallenges.CountAsync()));
    }

    [Theory]
    [InlineData("not-a-guid", "123456")]
    [InlineData("00000000-0000-0000-0000-000000000000", "")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "123456")]
    public async Task A_code_for_an_unknown_challenge_is_refused_without_an_error_page(string challenge, string code)
    {
        var client = factory.Browser();
        var response = await client.PostFormAsync("/enrol/verify", "/enrol/verify", ("challenge", challenge), ("Code", code));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("처음부터 다시", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class Factory : NaraFactory
    {
        public Factory()
        {
            With("Nara:Identity:DemoEnrolmentCode", DemoCode);
            With("Nara:Identity:SignInPermitsPerMinute", "1000");
        }
    }
}
