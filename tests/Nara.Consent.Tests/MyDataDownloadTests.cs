using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nara.Registries.Contracts;

namespace Nara.Consent.Tests;

public sealed class MyDataDownloadTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    [Fact]
    public async Task A_citizen_reads_and_downloads_their_own_registry_data_as_json()
    {
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);

        var html = await citizen.GetStringAsync(new Uri("/my/data/download", UriKind.Relative));
        Assert.Contains(DemoPersonas.MotherOfNewborn.NameKo, html);
        Assert.Contains("세대 구성원", html);
        var english = await citizen.GetStringAsync(new Uri("/my/data/download?culture=en", UriKind.Relative));
        Assert.Contains(DemoPersonas.MotherOfNewborn.NameEn, english);

        var file = await citizen.GetAsync(new Uri("/my/data/download?handler=Json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        var json = await file.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nara-mydata-registry/1", json.GetProperty("format").GetString());
        Assert.Equal(DemoPersonas.MotherOfNewborn.NameKo, json.GetProperty("resident").GetProperty("nameKo").GetString());
        Assert.Contains(json.GetProperty("household").GetProperty("members").EnumerateArray(), m => m.GetProperty("me").GetBoolean());
    }
}
