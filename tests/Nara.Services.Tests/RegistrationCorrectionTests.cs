using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Forms;

namespace Nara.Services.Tests;

/// <summary>GovStack Registration: reading one task, and correcting a file the agency sent back (PUT /applications/{fileId}).</summary>
public sealed class RegistrationCorrectionTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    [Fact]
    public async Task A_sent_back_file_is_corrected_by_the_agency_system_and_goes_back_to_review()
    {
        var (fileId, taskId, system) = await SubmitAsync("correct-1");
        var task = await system.GetFromJsonAsync<JsonElement>($"/govstack/registration/tasks/{taskId}");
        Assert.Equal("PENDING", task.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal(fileId, task.GetProperty("fileId").GetString());

        var tooEarly = await PutAsync(system, fileId, new() { ["phone"] = "010-2222-3333" });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);

        var sentBack = await system.PostAsJsonAsync($"/govstack/registration/tasks/{taskId}/complete", new { data = new { decision = "SENDBACK", reason = "연락처를 확인해 주세요." } });
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        var corrected = await PutAsync(system, fileId, new() { ["phone"] = "010-2222-3333" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("PENDING", (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("code").GetString());
        var c = Assert.Single(await factory.CasesOfAsync(Guid.Parse(fileId)));
        Assert.Equal(CaseStatuses.InReview, c.Status);
        var answers = await AnswersAsync(fileId);
        Assert.Equal("010-2222-3333", answers["phone"]);
        Assert.Equal("이하린", answers["childName"]);
        var request = Assert.Single(await factory.InDbAsync(db => db.InformationRequests.AsNoTracking().Where(r => r.CaseId == c.Id).ToListAsync()));
        Assert.Contains("phone", request.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_with_a_bad_or_unknown_field_is_refused_and_changes_nothing()
    {
        var (fileId, taskId, system) = await SubmitAsync("correct-2");
        await system.PostAsJsonAsync($"/govstack/registration/tasks/{taskId}/complete", new { data = new { decision = "SENDBACK", reason = "계좌를 확인해 주세요." } });

        var unknown = await PutAsync(system, fileId, new() { ["phone"] = "010-2222-3333", ["shoeSize"] = "270" });
        var badDate = await PutAsync(system, fileId, new() { ["childBirthDate"] = "2026-02-31" });
        var empty = await PutAsync(system, fileId, []);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("formData.data.shoeSize", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("010-1234-5678", (await AnswersAsync(fileId))["phone"]);
        Assert.Equal(CaseStatuses.InfoRequested, Assert.Single(await factory.CasesOfAsync(Guid.Parse(fileId))).Status);
    }

    [Fact]
    public async Task Another_agencys_system_can_neither_read_the_task_nor_correct_the_file()
    {
        var (fileId, taskId, system) = await SubmitAsync("correct-3");
        await system.PostAsJsonAsync($"/govstack/registration/tasks/{taskId}/complete", new { data = new { decision = "SENDBACK", reason = "확인 필요" } });
        var other = await factory.AgencySystemAsync("MOEL");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/govstack/registration/tasks/{taskId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(other, fileId, new() { ["phone"] = "010-2222-3333" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.GetAsync(new Uri("/govstack/registration/tasks/not-a-task", UriKind.Relative))).StatusCode);
        Assert.Equal("010-1234-5678", (await AnswersAsync(fileId))["phone"]);
    }

    private async Task<(string FileId, string TaskId, HttpClient System)> SubmitAsync(string key)
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOHW");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/govstack/registration/services/parental-benefit/applications") { Content = JsonContent.Create(RegistrationApiTests.Body(applicant)) };
        request.Headers.Add("Idempotency-Key", key);
        var submitted = await system.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var file = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var taskId = Assert.Single(file.GetProperty("tasks").EnumerateArray()).GetProperty("taskId").GetString()!;
        return (file.GetProperty("fileId").GetString()!, taskId, system);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient system, string fileId, Dictionary<string, object> data) =>
        system.PutAsJsonAsync($"/govstack/registration/applications/{fileId}", new { formData = new { eFormId = "parental-benefit-form", data } });

    private async Task<Dictionary<string, string>> AnswersAsync(string fileId)
    {
        var id = Guid.Parse(fileId);
        return Answers.Read(await factory.InDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.AnswersJson).FirstAsync()));
    }
}
