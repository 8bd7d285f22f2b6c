using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nara.Services.Tests;

/// <summary>The Registration API takes the documents an e-form asks for as multipart file parts, checked as the pages check them.</summary>
public sealed class RegistrationDocumentsTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    private const string Url = "/govstack/registration/services/youth-rent-support/applications";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static string Json(Guid applicant) => JsonSerializer.Serialize(new
    {
        applicantId = applicant,
        applicationName = "청년월세 지원 신청",
        formData = new
        {
            eFormId = "youth-rent-support",
            data = new Dictionary<string, object>
            {
                ["applicantName"] = "김서연", ["applicantBirthDate"] = "1998-05-01", ["applicantAddress"] = "서울특별시 종로구 세종대로 209",
                ["phone"] = "010-1234-5678", ["deposit"] = "5000000", ["monthlyRent"] = "400000", ["leaseStart"] = "2026-01-15",
                ["bank"] = "kb", ["account"] = "123456-01-123456",
            },
        },
        documentUrls = Array.Empty<string>(),
    });

    private static MultipartFormDataContent Multipart(Guid applicant, params (string Field, string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent { { new StringContent(Json(applicant), Encoding.UTF8, "application/json"), "application" } };
        foreach (var (field, name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, field, name);
        }

        return content;
    }

    private Task<int> ApplicationsOfAsync(Guid applicant) =>
        factory.InDbAsync(db => db.Applications.CountAsync(a => a.ApplicantAccountId == applicant));

    [Fact]
    public async Task An_agency_system_sends_the_documents_with_the_application_and_they_are_stored_with_it()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOLIT");
        using var body = Multipart(applicant, ("leaseFile", "lease.pdf", Pdf), ("rentProof", "rent.pdf", Pdf));

        var response = await system.PostAsync(new Uri(Url, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fileId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileId").GetString()!);
        var documents = await factory.InDbAsync(db => db.Documents.AsNoTracking().Where(d => d.ApplicationId == fileId).OrderBy(d => d.FileName).ToListAsync());
        Assert.Equal(["lease.pdf", "rent.pdf"], documents.Select(d => d.FileName));
        Assert.All(documents, d => Assert.Equal("application/pdf", d.ContentType));
        var answers = await factory.InDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == fileId).Select(a => a.AnswersJson).SingleAsync());
        Assert.Contains(documents[0].Id.ToString(), answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_document_is_a_problem_and_nothing_is_created()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOLIT");
        var before = await ApplicationsOfAsync(applicant);
        using var body = Multipart(applicant, ("leaseFile", "lease.pdf", Pdf));

        var response = await system.PostAsync(new Uri(Url, UriKind.Relative), body);
        var jsonOnly = await system.PostAsync(new Uri(Url, UriKind.Relative), new StringContent(Json(applicant), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("files.rentProof", out _));
        Assert.False(errors.TryGetProperty("files.leaseFile", out _));
        Assert.Equal(HttpStatusCode.BadRequest, jsonOnly.StatusCode);
        Assert.Equal(before, await ApplicationsOfAsync(applicant));
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_or_image_is_refused_whatever_its_name()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOLIT");
        var before = await ApplicationsOfAsync(applicant);
        using var body = Multipart(applicant, ("leaseFile", "lease.pdf", Encoding.ASCII.GetBytes("MZ not really a pdf")), ("rentProof", "rent.pdf", Pdf));

        var response = await system.PostAsync(new Uri(Url, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("files.leaseFile", out _));
        Assert.Equal(before, await ApplicationsOfAsync(applicant));
    }

    [Fact]
    public async Task A_file_over_five_megabytes_is_refused_and_nothing_is_created()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOLIT");
        var before = await ApplicationsOfAsync(applicant);
        var big = new byte[(5 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        using var body = Multipart(applicant, ("leaseFile", "lease.pdf", big), ("rentProof", "rent.pdf", Pdf));

        var response = await system.PostAsync(new Uri(Url, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await ApplicationsOfAsync(applicant));
    }

    [Fact]
    public async Task A_file_part_for_a_field_the_form_does_not_have_is_refused()
    {
        var (applicant, _) = await factory.MotherAsync();
        var system = await factory.AgencySystemAsync("MOLIT");
        var before = await ApplicationsOfAsync(applicant);
        using var body = Multipart(applicant, ("leaseFile", "lease.pdf", Pdf), ("rentProof", "rent.pdf", Pdf), ("passportScan", "p.pdf", Pdf));

        var response = await system.PostAsync(new Uri(Url, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await ApplicationsOfAsync(applicant));
    }

    [Fact]
    public async Task A_multipart_request_without_the_application_part_or_with_broken_json_is_a_problem()
    {
        var system = await factory.AgencySystemAsync("MOLIT");
        using var noApplication = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "leaseFile", "lease.pdf" } };
        using var broken = new MultipartFormDataContent { { new StringContent("{not json"), "application" } };

        var first = await system.PostAsync(new Uri(Url, UriKind.Relative), noApplication);
        var second = await system.PostAsync(new Uri(Url, UriKind.Relative), broken);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }
}
