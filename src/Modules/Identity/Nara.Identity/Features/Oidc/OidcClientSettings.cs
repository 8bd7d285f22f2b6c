using System.Text.Json;
using Nara.Identity.Contracts;
using OpenIddict.Abstractions;

namespace Nara.Identity.Features.Oidc;

/// <summary>What Nara keeps about a client beyond OpenIddict's own fields, stored in the application's properties.</summary>
internal sealed record OidcClientSettings(string ClientId, string DisplayName, string Sector, string SectorIdentifier, string? AgencyCode)
{
    public const string SectorProperty = "nara_sector";
    public const string SectorIdProperty = "nara_sector_id";
    public const string AgencyProperty = "nara_agency";

    public static async Task<OidcClientSettings?> FindAsync(IOpenIddictApplicationManager applications, string? clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var sector = Read(properties, SectorProperty) ?? OidcSectors.Private;
        return new OidcClientSettings(
            clientId,
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId,
            sector,
            Read(properties, SectorIdProperty) ?? clientId,
            Read(properties, AgencyProperty));
    }

    public static void Write(OpenIddictApplicationDescriptor descriptor, NewOidcClient client)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(client);
        descriptor.Properties[SectorProperty] = JsonSerializer.SerializeToElement(client.Sector);
        descriptor.Properties[SectorIdProperty] = JsonSerializer.SerializeToElement(client.SectorIdentifier ?? client.ClientId);
        if (client.AgencyCode is { Length: > 0 } agency)
        {
            descriptor.Properties[AgencyProperty] = JsonSerializer.SerializeToElement(agency);
        }
    }

    private static string? Read(System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
