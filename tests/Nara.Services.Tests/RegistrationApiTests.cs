using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Tests;

public sealed class RegistrationApiTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    internal static object Body(Guid applicant) => new
    {
        applicantId = applicant,
        applicationName = "부모급여 신청",
        formData = new { eFormId = "parental-benefit-form", data = new Dictionary<string, object>
        {
            ["applicantName"] = "김서연", ["applicantAddress"] = "서울특별시 종로구 세종대로 209", ["phone"] = "010-1234-5678",
            ["childName"] = "이하린", ["childBirthDate"] = "2026-02-20", ["inDaycare"] = false, ["bank"] = "kb", ["account"] = "123456-01-123456",
        } },
        documentUrls = Array.Empty<string>(),
    };

    [Fact]
    public async Task An_agency_system_submits_lists_and_completes_as_the_registration_building_block_describes()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOHW");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/govstack/registration/services/parental-benefit/applications") { Content = JsonContent.Create(Body(applicant)) };
        request.Headers.Add("Idempotency-Key", "api-test-1");
        var submitted = await system.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var file = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var fileId = file.GetProperty("fileId").GetString()!;
        Assert.Equal("PENDING", file.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal("parental-benefit", file.GetProperty("serviceKey").GetString());
        Assert.False(file.GetProperty("ended").GetBoolean());

        var list = await system.GetFromJsonAsync<JsonElement>($"/govstack/registration/applications?applicantId={applicant}");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("fileId").GetString() == fileId);
        var tasks = await system.GetFromJsonAsync<JsonElement>($"/govstack/registration/tasks?fileId={fileId}");
        var taskId = Assert.Single(tasks.EnumerateArray()).GetProperty("taskId").GetString();

        var completed = await system.PostAsJsonAsync($"/govstack/registration/tasks/{taskId}/complete", new { data = new { decision = "APPROVED" } });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("APPROVED", done.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal(fileId, done.GetProperty("fileId").GetString());
        var again = await system.GetFromJsonAsync<JsonElement>($"/govstack/registration/applications/{fileId}");
        Assert.True(again.GetProperty("ended").GetBoolean());
        var stats = await system.GetFromJsonAsync<JsonElement>("/govstack/registration/data/statistics?serviceKey=parental-benefit");
        Assert.True(Assert.Single(stats.EnumerateArray()).GetProperty("approved").GetInt32() >= 1);
    }

    [Fact]
    public async Task Retrying_with_the_same_idempotency_key_returns_the_first_application()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOHW");
        async Task<string> SubmitAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/govstack/registration/services/parental-benefit/applications") { Content = JsonContent.Create(Body(applicant)) };
            request.Headers.Add("Idempotency-Key", "retry-me");
            var response = await system.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileId").GetString()!;
        }

        var first = await SubmitAsync();
        var second = await SubmitAsync();

        Assert.Equal(first, second);
        Assert.Single(await factory.CasesOfAsync(Guid.Parse(first)));
    }

    [Theory]
    [InlineData("no-such-service", "5f0c8f4e-0000-4000-8000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("parental-benefit", "not-a-uuid", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_problem_details(string service, string applicantId, HttpStatusCode expected)
    {
        var system = await factory.AgencySystemAsync("MOHW");

        var response = await system.PostAsJsonAsync($"/govstack/registration/services/{service}/applications", new { applicantId });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_application_for_someone_without_a_citizen_account_is_refused_and_creates_nothing()
    {
        var system = await factory.AgencySystemAsync("MOHW");
        var (official, _) = await factory.OfficialAsync("MOHW", "caseworker");

        foreach (var applicant in new[] { Guid.NewGuid(), official })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/govstack/registration/services/parental-benefit/applications") { Content = JsonContent.Create(Body(applicant)) };
            request.Headers.Add("Idempotency-Key", $"no-account-{applicant}");
            var response = await system.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("citizen account", problem.GetProperty("errors").GetProperty("applicantId")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(0, await factory.InDbAsync(db => db.Applications.CountAsync(a => a.ApplicantAccountId == applicant)));
        }
    }

    [Fact]
    public async Task Completing_with_an_unknown_decision_is_refused_and_changes_nothing()
    {
        var (_, mother) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var system = await factory.AgencySystemAsync("MOHW");

        var response = await system.PostAsJsonAsync($"/govstack/registration/tasks/{caseId}/complete", new { data = new { decision = "MAYBE" } });
        var rejectWithoutReason = await system.PostAsJsonAsync($"/govstack/registration/tasks/{caseId}/complete", new { data = new { decision = "REJECTED" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejectWithoutReason.StatusCode);
        Assert.Equal(CaseStatuses.Submitted, Assert.Single(await factory.CasesOfAsync(id)).Status);
    }

    [Fact]
    public async Task Statistics_are_open_data_as_a_page_and_as_json()
    {
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/statistics/services", UriKind.Relative))).StatusCode);
        Assert.Equal(JsonValueKind.Array, (await anonymous.GetFromJsonAsync<JsonElement>("/api/services/statistics")).ValueKind);
    }
}
