namespace Shopiko.Sync.Service.Control;

/// <summary>The control page, embedded in the assembly so the service is one folder with no web root to deploy.</summary>
internal static class ControlPage
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ControlPage).Assembly.GetManifestResourceStream("Shopiko.Sync.Service.Control.ControlPage.html")
            ?? throw new InvalidOperationException("The control page resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
