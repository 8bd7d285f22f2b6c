using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nara.Notifications.Tests;

/// <summary>What the fake push service received.</summary>
public sealed record PushDelivery(string Device, string? Authorization, string? ContentEncoding, string? Ttl, string? Urgency, byte[] Body);

/// <summary>
/// A push service on a local Kestrel port: POST /push/{device} is accepted (201) unless the test set
/// another status for that device (410 for an expired subscription, 500 for a fault).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakePushService()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/push/{device}", async (string device, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            Deliveries.Add(new PushDelivery(device, request.Headers.Authorization, request.Headers.ContentEncoding, request.Headers["TTL"], request.Headers["Urgency"], body.ToArray()));
            return Results.StatusCode(Statuses.TryGetValue(device, out var status) ? status : StatusCodes.Status201Created);
        });
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    public ConcurrentBag<PushDelivery> Deliveries { get; } = [];

    public ConcurrentDictionary<string, int> Statuses { get; } = new();

    public string Endpoint(string device) => new Uri(BaseAddress, $"/push/{device}").ToString();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
