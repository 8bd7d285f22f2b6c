using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Registries.Data;
using Nara.Testing;

namespace Nara.Registries.Tests.Api;

/// <summary>Intent methods for the GovStack API tests: clients with exact scopes, people built through the API.</summary>
internal static class GovStackTestClient
{
    public const string Base = "/govstack/registries/data";
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public const string AllScopes = "registries:*:read registries:*:write";

    public static async Task<(HttpClient Http, string ClientId, string Key)> ClientAsync(this NaraFactory factory, string scopes)
    {
        var id = $"KR/TEST/T{Guid.NewGuid():N}"[..30] + "/app";
        await using var scope = factory.Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, "MOIS", "Test client", scopes.Split(' ')), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registration.Key);
        return (http, id, registration.Key!);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, string path, object body) =>
        http.PostAsJsonAsync(new Uri(Base + path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient http, string path, object body) =>
        http.PutAsJsonAsync(new Uri(Base + path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> GetDataAsync(this HttpClient http, string path) =>
        http.GetAsync(new Uri(Base + path, UriKind.Relative));

    public static async Task<JsonObject> ContentOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        return json!["content"]!.AsObject();
    }

    public static async Task<JsonObject> CreateAsync(this HttpClient http, string registry, object content)
    {
        var response = await http.PostAsync($"/{registry}/1.0/create", new { write = new { content } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ContentOf(response);
    }

    public static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, Web)!;
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Type));
        return problem;
    }

    /// <summary>A valid 주민등록번호 no one else has: a random date and serial with the right check digit.</summary>
    public static string NewResidentNumber(int year = 1990)
    {
        var birth = new DateOnly(year, 1, 1).AddDays(Random.Shared.Next(0, 365));
        var digits = birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + (year >= 2000 ? "4" : "2") + Random.Shared.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture);
        int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var sum = weights.Select((w, i) => w * (digits[i] - '0')).Sum();
        return $"{digits[..6]}-{digits[6..]}{(11 - (sum % 11)) % 10}";
    }

    /// <summary>Division, address, household and resident, all created through the API; returns their ids.</summary>
    public static async Task<Person> CreatePersonAsync(this HttpClient http, string? nameKo = null)
    {
        var code = "99" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        await http.CreateAsync("admin-divisions", new { code, level = "Eupmyeondong", nameKo = "시험동", nameEn = "Siheom-dong", latitude = 37.5, longitude = 127.0 });
        var address = await http.CreateAsync("addresses", new { divisionCode = code, roadAddressKo = "시험로 1", roadAddressEn = "1 Siheom-ro", postalCode = "03000", latitude = 37.5, longitude = 127.0 });
        var addressId = (long)address["id"]!;
        var household = await http.CreateAsync("households", new { addressId, headResidentId = 1, memberCount = 1, singleParent = false });
        var householdId = (long)household["id"]!;
        var number = NewResidentNumber();
        var resident = await http.CreateAsync("residents", new
        {
            residentNumber = number,
            nameKo = nameKo ?? "시험인",
            nameEn = "Test Person",
            birthDate = $"19{number[..2]}-{number[2..4]}-{number[4..6]}",
            sex = "Female",
            nationality = "KOR",
            addressId,
            householdId,
            relationToHead = "Head",
            movedInOn = "2020-01-01",
        });
        return new Person((long)resident["id"]!, number, householdId, addressId, code);
    }

    public static async Task<(int Rows, int Outbox)> CountsAsync(this NaraFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        var rows = await db.Residents.CountAsync() + await db.Households.CountAsync() + await db.Addresses.CountAsync()
            + await db.Divisions.CountAsync() + await db.HealthInsurance.CountAsync() + await db.Vehicles.CountAsync();
        return (rows, await db.OutboxMessages.CountAsync());
    }
}

internal sealed record Person(long ResidentId, string ResidentNumber, long HouseholdId, long AddressId, string DivisionCode);
