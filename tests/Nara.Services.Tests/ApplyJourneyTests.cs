using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;
using Nara.Services.Domain.Applications;
using Nara.Testing;

namespace Nara.Services.Tests;

public sealed class ApplyJourneyTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    [Fact]
    public async Task A_citizen_applies_and_an_approval_line_approves_with_a_decision_letter()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var page = await citizen.GetStringAsync(new Uri($"/my/applications/{id}?submitted=1", UriKind.Relative));
        Assert.Contains("신청을 접수했습니다", page, StringComparison.Ordinal);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;

        var (_, drafter) = await factory.OfficialAsync("MOHW", "caseworker", "기안자");
        var (_, reviewer) = await factory.OfficialAsync("MOHW", "caseworker", "검토자");
        var (_, approver) = await factory.OfficialAsync("MOHW", "approver", "결재권자");
        var url = $"/officials/agencies/MOHW/cases/{caseId}";
        Assert.Equal(HttpStatusCode.Redirect, (await Act(drafter, url, "Assign", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(drafter, url, "Draft", [new("decision", "approved"), new("reason", "요건 충족")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(reviewer, url, "Review", [new("verdict", "agree")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(approver, url, "Decide", [new("verdict", "sign")])).StatusCode);

        var decided = Assert.Single(await factory.CasesOfAsync(id));
        Assert.Equal(CaseStatuses.Approved, decided.Status);
        Assert.NotNull(decided.LetterDocumentId);
        var mine = await citizen.GetStringAsync(new Uri($"/my/applications/{id}", UriKind.Relative));
        Assert.Contains("승인", mine, StringComparison.Ordinal);
        var letter = await citizen.GetAsync(new Uri($"/my/applications/{id}?handler=Document&documentId={decided.LetterDocumentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Contains("승인 통지서", await letter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var agencyCopy = await approver.GetAsync(new Uri($"{url}?handler=Document&documentId={decided.LetterDocumentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, agencyCopy.StatusCode);
        var events = await factory.OutboxTypesAsync();
        Assert.Contains(events, t => t.Contains(nameof(ApplicationSubmitted), StringComparison.Ordinal));
        Assert.Contains(events, t => t.Contains(nameof(ApplicationDecided), StringComparison.Ordinal));
        Assert.Contains(events, t => t.Contains("NotificationRequested", StringComparison.Ordinal));
        await factory.DrainOutboxAsync();
    }

    [Fact]
    public async Task Prefilled_fields_are_shown_read_only_with_their_source()
    {
        var (_, citizen) = await factory.MotherAsync();
        var (id, _) = await ServicesFactory.StartAsync(citizen, "parental-benefit");

        var html = await citizen.GetStringAsync(new Uri($"/services/parental-benefit/apply/{id}/steps/0", UriKind.Relative));

        Assert.Contains("김서연", html, StringComparison.Ordinal);
        Assert.Contains("주민등록 전산정보(행정안전부)에서 가져옴", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"applicantName\"", html, StringComparison.Ordinal);
        var english = await citizen.GetStringAsync(new Uri($"/services/parental-benefit/apply/{id}/steps/0?culture=en", UriKind.Relative));
        Assert.Contains("From the resident registry, MOIS", english, StringComparison.Ordinal);
        Assert.Contains(await factory.OutboxTypesAsync(), t => t.Contains(nameof(ApplicationPrefilled), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_prefilled_field_names_the_exchange_that_brought_it_and_the_applicant_sees_that_exchange()
    {
        var (_, citizen) = await factory.MotherAsync();
        var (id, _) = await ServicesFactory.StartAsync(citizen, "parental-benefit");
        var exchanges = await factory.InDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.PrefillExchangesJson).SingleAsync());
        var exchange = JsonDocument.Parse(exchanges).RootElement.EnumerateObject().First().Value.GetString()!;

        var html = await citizen.GetStringAsync(new Uri($"/services/parental-benefit/apply/{id}/steps/0", UriKind.Relative));
        Assert.Contains($"정보 연계 {exchange[^12..]}", html, StringComparison.Ordinal);
        await factory.DrainOutboxAsync(); // Audit records the exchange; then the page links its proof
        var access = await citizen.GetStringAsync(new Uri("/my/data/access", UriKind.Relative));
        Assert.Contains($"/my/data/access/{exchange}/proof", access, StringComparison.Ordinal);
        Assert.Contains($"application:{id:D}", access, StringComparison.Ordinal);
        Assert.Contains("본인의 신청에 따라", access, StringComparison.Ordinal); // no official: the applicant's own request
    }

    [Fact]
    public async Task Without_consent_to_prefill_the_fields_are_left_for_the_applicant_and_the_refusal_is_on_record()
    {
        var persona = DemoPersonas.YoungJobseeker;
        var account = await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        var citizen = await factory.SignedInAsAsync(account);
        var (id, _) = await ServicesFactory.StartAsync(citizen, "parental-benefit");

        var html = await citizen.GetStringAsync(new Uri($"/services/parental-benefit/apply/{id}/steps/0", UriKind.Relative));
        Assert.DoesNotContain("주민등록 전산정보(행정안전부)에서 가져옴", html, StringComparison.Ordinal);
        Assert.Contains("name=\"applicantName\"", html, StringComparison.Ordinal);
        var access = await citizen.GetStringAsync(new Uri("/my/data/access?culture=en", UriKind.Relative));
        Assert.Contains("Asked without your consent", access, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_draft_is_listed_in_my_applications_and_resumes_where_it_stopped()
    {
        var (_, citizen) = await factory.MotherAsync();
        var (id, _) = await ServicesFactory.StartAsync(citizen, "child-allowance");
        var saved = await ServicesFactory.PostAsync(citizen, $"/services/child-allowance/apply/{id}/steps/0", [new("phone", "010-2222-3333"), new("action", "save")]);
        Assert.Equal("/my/applications?saved=1", saved.Headers.Location!.OriginalString);

        var list = await citizen.GetStringAsync(new Uri("/my/applications", UriKind.Relative));

        Assert.Contains($"/services/child-allowance/apply/{id}/steps/1", list, StringComparison.Ordinal);
        var back = await citizen.GetStringAsync(new Uri($"/services/child-allowance/apply/{id}/steps/0", UriKind.Relative));
        Assert.Contains("value=\"010-2222-3333\"", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_withdraws_a_case_before_it_is_decided()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;

        var response = await ServicesFactory.PostAsync(citizen, $"/my/applications/{id}", [new("caseId", caseId.ToString())], $"/my/applications/{id}?handler=Withdraw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CaseStatuses.Withdrawn, Assert.Single(await factory.CasesOfAsync(id)).Status);
    }

    [Fact]
    public async Task An_information_request_waits_for_the_citizen_and_their_answer_returns_the_case_to_review()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var (_, official) = await factory.OfficialAsync("MOHW", "caseworker");
        var url = $"/officials/agencies/MOHW/cases/{caseId}";
        await Act(official, url, "Assign", []);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(official, url, "Request", [new("question", "통장 사본을 확인할 수 없습니다. 예금주를 알려 주세요.")])).StatusCode);
        Assert.Equal(CaseStatuses.InfoRequested, Assert.Single(await factory.CasesOfAsync(id)).Status);
        var page = await citizen.GetStringAsync(new Uri($"/my/applications/{id}", UriKind.Relative));
        Assert.Contains("예금주를 알려 주세요", page, StringComparison.Ordinal);
        var requestId = (await factory.InDbAsync(db => Task.FromResult(db.InformationRequests.Single(r => r.CaseId == caseId)))).Id;

        var answered = await ServicesFactory.PostAsync(citizen, $"/my/applications/{id}",
            [new("caseId", caseId.ToString()), new("requestId", requestId.ToString()), new("answerText", "예금주는 김서연입니다.")],
            $"/my/applications/{id}?handler=Answer");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(CaseStatuses.InReview, Assert.Single(await factory.CasesOfAsync(id)).Status);
    }

    internal static async Task<HttpResponseMessage> Act(HttpClient official, string url, string handler, KeyValuePair<string, string>[] fields)
    {
        var html = await official.GetStringAsync(new Uri(url, UriKind.Relative));
        using var content = new FormUrlEncodedContent([.. fields, new("version", ServicesFactory.VersionOf(html)), new("__RequestVerificationToken", OfficialAccounts.AntiforgeryToken(html))]);
        return await official.PostAsync(new Uri($"{url}?handler={handler}", UriKind.Relative), content);
    }
}
