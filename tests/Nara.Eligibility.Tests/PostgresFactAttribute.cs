using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>A test of PostgreSQL-only behaviour: skipped, with the reason shown, when NARA_TEST_POSTGRES is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = "PostgreSQL only (advisory locks): set NARA_TEST_POSTGRES to a server's connection string to run it.";
        }
    }
}
