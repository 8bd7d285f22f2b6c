namespace Nara.ArchitectureTests;

internal static class Repository
{
    /// <summary>The checkout's root: the folder holding Nara.slnx.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nara.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Nara.slnx not found above " + AppContext.BaseDirectory);
    }
}
