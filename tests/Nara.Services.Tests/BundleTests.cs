using System.Net;
using System.Net.Http.Json;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Tests;

public sealed class BundleTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    [Fact]
    public async Task A_happy_birth_application_creates_one_case_per_service_in_each_owning_agency()
    {
        var (_, citizen) = await factory.MotherAsync();

        var id = await ServicesFactory.ApplyAsync(citizen, "happy-birth-onestop", 3, ServicesFactory.HappyBirthAnswers);

        var cases = await factory.CasesOfAsync(id);
        Assert.Equal(["birth-registration", "child-allowance", "first-meeting-voucher", "home-care-allowance", "parental-benefit"], cases.Select(c => c.ServiceSlug));
        Assert.Equal("SCOURT", cases.Single(c => c.ServiceSlug == "birth-registration").Agency);
        Assert.All(cases.Where(c => c.ServiceSlug != "birth-registration"), c => Assert.Equal("MOHW", c.Agency));
        Assert.All(cases, c => Assert.Equal(CaseStatuses.Submitted, c.Status));
    }

    [Fact]
    public async Task Partial_decisions_show_each_case_with_its_own_status()
    {
        var (_, citizen) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(citizen, "happy-birth-onestop", 3, ServicesFactory.HappyBirthAnswers);
        var cases = await factory.CasesOfAsync(id);
        var system = await factory.AgencySystemAsync("MOHW");

        var approve = await system.PostAsJsonAsync($"/govstack/registration/tasks/{cases.Single(c => c.ServiceSlug == "child-allowance").Id}/complete", new { data = new { decision = "APPROVED" } });
        var reject = await system.PostAsJsonAsync($"/govstack/registration/tasks/{cases.Single(c => c.ServiceSlug == "home-care-allowance").Id}/complete",
            new { data = new { decision = "REJECTED", reason = "만 24개월 미만 아동은 부모급여 대상입니다." } });

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        var after = await factory.CasesOfAsync(id);
        Assert.Equal(CaseStatuses.Approved, after.Single(c => c.ServiceSlug == "child-allowance").Status);
        Assert.Equal(CaseStatuses.Rejected, after.Single(c => c.ServiceSlug == "home-care-allowance").Status);
        Assert.Equal(3, after.Count(c => c.Status == CaseStatuses.Submitted));
        var page = await citizen.GetStringAsync(new Uri($"/my/applications/{id}?culture=en", UriKind.Relative));
        Assert.Contains("Approved", page, StringComparison.Ordinal);
        Assert.Contains("Rejected", page, StringComparison.Ordinal);
        Assert.Contains("부모급여 대상입니다", page, StringComparison.Ordinal);
        Assert.Equal(2, (await factory.InDbAsync(db => Task.FromResult(db.Documents.Count(d => d.ApplicationId == id && d.Kind == DocumentKinds.DecisionLetter)))));
    }

    [Fact]
    public async Task An_invalid_bundle_application_creates_nothing()
    {
        var (account, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOIS");
        var before = await factory.InDbAsync(db => Task.FromResult((db.Applications.Count(), db.Cases.Count())));
        var answers = ServicesFactory.HappyBirthAnswers.ToDictionary(kv => kv.Key, kv => kv.Value);
        answers["account"] = "not-a-number";
        answers.Remove("childName");

        var response = await system.PostAsJsonAsync("/govstack/registration/services/happy-birth-onestop/applications",
            new { applicantId = account, formData = new { eFormId = "happy-birth-onestop-form", data = answers } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("formData.data.account", problem, StringComparison.Ordinal);
        Assert.Contains("formData.data.childName", problem, StringComparison.Ordinal);
        Assert.Equal(before, await factory.InDbAsync(db => Task.FromResult((db.Applications.Count(), db.Cases.Count()))));
    }
}
