using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>The host without a synthetic population: the OpenFisca API reads no registry data.</summary>
public sealed class ApiFactory : NaraFactory
{
    public ApiFactory() => Residents = 0;
}
