using Nara.Testing;

namespace Nara.Services.Tests;

/// <summary>The host without a synthetic population: the catalogue reads no registry data.</summary>
public sealed class CatalogueFactory : NaraFactory
{
    public CatalogueFactory() => Residents = 0;
}
