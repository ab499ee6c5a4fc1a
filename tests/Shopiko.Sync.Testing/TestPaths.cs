namespace Shopiko.Sync.Testing;

/// <summary>Where shared test material lives.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding Shopiko.Sync.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shopiko.Sync.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Shopiko.Sync.sln not found above " + AppContext.BaseDirectory);
    }
}
