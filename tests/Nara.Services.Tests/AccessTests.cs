using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Nara.Testing;

namespace Nara.Services.Tests;

public sealed class AccessTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    [Theory]
    [InlineData("/my/applications")]
    [InlineData("/services/parental-benefit/apply")]
    [InlineData("/officials/cases")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_sees_only_their_own_applications()
    {
        var (_, mother) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var other = await factory.SignedInAsAsync(await factory.CreateCitizenAsync("다른시민"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my/applications/{id}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync(new Uri("/my/applications", UriKind.Relative)), StringComparison.Ordinal);
        var letterless = await other.GetAsync(new Uri($"/services/parental-benefit/apply/{id}/steps/0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, letterless.StatusCode);
    }

    [Fact]
    public async Task An_official_sees_only_their_own_agencys_cases()
    {
        var (_, mother) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "happy-birth-onestop", 3, ServicesFactory.HappyBirthAnswers);
        var cases = await factory.CasesOfAsync(id);
        var courtCase = cases.Single(c => c.Agency == "SCOURT").Id;
        var welfareCase = cases.First(c => c.Agency == "MOHW").Id;
        var (_, welfare) = await factory.OfficialAsync("MOHW", "caseworker");

        Assert.Equal(HttpStatusCode.OK, (await welfare.GetAsync(new Uri($"/officials/agencies/MOHW/cases/{welfareCase}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await welfare.GetAsync(new Uri($"/officials/agencies/MOHW/cases/{courtCase}", UriKind.Relative))).StatusCode);
        await AssertDeniedAsync(welfare, new Uri($"/officials/agencies/SCOURT/cases/{courtCase}", UriKind.Relative));
        await AssertDeniedAsync(welfare, new Uri("/officials/agencies/SCOURT/cases", UriKind.Relative));
        var queue = await welfare.GetStringAsync(new Uri("/officials/agencies/MOHW/cases", UriKind.Relative));
        Assert.Contains(welfareCase.ToString(), queue, StringComparison.Ordinal);
        Assert.DoesNotContain(courtCase.ToString(), queue, StringComparison.Ordinal);
        var redirect = await welfare.GetAsync(new Uri("/officials/cases", UriKind.Relative));
        Assert.Equal("/officials/agencies/MOHW/cases", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_citizen_cannot_open_the_officials_queue_and_an_official_cannot_apply()
    {
        var (_, mother) = await factory.MotherAsync();
        var (_, official) = await factory.OfficialAsync("MOHW", "caseworker");

        await AssertDeniedAsync(mother, new Uri("/officials/agencies/MOHW/cases", UriKind.Relative));
        await AssertDeniedAsync(official, new Uri("/services/parental-benefit/apply", UriKind.Relative));
    }

    /// <summary>Pages answer a refusal by sending the reader to the access-denied page.</summary>
    private static async Task AssertDeniedAsync(HttpClient client, Uri path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_without_a_case_role_cannot_work_cases()
    {
        var (_, mother) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var (_, viewer) = await factory.OfficialAsync("MOHW", "registry-viewer");

        var response = await ApplyJourneyTests.Act(viewer, $"/officials/agencies/MOHW/cases/{caseId}", "Assign", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Assert.Single(await factory.CasesOfAsync(id)).AssignedTo);
    }

    [Fact]
    public async Task The_registration_api_refuses_callers_without_the_registration_scope()
    {
        var anonymous = factory.CreateClient();
        var wrongScope = await factory.AgencySystemAsync("MOHW", "registries:residents:read");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/govstack/registration/tasks", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongScope.GetAsync(new Uri("/govstack/registration/tasks", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/govstack/registration/services/parental-benefit/applications", new { applicantId = Guid.NewGuid() })).StatusCode);
    }

    [Fact]
    public async Task An_agency_system_cannot_complete_another_agencys_task()
    {
        var (_, mother) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var court = await factory.AgencySystemAsync("SCOURT");

        var response = await court.PostAsJsonAsync($"/govstack/registration/tasks/{caseId}/complete", new { data = new { decision = "APPROVED" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await court.GetAsync(new Uri($"/govstack/registration/applications/{id}", UriKind.Relative))).StatusCode);
    }
}
