namespace Nara.Kernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
