using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// E-certificates other than the mobile ID: the records come from the registries through the information mediator,
/// the certificate verifies with key binding, claims can be disclosed one by one, and the read is in the citizen's
/// access log.
/// </summary>
public sealed class CertificateTests(CredentialsFactory factory) : CertificateTestKit(factory), IClassFixture<CredentialsFactory>
{
    [Fact]
    public async Task The_credential_types_list_every_certificate_including_school_graduation()
    {
        var types = await Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/credentials/types");

        var ids = types.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Equal(
            ["resident-id", "resident-registration-abstract", "resident-registration-copy", "family-relations", "income", "health-insurance", "disability", "business-registration", "school-graduation", "decision-letter"],
            ids);
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("vct").GetString() == "urn:kr:go:nara:vct:school-graduation:1" && t.GetProperty("name").GetProperty("ko").GetString() == "졸업증명서");
    }

    [Fact]
    public async Task A_resident_registration_abstract_states_the_registered_address_and_moved_in_date()
    {
        var issued = await IssueAsync(DemoPersonas.FatherOfNewborn, "resident-registration-abstract");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.ResidentRegistrationAbstract);
        var records = await RecordsAsync(DemoPersonas.FatherOfNewborn);
        Assert.Equal("이준호", S(claims["name"]));
        Assert.Equal("1991-03-02", S(claims["birthdate"]));
        Assert.Equal(records.Registration!.AddressKo, S(claims["address"]!["formatted"]));
        Assert.Equal(records.Registration.PostalCode, S(claims["address"]!["postal_code"]));
        Assert.Equal(records.Registration.MovedInOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), S(claims["moved_in_on"]));
        Assert.Equal("head", S(claims["relation_to_head"]));
    }

    [Fact]
    public async Task A_family_relations_certificate_lists_the_spouse_and_the_child_from_the_register()
    {
        var issued = await IssueAsync(DemoPersonas.MotherOfNewborn, "family-relations");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.FamilyRelations);
        var family = claims["family"]!.AsArray().Select(m => (S(m!["relation"]), S(m["name"]), S(m["birthdate"]))).ToList();
        Assert.Equal([("spouse", "이준호", "1991-03-02"), ("child", "이하린", "2025-12-20")], family);
    }

    [Fact]
    public async Task A_family_relations_certificate_for_someone_with_no_relations_states_none()
    {
        var issued = await IssueAsync(DemoPersonas.ElderlyAlone, "family-relations");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.FamilyRelations);
        Assert.Equal("박순자", S(claims["name"]));
        Assert.Empty(claims["family"]!.AsArray());
    }

    [Fact]
    public async Task An_income_certificate_states_the_latest_assessment_of_the_household()
    {
        var issued = await IssueAsync(DemoPersonas.ElderlyAlone, "income");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.Income);
        var records = await RecordsAsync(DemoPersonas.ElderlyAlone);
        Assert.Equal(800_000, claims["recognised_income_monthly"]!.GetValue<long>());
        Assert.Equal("KRW", S(claims["currency"]));
        Assert.Equal(records.Income!.AssessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), S(claims["income_assessed_on"]));
    }

    [Fact]
    public async Task A_health_insurance_certificate_states_the_status_and_since_when()
    {
        var issued = await IssueAsync(DemoPersonas.BusinessOwner, "health-insurance");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.HealthInsurance);
        var records = await RecordsAsync(DemoPersonas.BusinessOwner);
        Assert.Equal("regional-insured", S(claims["insurance_status"]));
        Assert.Equal(records.HealthInsurance!.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), S(claims["insured_since"]));
    }

    [Fact]
    public async Task A_disability_certificate_states_the_degree_and_registration_date()
    {
        var issued = await IssueAsync(DemoPersonas.DisabledAdult, "disability");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.Disability);
        Assert.Equal("강동현", S(claims["name"]));
        Assert.Equal("severe", S(claims["disability_degree"]));
        Assert.Equal("2003-06-09", S(claims["disability_registered_on"]));
    }

    [Fact]
    public async Task A_business_registration_certificate_lists_the_owners_business()
    {
        var issued = await IssueAsync(DemoPersonas.BusinessOwner, "business-registration");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.BusinessRegistration);
        var records = await RecordsAsync(DemoPersonas.BusinessOwner);
        var business = Assert.Single(claims["businesses"]!.AsArray())!;
        Assert.Equal("해운대 윤씨네 식당", S(business["name"]));
        Assert.Equal(records.Businesses[0].RegistrationNumber, S(business["registration_number"]));
        Assert.Equal("음식점업", S(business["industry"]));
        Assert.Equal("2012-04-02", S(business["opened_on"]));
        Assert.Equal(records.Businesses[0].AddressKo, S(business["address"]));
    }

    [Fact]
    public async Task A_graduation_certificate_lists_the_schools_from_the_education_register()
    {
        var issued = await IssueAsync(DemoPersonas.YoungJobseeker, "school-graduation");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.SchoolGraduation);
        var schools = claims["graduations"]!.AsArray().Select(g => (S(g!["school"]), S(g["level"]), S(g["graduated_on"]))).ToList();
        Assert.Equal([("양천고등학교", "high", "2019-02-08"), ("한국폴리텍대학 서울강서캠퍼스", "college", "2021-02-18")], schools);
    }

    [Fact]
    public async Task Selective_disclosure_shows_only_the_chosen_claims()
    {
        var issued = await IssueAsync(DemoPersonas.DisabledAdult, "disability");

        var body = await VerifyAsync(SdJwtPresenter.Present(issued, ["disability_degree"], Wallet, Audience, Nonce, Factory.Clock.GetUtcNow()));

        Assert.Equal(["disability_degree"], body["disclosed"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("강동현", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2003-06-09", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holder_can_show_one_family_member_and_hide_the_other()
    {
        var issued = await IssueAsync(DemoPersonas.MotherOfNewborn, "family-relations");
        var split = SdJwtPresenter.Split(issued)!.Value;
        var parsed = split.Disclosures.Select(d => Disclosure.Parse(d, out _)!).ToList();
        // Keep the "family" claim and only the element disclosure that names the child.
        var kept = parsed.Where(d => d.Name == "family" || (d.Name is null && d.Value!["relation"]!.GetValue<string>() == "child")).Select(d => d.Encoded);
        var upToTilde = split.IssuerJwt + "~" + string.Concat(kept.Select(d => d + "~"));
        var presentation = upToTilde + SdJwtPresenter.KeyBinding(upToTilde, Wallet, Audience, Nonce, Factory.Clock.GetUtcNow());

        var body = await VerifyAsync(presentation);

        var member = Assert.Single(body["disclosed"]!["family"]!.AsArray())!;
        Assert.Equal("이하린", S(member["name"]));
        Assert.DoesNotContain("이준호", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_presented_without_the_holders_key_is_refused()
    {
        var issued = await IssueAsync(DemoPersonas.ElderlyAlone, "income");
        using var thief = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var response = await Factory.CreateClient().PostAsJsonAsync("/api/credentials/verify",
            new { presentation = SdJwtPresenter.Present(issued, ["recognised_income_monthly"], thief, Audience, Nonce, Factory.Clock.GetUtcNow()), audience = Audience, nonce = Nonce });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("key-binding-invalid", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_registry_read_is_in_the_citizens_access_log()
    {
        var citizen = await CitizenAsync(DemoPersonas.DisabledAdult);
        await IssueAsync(DemoPersonas.DisabledAdult, "disability");

        var page = await citizen.GetStringAsync(new Uri("/my/data/access", UriKind.Relative));

        Assert.Contains("장애인 등록", page, StringComparison.Ordinal);
        Assert.Contains("certificate-issuance", page, StringComparison.Ordinal);
        Assert.Contains("certificate:disability", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_without_such_a_record_gets_a_no_record_problem_and_nothing_is_issued()
    {
        var citizen = await CitizenAsync(DemoPersonas.ElderlyAlone);
        var before = await IssuedCountAsync(DemoPersonas.ElderlyAlone);

        foreach (var type in new[] { "disability", "business-registration", "school-graduation" })
        {
            var response = await citizen.PostAsJsonAsync($"/api/credentials/my/certificates/{type}", new { holderJwk = Es256.PublicJwk(Wallet) });

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("no-record", problem.GetProperty("code").GetString());
            Assert.Equal("https://nara.go.kr/problems/credentials/no-record", problem.GetProperty("type").GetString());
        }

        Assert.Equal(before, await IssuedCountAsync(DemoPersonas.ElderlyAlone));
    }

    [Fact]
    public async Task An_unknown_type_or_a_bad_key_is_refused_and_nothing_is_issued()
    {
        var citizen = await CitizenAsync(DemoPersonas.SingleParent);
        var before = await IssuedCountAsync(DemoPersonas.SingleParent);

        var unknown = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/driving-licence", new { holderJwk = Es256.PublicJwk(Wallet) });
        var mobileId = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/resident-id", new { holderJwk = Es256.PublicJwk(Wallet) });
        var rsa = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/income", new { holderJwk = new { kty = "RSA", n = "x", e = "AQAB" } });
        var offCurve = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/income", new { holderJwk = new { kty = "EC", crv = "P-256", x = "AAAA", y = "AAAA" } });
        var none = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/income", new { });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown-type", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, mobileId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rsa.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, offCurve.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(before, await IssuedCountAsync(DemoPersonas.SingleParent));
    }

    [Fact]
    public async Task Only_a_signed_in_citizen_gets_a_certificate()
    {
        var anonymous = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var official = await Factory.SignedInAsAsync(await Factory.CreateOfficialAsync("MOHW", "", "복지 담당"));
        var before = await IssuedCountAsync(DemoPersonas.DisabledAdult);

        var asAnonymous = await anonymous.PostAsJsonAsync("/api/credentials/my/certificates/disability", new { holderJwk = Es256.PublicJwk(Wallet) });
        var asOfficial = await official.PostAsJsonAsync("/api/credentials/my/certificates/disability", new { holderJwk = Es256.PublicJwk(Wallet) });

        Assert.True(asAnonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, asAnonymous.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, asOfficial.StatusCode);
        Assert.Equal(before, await IssuedCountAsync(DemoPersonas.DisabledAdult));
    }
}
