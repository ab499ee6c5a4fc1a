// Helpers of build.cake's PackCheck, Audit and PublicApi targets (plain .NET, no Cake aliases inside the classes).
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IOPath = System.IO.Path;
using IOFile = System.IO.File;
using IODirectory = System.IO.Directory;

/// <summary>Opens each .nupkg/.snupkg in a folder and checks what nuget.org and an integrator will see.</summary>
public static class PackageChecks
{
    /// <summary>The tool carries native assets for these platforms only (Windows x64/arm64, Linux x64/arm64, macOS on Apple silicon).</summary>
    public static readonly string[] ToolRuntimes = { "win", "unix", "win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx", "osx-arm64" };

    public const long ToolSizeLimit = 10L * 1024 * 1024;

    public static List<string> Report { get; } = new List<string>();

    public static List<string> Check(string folder, string[] packageIds)
    {
        var problems = new List<string>();
        var repository = RepositoryUrl();
        var readmes = new Dictionary<string, string>();
        foreach (var id in packageIds)
        {
            var found = IODirectory.GetFiles(folder, id + ".*.nupkg").Where(f => Regex.IsMatch(IOPath.GetFileName(f), "^" + Regex.Escape(id) + @"\.\d")).ToList();
            if (found.Count != 1) { problems.Add($"{id}: expected one package in {folder}, found {found.Count}"); continue; }
            var package = found[0];
            var symbols = IOPath.ChangeExtension(package, ".snupkg");
            using var zip = ZipFile.OpenRead(package);
            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
            XDocument nuspec;
            using (var s = nuspecEntry.Open()) nuspec = XDocument.Load(s);
            var meta = nuspec.Root.Elements().First(e => e.Name.LocalName == "metadata");
            string Meta(string name) => meta.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            XElement MetaElement(string name) => meta.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            var version = Meta("version");
            bool Has(string path) => zip.GetEntry(path) is { Length: > 0 };
            string Text(string path) { using var r = new StreamReader(zip.GetEntry(path).Open()); return r.ReadToEnd(); }

            if (Meta("readme") != "README.md" || !Has("README.md")) problems.Add($"{id}: no README.md");
            else
            {
                var readme = Text("README.md");
                if (!readme.Contains(id)) problems.Add($"{id}: its README does not name the package (is it another package's?)");
                readmes[id] = readme;
            }

            if (Meta("icon") != "icon.png" || !Has("icon.png")) problems.Add($"{id}: no icon.png");
            var repo = MetaElement("repository");
            if (repo?.Attribute("url")?.Value != repository) problems.Add($"{id}: repository url is '{repo?.Attribute("url")?.Value}', expected {repository}");
            if (repo?.Attribute("type")?.Value != "git") problems.Add($"{id}: repository type is not git");
            if (repo?.Attribute("commit")?.Value is not { Length: 40 }) problems.Add($"{id}: repository commit missing (SourceLink needs it)");
            if (Meta("projectUrl") != repository) problems.Add($"{id}: projectUrl is '{Meta("projectUrl")}'");
            if (MetaElement("license")?.Value != "MIT") problems.Add($"{id}: license is not the MIT expression");
            var description = Meta("description") ?? "";
            if (!Regex.IsMatch(description, "[А-Яа-я]") || !Regex.IsMatch(description, "[A-Za-z]{4}")) problems.Add($"{id}: description is not in Bulgarian and English");
            var tags = Meta("tags") ?? "";
            if (!Regex.IsMatch(tags, "[А-Яа-я]") || !tags.Contains("microinvest")) problems.Add($"{id}: tags are not in Bulgarian and English: {tags}");

            var size = new FileInfo(package).Length;
            var isTool = zip.Entries.Any(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            if (isTool)
            {
                if (size >= ToolSizeLimit) problems.Add($"{id}: {Mb(size)} — the tool must stay under {Mb(ToolSizeLimit)}");
                var foreign = zip.Entries.Select(e => Regex.Match(e.FullName, @"/runtimes/([^/]+)/")).Where(m => m.Success).Select(m => m.Groups[1].Value)
                    .Distinct().Where(r => !ToolRuntimes.Contains(r)).ToList();
                if (foreign.Count > 0) problems.Add($"{id}: native assets of platforms the tool does not run on: {string.Join(", ", foreign)}");
                foreach (var needed in new[] { "win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx-arm64" })
                {
                    if (!zip.Entries.Any(e => e.FullName.Contains($"/runtimes/{needed}/native/"))) problems.Add($"{id}: no native assets for {needed}");
                }
            }

            var symbolSize = 0L;
            if (!IOFile.Exists(symbols)) problems.Add($"{id}: no symbol package {IOPath.GetFileName(symbols)}");
            else
            {
                symbolSize = new FileInfo(symbols).Length;
                using var symbolZip = ZipFile.OpenRead(symbols);
                var pdbs = symbolZip.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)).ToList();
                if (pdbs.Count == 0) problems.Add($"{id}: the symbol package holds no .pdb");
                foreach (var pdb in pdbs)
                {
                    using var s = pdb.Open();
                    using var m = new MemoryStream();
                    s.CopyTo(m);
                    // The SourceLink map is stored as UTF-8 JSON inside the portable PDB.
                    var raw = System.Text.Encoding.UTF8.GetString(m.ToArray());
                    var expected = repository.Replace("https://github.com/", "https://raw.githubusercontent.com/") + "/";
                    if (!raw.Contains(expected)) problems.Add($"{id}: {pdb.FullName} has no SourceLink to {expected}");
                }
            }

            Report.Add($"{id} {version}: {Mb(size)}, symbols {Mb(symbolSize)}{(isTool ? " (dotnet tool)" : "")}");
        }

