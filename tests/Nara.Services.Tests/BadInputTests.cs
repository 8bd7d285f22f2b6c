using System.Net;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Tests;

public sealed class BadInputTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    [Fact]
    public async Task Wrong_fields_are_reported_one_by_one_and_what_was_typed_is_kept()
    {
        var (_, citizen) = await factory.MotherAsync();
        var (id, _) = await ServicesFactory.StartAsync(citizen, "parental-benefit");
        var step = $"/services/parental-benefit/apply/{id}/steps/1";

        var response = await ServicesFactory.PostAsync(citizen, step, [new("childName", "이하린"), new("childBirthDate", "2031-01-01"), new("action", "next")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"이하린\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2031-01-01\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-childBirthDate\"", html, StringComparison.Ordinal);
        Assert.Contains("이전 날짜여야 합니다", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-inDaycare-first\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>오류:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_in_english_for_an_english_reader()
    {
        var (_, citizen) = await factory.MotherAsync();
        var (id, _) = await ServicesFactory.StartAsync(citizen, "parental-benefit");

        var response = await ServicesFactory.PostAsync(citizen, $"/services/parental-benefit/apply/{id}/steps/0?culture=en", [new("phone", "12345"), new("action", "next")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("enter a Korean phone number like 010-1234-5678", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_twice_with_the_same_key_opens_one_draft()
    {
        var (account, citizen) = await factory.MotherAsync();
        var (id, key) = await ServicesFactory.StartAsync(citizen, "child-allowance");

        var again = await ServicesFactory.PostAsync(citizen, "/services/child-allowance/apply", [new("idempotencyKey", key)]);

        Assert.Contains(id.ToString(), again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await factory.InDbAsync(db => Task.FromResult(db.Applications.Count(a => a.ApplicantAccountId == account && a.IdempotencyKey == key))));
    }

    [Fact]
    public async Task Submitting_twice_creates_one_application_and_one_set_of_cases()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "happy-birth-onestop", 3, ServicesFactory.HappyBirthAnswers);
        var html = await citizen.GetStringAsync(new Uri($"/my/applications/{id}", UriKind.Relative));

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", Nara.Testing.OfficialAccounts.AntiforgeryToken(html))]);
        var second = await citizen.PostAsync(new Uri($"/services/happy-birth-onestop/apply/{id}/review", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(5, (await factory.CasesOfAsync(id)).Count);
    }

    [Fact]
    public async Task Submitting_with_a_missing_answer_sends_the_citizen_back_and_creates_no_case()
    {
        var (_, citizen) = await factory.MotherAsync();
        var (id, _) = await ServicesFactory.StartAsync(citizen, "parental-benefit");

        var response = await ServicesFactory.PostAsync(citizen, $"/services/parental-benefit/apply/{id}/review", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"/services/parental-benefit/apply/{id}/steps/0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.CasesOfAsync(id));
    }

    [Fact]
    public async Task An_official_acting_on_a_stale_page_is_told_to_reload_and_nothing_is_written()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var (_, first) = await factory.OfficialAsync("MOHW", "caseworker", "첫째");
        var (_, second) = await factory.OfficialAsync("MOHW", "caseworker", "둘째");
        var url = $"/officials/agencies/MOHW/cases/{caseId}";
        var stale = await second.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyJourneyTests.Act(first, url, "Assign", [])).StatusCode);

        using var content = new FormUrlEncodedContent([new("version", ServicesFactory.VersionOf(stale)), new("text", "늦은 의견"),
            new("__RequestVerificationToken", Nara.Testing.OfficialAccounts.AntiforgeryToken(stale))]);
        var late = await second.PostAsync(new Uri($"{url}?handler=Comment", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("새로고침", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.InDbAsync(db => Task.FromResult(db.CaseEvents.Where(e => e.CaseId == caseId).Select(e => e.Comment).ToList())), c => c == "늦은 의견");
    }

    [Fact]
    public async Task An_official_may_not_approve_their_own_draft()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var (_, both) = await factory.OfficialAsync("MOHW", "caseworker approver", "겸직");
        var (_, reviewer) = await factory.OfficialAsync("MOHW", "caseworker", "검토");
        var url = $"/officials/agencies/MOHW/cases/{caseId}";
        await ApplyJourneyTests.Act(both, url, "Assign", []);
        await ApplyJourneyTests.Act(both, url, "Draft", [new("decision", "rejected"), new("reason", "소득 기준 초과")]);
        await ApplyJourneyTests.Act(reviewer, url, "Review", [new("verdict", "agree")]);

        var response = await ApplyJourneyTests.Act(both, url, "Decide", [new("verdict", "sign")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("자신이 기안한 건은 결재할 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseStatuses.InReview, Assert.Single(await factory.CasesOfAsync(id)).Status);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var (_, official) = await factory.OfficialAsync("MOHW", "caseworker");
        var url = $"/officials/agencies/MOHW/cases/{caseId}";
        await ApplyJourneyTests.Act(official, url, "Assign", []);

        var response = await ApplyJourneyTests.Act(official, url, "Draft", [new("decision", "rejected"), new("reason", "  ")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Assert.Single(await factory.CasesOfAsync(id)).DraftedAt);
    }
}
