using System.Collections.Frozen;
using Nara.Services.Contracts;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features;

/// <summary>The catalogue in memory, loaded once at start from the embedded data files.</summary>
internal sealed class ServiceCatalogue : IServiceCatalogue
{
    private readonly FrozenDictionary<string, ServiceDefinition> _bySlug;

    public ServiceCatalogue()
        : this(CatalogueLoader.LoadEmbedded())
    {
    }

    public ServiceCatalogue(IReadOnlyList<ServiceDefinition> services)
    {
        Services = services;
        _bySlug = services.ToFrozenDictionary(s => s.Slug, StringComparer.Ordinal);
    }

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public ServiceDefinition? Get(string slug) => _bySlug.GetValueOrDefault(slug);

    public ServiceSummary? Find(string slug) => Get(slug) is { } s ? Summarise(s) : null;

    public IReadOnlyList<ServiceSummary> All() => [.. Services.Select(Summarise)];

    public IReadOnlyList<ServiceSummary> ForLifeEventPage(string page)
    {
        var events = LifeEvents.All.Where(e => e.Page == page).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Services.Where(s => s.LifeEvents.Any(events.Contains)).Select(Summarise)];
    }

    private static ServiceSummary Summarise(ServiceDefinition s) =>
        new(s.Slug, s.Name.Ko, s.Name.En, s.Agency, s.Category, s.LifeEvents, s.AppliesOnline);
}