        if (readmes.Values.Distinct().Count() != readmes.Count) problems.Add("two packages share one README: each needs its own");
        return problems;
    }

    /// <summary>ShopikoRepositoryUrl from Directory.Build.props: the one place it is written.</summary>
    public static string RepositoryUrl()
    {
        var props = XDocument.Load("Directory.Build.props");
        return props.Descendants().First(e => e.Name.LocalName == "ShopikoRepositoryUrl").Value.Trim();
    }

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}

/// <summary>Reads the JSON of <c>dotnet list package --vulnerable|--deprecated --format json</c>.</summary>
public static class PackageAudit
{
    public static IEnumerable<string> Findings(string json, string kind)
    {
        var start = json.IndexOf('{');
        if (start < 0) throw new InvalidOperationException("dotnet list package printed no JSON: " + json);
        using var document = JsonDocument.Parse(json.Substring(start));
        var found = new List<string>();
        foreach (var project in Array(document.RootElement, "projects"))
        {
            var name = IOPath.GetFileNameWithoutExtension(project.GetProperty("path").GetString());
            foreach (var framework in Array(project, "frameworks"))
            {
                foreach (var list in new[] { "topLevelPackages", "transitivePackages" })
                {
                    foreach (var package in Array(framework, list))
                    {
                        var id = package.GetProperty("id").GetString();
                        var version = package.TryGetProperty("resolvedVersion", out var v) ? v.GetString() : "?";
                        var detail = kind == "vulnerable"
                            ? string.Join(", ", Array(package, "vulnerabilities").Select(x => $"{x.GetProperty("severity").GetString()} {x.GetProperty("advisoryurl").GetString()}"))
                            : string.Join(", ", Array(package, "deprecationReasons").Select(x => x.GetString()));
                        found.Add($"{kind}: {id} {version} ({name}) {detail}");
                    }
                }
            }
        }

        foreach (var problem in Array(document.RootElement, "problems"))
        {
            // A source that could not be asked is a failed check, not a clean one.
            if (problem.TryGetProperty("level", out var level) && level.GetString() == "error")
                found.Add($"{kind}: {problem.GetProperty("text").GetString()}");
        }

        return found;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : new List<JsonElement>();
}

/// <summary>Collects the symbols of the public API analyzer's diagnostics from build output.</summary>
public static class PublicApiBaseline
{
    public static List<string> Symbols(IEnumerable<string> buildOutput, string rule)
    {
        var pattern = new Regex(@"warning " + rule + @": Symbol '(?<symbol>.*)' is (not part of the declared public API|part of the declared API)");
        return buildOutput.Select(l => pattern.Match(l)).Where(m => m.Success).Select(m => m.Groups["symbol"].Value)
            .Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }
}
