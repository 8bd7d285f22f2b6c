namespace Nara.Audit.Tests;

/// <summary>
/// Classes that start and stop many hosts of their own. Run alone: another class's fixture disposal calls
/// SqliteConnection.ClearAllPools() (TestDatabase), and a host opening its SQLite file at that moment
/// has been seen to fail with "attempt to write a readonly database".
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Hosts started per test";
}
