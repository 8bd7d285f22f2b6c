using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nara.Registries.Contracts;

namespace Nara.Consent.Tests;

/// <summary>
/// The GovStack Consent endpoints no other test calls, against the building block's published OpenAPI (bb-consent-docs,
/// openapi/v2023.11.1: Policy.yaml, Revision.yaml, Signature.yaml, Pagination.yaml): paths, wrapping keys and field names.
/// One difference is left on purpose and not asserted: Revision spells serializedSnapshot correctly (the specification
/// says "serizalizedSnapshot"); authorizedByIndividual is also kept beside the specification's authorizedByIndividualId.
/// </summary>
public sealed class ServiceContractTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Config = "/govstack/consent/config";
    private const string Service = "/govstack/consent/service";

    /// <summary>Policy.yaml: every property.</summary>
    private static readonly string[] PolicyFields =
        ["id", "name", "version", "url", "jurisdiction", "industrySector", "dataRetentionPeriodDays", "geographicRestriction", "storageLocation", "thirdPartyDataSharing"];

    /// <summary>Signature.yaml: the required properties, and the back reference to what was signed.</summary>
    private static readonly string[] SignatureFields =
        ["id", "payload", "signature", "verificationMethod", "verificationPayload", "verificationPayloadHash", "verificationSignedBy", "verificationSignedAs",
         "verificationJwsHeader", "timestamp", "signedWithoutObjectReference", "objectType", "objectReference"];

    /// <summary>Revision.yaml properties that Nara names as the specification does.</summary>
    private static readonly string[] RevisionFields =
        ["id", "schemaName", "objectId", "signedWithoutObjectId", "serializedHash", "timestamp", "authorizedByIndividualId", "authorizedByOther", "predecessorHash", "objectData"];

    private static readonly string[] PaginationFields = ["currentPage", "totalItems", "totalPages", "limit", "hasPrevious", "hasNext"];

    private static void AssertFields(JsonElement element, string name, IEnumerable<string> fields) =>
        Assert.All(fields, f => Assert.True(element.TryGetProperty(f, out _), $"{name}.{f} is missing: {element}"));

    [Fact]
    public async Task Listing_policies_answers_policy_objects_with_the_specifications_fields_and_pagination()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        var name = $"정책 {Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync($"{Config}/policy/", new
        {
            name, url = "https://www.law.go.kr/pipa", jurisdiction = "KR", industrySector = "public", dataRetentionPeriodDays = 365,
            geographicRestriction = "KR", storageLocation = "KR", thirdPartyDataSharing = true,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policy").GetProperty("id").GetString();

        var list = await admin.GetFromJsonAsync<JsonElement>($"{Config}/policies/?offset=0&limit=100");
        AssertFields(list.GetProperty("pagination"), "pagination", PaginationFields);
        var policies = list.GetProperty("policies").EnumerateArray().ToList();
        Assert.All(policies, p => AssertFields(p, "policy", PolicyFields));
        var policy = Assert.Single(policies, p => p.GetProperty("id").GetString() == id);
        Assert.Equal((name, "1", "https://www.law.go.kr/pipa", "KR", 365), (policy.GetProperty("name").GetString(), policy.GetProperty("version").GetString(),
            policy.GetProperty("url").GetString(), policy.GetProperty("jurisdiction").GetString(), policy.GetProperty("dataRetentionPeriodDays").GetInt32()));
        Assert.Equal(JsonValueKind.String, policy.GetProperty("version").ValueKind); // a string in the specification, not a number
        Assert.True(policy.GetProperty("thirdPartyDataSharing").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"{Config}/policies/?limit=-1", UriKind.Relative))).StatusCode);
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.YoungJobseeker);
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync(new Uri($"{Config}/policies/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_citizen_reads_a_data_agreement_with_its_latest_revision_through_the_service_api()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        var agreement = await factory.CreateAgreementAsync(admin);
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.DisabledAdult);

        var read = await citizen.GetFromJsonAsync<JsonElement>($"{Service}/data-agreement/{agreement}/");
        var dataAgreement = read.GetProperty("dataAgreement");
        AssertFields(dataAgreement, "dataAgreement", ["id", "version", "controller", "purpose", "lawfulBasis", "dataUse", "dpia", "active", "forgettable", "lifecycle", "dataAttributes"]);
        Assert.Equal(agreement, dataAgreement.GetProperty("id").GetString());
        Assert.Equal(("MOHW", "보건복지부"), (dataAgreement.GetProperty("controller").GetProperty("id").GetString(), dataAgreement.GetProperty("controller").GetProperty("name").GetString()));
        Assert.All(dataAgreement.GetProperty("dataAttributes").EnumerateArray(), a => AssertFields(a, "dataAttribute", ["name", "description", "sensitivity", "category"]));
        Assert.Equal(["name", "household-members"], dataAgreement.GetProperty("dataAttributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));

        // The revision is the agreement's head: it names the agreement and chains exactly its snapshot to its predecessor.
        var revision = read.GetProperty("revision");
        AssertFields(revision, "revision", RevisionFields);
        Assert.Equal(agreement, revision.GetProperty("objectId").GetString());
        var chained = revision.GetProperty("predecessorHash").GetString() + "\n" + revision.GetProperty("serializedSnapshot").GetString();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chained))), revision.GetProperty("serializedHash").GetString());
        Assert.Equal(revision.GetProperty("serializedSnapshot").GetString(), revision.GetProperty("objectData").GetString());
        using (var objectData = JsonDocument.Parse(revision.GetProperty("objectData").GetString()!))
        {
            Assert.Equal(agreement, objectData.RootElement.GetProperty("id").GetString());
        }

        // The same answer as the administrators' config read.
        var config = await admin.GetFromJsonAsync<JsonElement>($"{Config}/data-agreement/{agreement}/");
        Assert.Equal(config.GetProperty("dataAgreement").GetRawText(), dataAgreement.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri($"{Service}/data-agreement/{Guid.NewGuid()}/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync(new Uri($"{Service}/data-agreement/not-an-id/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_signature_endpoint_answers_the_signature_over_the_records_head_revision()
    {
        var agreement = await factory.CreateAgreementAsync();
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.Newborn);
        var given = await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var record = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentRecord").GetProperty("id").GetString();
        var withdrawn = await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{record}/", new { optIn = false });
        var head = (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision");

        var response = await citizen.PostAsync(new Uri($"{Service}/individual/record/consent-record/{record}/signature/", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signature = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signature");
        AssertFields(signature, "signature", SignatureFields);
        Assert.Equal(("revision", head.GetProperty("id").GetString()), (signature.GetProperty("objectType").GetString(), signature.GetProperty("objectReference").GetString()));
        Assert.Equal("ES256", signature.GetProperty("verificationMethod").GetString());
        Assert.False(signature.GetProperty("signedWithoutObjectReference").GetBoolean());
        var payload = signature.GetProperty("payload").GetString()!;
        var verificationPayload = signature.GetProperty("verificationPayload").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(verificationPayload))), signature.GetProperty("verificationPayloadHash").GetString());
        using (var signed = JsonDocument.Parse(payload))
        {
            Assert.Equal((record, head.GetProperty("serializedHash").GetString()), (signed.RootElement.GetProperty("consentRecord").GetString(), signed.RootElement.GetProperty("revisionHash").GetString()));
        }

        // The JWS carries the payload and the signature the object names.
        var jws = signature.GetProperty("verificationPayload").GetString()!.Split('.');
        Assert.Equal((signature.GetProperty("verificationJwsHeader").GetString(), signature.GetProperty("signature").GetString()), (jws[0], jws[2]));

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsync(new Uri($"{Service}/individual/record/consent-record/{Guid.NewGuid()}/signature/", UriKind.Relative), null)).StatusCode);
        var (other, _) = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(new Uri($"{Service}/individual/record/consent-record/{record}/signature/", UriKind.Relative), null)).StatusCode);
    }
}
