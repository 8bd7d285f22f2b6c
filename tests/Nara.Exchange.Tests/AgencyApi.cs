using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nara.Exchange.Tests;

/// <summary>
/// An agency's own REST API for the <c>http</c> provider: a real Kestrel server on a free loopback port that answers
/// every request with <see cref="Body"/> as JSON and keeps what it was sent (path, headers) for the test to inspect.
/// </summary>
public sealed class AgencyApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgencyApi(WebApplication app) => _app = app;

    /// <summary>The API's base address, e.g. http://127.0.0.1:41234/api.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The JSON the API answers, exactly as it is written to the wire.</summary>
    public string Body { get; set; } = "{}";

    public ConcurrentQueue<(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers)> Received { get; } = new();

    public static async Task<AgencyApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new AgencyApi(app);
        app.Run(async context =>
        {
            api.Received.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(api.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        api.Url = address.TrimEnd('/') + "/api";
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
