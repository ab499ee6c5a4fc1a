#load "build/packaging.cake"
// Shopiko.Sync build script: dotnet tool restore && dotnet cake --target=<Clean|Build|Test|Pack|PackCheck|Audit|PublicApi|PublicApiShip|Demo|Benchmark>
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./Shopiko.Sync.sln";

// The packages, in dependency order: the library, the sandbox shop for integrators' tests, and the CLI as a dotnet
// tool. The service host is published (see docs/hosts.md), not packed.
var packableProjects = new[]
{
    "./src/Shopiko.Sync.Core/Shopiko.Sync.Core.csproj",
    "./src/Shopiko.Sync.Hosts/Shopiko.Sync.Sandbox/Shopiko.Sync.Sandbox.csproj",
    "./src/Shopiko.Sync.Hosts/Shopiko.Sync.Console/Shopiko.Sync.Console.csproj",
};

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./artifacts");
    DeleteFiles("./nuget/*.nupkg");
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

// MySQL tests start their own MariaDB server from its binaries; make sure they exist before the tests run.
Task("EnsureMariaDb")
    .Does(() =>
{
    if (HasMariaDb()) { Information("MariaDB server binaries: found."); return; }
    var isRoot = System.Environment.UserName == "root";
    var hasApt = FileExists("/usr/bin/apt-get");
    if (IsRunningOnLinux() && isRoot && hasApt)
    {
        Information("Installing mariadb-server with apt-get (the MySQL tests start their own server from it)...");
        Run("/bin/sh", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server > /tmp/shopiko-apt.log 2>&1 || (tail -20 /tmp/shopiko-apt.log; exit 1)\"");
        if (!HasMariaDb()) throw new CakeException("mariadb-server was installed but mariadbd/mariadb-install-db are still not found.");
        return;
    }
    if (IsRunningOnLinux())
        throw new CakeException("MariaDB server binaries (mariadbd, mariadb-install-db) are needed by the MySQL tests. Install them once: sudo apt-get install -y mariadb-server");
    Warning("MariaDB server binaries not found: the MySQL tests will report themselves skipped. Set SHOPIKO_MARIADB_BIN to the folder holding mariadbd to run them.");
});

// The control page's browser tests drive Debian's Chromium through Playwright (ExecutablePath; never a browser download).
Task("EnsureChromium")
    .Does(() =>
{
    var chromium = EnvironmentVariable("SHOPIKO_CHROMIUM") ?? "/usr/bin/chromium";
    if (FileExists(chromium)) { Information($"Chromium: {chromium}."); return; }
    var isRoot = System.Environment.UserName == "root";
    if (IsRunningOnLinux() && isRoot && FileExists("/usr/bin/apt-get"))
    {
        Information("Installing chromium with apt-get (the control page's browser tests drive it)...");
        Run("/bin/sh", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /tmp/shopiko-apt-chromium.log 2>&1 || (tail -20 /tmp/shopiko-apt-chromium.log; exit 1)\"");
        if (!FileExists(chromium)) throw new CakeException($"chromium was installed but {chromium} is still not found.");
        return;
    }
    throw new CakeException($"Chromium is needed by the control page's browser tests and is not at {chromium}. Install it once (sudo apt-get install -y chromium) or set SHOPIKO_CHROMIUM to its path.");
});

Task("Test")
    .IsDependentOn("EnsureMariaDb")
    .IsDependentOn("EnsureChromium")
    .IsDependentOn("Build")
    .IsDependentOn("Audit")
    .IsDependentOn("PackCheck")
    .Does(() =>
{
    var results = MakeAbsolute(Directory("./artifacts/test-results"));
    CleanDirectory(results);
    try
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            Loggers = { "console;verbosity=normal", "trx" },
            ResultsDirectory = results,
        });
    }
    finally
    {
        PrintTestSummary(results);
    }
});

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    // The version is Directory.Build.props' unless packageVersion is given (then the build must have used it too, so
    // Pack rebuilds in that case).
    var version = Argument<string>("packageVersion", null);
    var settings = new DotNetMSBuildSettings();
    if (version is not null) settings.SetVersion(version);
    DeleteFiles("./nuget/*.nupkg");
    DeleteFiles("./nuget/*.snupkg");
    foreach (var project in packableProjects)
    {
        DotNetPack(project, new DotNetPackSettings { Configuration = configuration, NoBuild = version is null, OutputDirectory = "./nuget", MSBuildSettings = settings });
    }
});

// Opens every package and checks what nuget.org and an integrator will see; then installs the tool from nuget/ the way
// its README says and runs it.
Task("PackCheck")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var problems = PackageChecks.Check(MakeAbsolute(Directory("./nuget")).FullPath, packableProjects.Select(p => System.IO.Path.GetFileNameWithoutExtension(p)).ToArray());
    foreach (var line in PackageChecks.Report) Information(line);
    if (problems.Count > 0) throw new CakeException("Package check failed:\n  " + string.Join("\n  ", problems));
    InstallToolFromLocalFolder();
});

// No vulnerable or deprecated package, direct or transitive (asks the feed; fails on any finding).
Task("Audit")
    .Does(() =>
{
    var findings = new List<string>();
    foreach (var kind in new[] { "vulnerable", "deprecated" })
    {
        var exit = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"list {solution} package --{kind} --include-transitive --format json",
            RedirectStandardOutput = true,
        }, out var output);
        var json = string.Join("\n", output);
        if (exit != 0) throw new CakeException($"dotnet list package --{kind} exited with {exit}:\n{json}");
        findings.AddRange(PackageAudit.Findings(json, kind));
    }

    if (findings.Count > 0) throw new CakeException("Packages to replace:\n  " + string.Join("\n  ", findings.Distinct()));
    Information("Audit: no vulnerable or deprecated package.");
});

// Rewrites each packable project's PublicAPI.Unshipped.txt to the public API its code has beyond PublicAPI.Shipped.txt
// (collecting RS0016 from a build). A member removed from the shipped API fails this target, as it would the build:
// pass acceptRemovals=true to record the removal (*REMOVED* lines) when the break is intended.
Task("PublicApi")
    .Does(() =>
{
    var acceptRemovals = Argument("acceptRemovals", false);
    var failures = new List<string>();
    foreach (var project in packableProjects)
    {
        var folder = System.IO.Path.GetDirectoryName(MakeAbsolute(File(project)).FullPath);
        var unshipped = System.IO.Path.Combine(folder, "PublicAPI.Unshipped.txt");
        System.IO.File.WriteAllText(unshipped, "#nullable enable\n");
        // Only this project recompiles (the ones before it in the list are built already): its warnings are its own.
        StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"build {project} -c Debug --no-incremental -p:BuildProjectReferences=false -p:TreatWarningsAsErrors=false -nologo -clp:NoSummary",
            RedirectStandardOutput = true,
        }, out var output);
        var lines = output.ToList();
        var added = PublicApiBaseline.Symbols(lines, "RS0016");
        var removed = PublicApiBaseline.Symbols(lines, "RS0017");
        var content = new List<string> { "#nullable enable" };
        content.AddRange(added);
        if (removed.Count > 0)
        {
            if (acceptRemovals) content.AddRange(removed.Select(r => "*REMOVED*" + r));
            else failures.AddRange(removed.Select(r => $"{System.IO.Path.GetFileName(project)}: removed from the shipped API: {r}"));
        }

        System.IO.File.WriteAllText(unshipped, string.Join("\n", content) + "\n");
        Information($"{System.IO.Path.GetFileName(project)}: {added.Count} unshipped, {removed.Count} removed");
        var other = lines.Where(l => l.Contains(": error ")).Distinct().ToList();
        if (other.Count > 0) failures.AddRange(other);
    }

    if (failures.Count > 0) throw new CakeException("Public API:\n  " + string.Join("\n  ", failures.Distinct()) + "\n(a removal is a breaking change: run with --acceptRemovals=true if it is meant)");
});

// On a release: moves PublicAPI.Unshipped.txt into PublicAPI.Shipped.txt (applying *REMOVED* lines).
Task("PublicApiShip")
    .Does(() =>
{
    foreach (var project in packableProjects)
    {
        var folder = System.IO.Path.GetDirectoryName(MakeAbsolute(File(project)).FullPath);
        var shippedFile = System.IO.Path.Combine(folder, "PublicAPI.Shipped.txt");
        var unshippedFile = System.IO.Path.Combine(folder, "PublicAPI.Unshipped.txt");
        var shipped = System.IO.File.ReadAllLines(shippedFile).Where(l => l.Length > 0 && !l.StartsWith("#")).ToHashSet(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadAllLines(unshippedFile).Where(l => l.Length > 0 && !l.StartsWith("#")))
        {
            if (line.StartsWith("*REMOVED*")) shipped.Remove(line.Substring("*REMOVED*".Length));
            else shipped.Add(line);
        }

        System.IO.File.WriteAllText(shippedFile, "#nullable enable\n" + string.Join("\n", shipped.OrderBy(l => l, StringComparer.Ordinal)) + "\n");
        System.IO.File.WriteAllText(unshippedFile, "#nullable enable\n");
    }
});

Task("Demo")
    .Does(() =>
{
    DotNetRun("./src/Shopiko.Sync.Hosts/Shopiko.Sync.Console/Shopiko.Sync.Console.csproj", new ProcessArgumentBuilder().Append("demo"),
        new DotNetRunSettings { Configuration = configuration });
});

Task("Benchmark")
    .Does(() =>
{
    DotNetRun("./tests/Shopiko.Sync.Benchmarks/Shopiko.Sync.Benchmarks.csproj", new ProcessArgumentBuilder().Append(Argument("sizes", "small")),
        new DotNetRunSettings { Configuration = "Release" });
});

RunTarget(target);

bool HasMariaDb()
{
    var env = EnvironmentVariable("SHOPIKO_MARIADB_BIN");
    var dirs = new List<string>();
    if (!string.IsNullOrEmpty(env)) dirs.Add(env);
    dirs.AddRange((EnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator));
    dirs.AddRange(new[] { "/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/mysql/bin" });
    return dirs.Any(d => System.IO.File.Exists(System.IO.Path.Combine(d, "mariadbd")) || System.IO.File.Exists(System.IO.Path.Combine(d, "mysqld")));
}

void Run(string file, string args)
{
    var exit = StartProcess(file, new ProcessSettings { Arguments = args });
    if (exit != 0) throw new CakeException($"{file} {args} exited with {exit}");
}

// One closing line for the whole suite, summed over every test project's TRX file: "Tests: N passed, N failed, N skipped".
void PrintTestSummary(DirectoryPath results)
{
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles(results.FullPath + "/*.trx"))
    {
        var doc = System.Xml.Linq.XDocument.Load(trx.FullPath);
        var counters = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters is null) continue;
        int Get(string name) => int.TryParse((string)counters.Attribute(name), out var v) ? v : 0;
        passed += Get("passed");
        failed += Get("failed") + Get("error") + Get("timeout") + Get("aborted");
        // xunit skips show as total − executed in TRX counters.
        skipped += Get("total") - Get("executed");
    }
    // Plain Console (not Information) so the line carries no colour codes for log readers.
    System.Console.WriteLine();
    System.Console.WriteLine($"Tests: {passed} passed, {failed} failed, {skipped} skipped");
}

// Installs the tool from nuget/ exactly as nuget/assets/Shopiko.Sync.Console/README.md says (a NuGet source for the
// folder, then dotnet tool install), into a throwaway tool path with its own package cache, and runs it.
void InstallToolFromLocalFolder()
{
    var nuget = MakeAbsolute(Directory("./nuget")).FullPath;
    var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shopiko-tool-" + Guid.NewGuid().ToString("N"));
    System.IO.Directory.CreateDirectory(temp);
    try
    {
        var config = System.IO.Path.Combine(temp, "nuget.config");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = System.IO.Path.Combine(temp, "packages"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        RunIn(temp, env, "dotnet", "new nugetconfig");
        RunIn(temp, env, "dotnet", $"nuget add source \"{nuget}\" --name shopiko-local --configfile \"{config}\"");
        RunIn(temp, env, "dotnet", $"tool install Shopiko.Sync.Console --tool-path \"{System.IO.Path.Combine(temp, "tools")}\" --configfile \"{config}\"");
        var tool = System.IO.Path.Combine(temp, "tools", IsRunningOnWindows() ? "shopiko-sync.exe" : "shopiko-sync");
        var exit = StartProcess(tool, new ProcessSettings { Arguments = "--help", WorkingDirectory = temp, EnvironmentVariables = env, RedirectStandardOutput = true }, out var output);
        if (exit != 0 || !output.Any(l => l.Contains("shopiko-sync"))) throw new CakeException($"The installed tool did not run (exit {exit}):\n{string.Join("\n", output)}");
        Information("PackCheck: the tool installs from nuget/ as its README says, and runs.");
    }
    finally
    {
        System.IO.Directory.Delete(temp, recursive: true);
    }
}

void RunIn(string folder, IDictionary<string, string> env, string file, string args)
{
    var exit = StartProcess(file, new ProcessSettings { Arguments = args, WorkingDirectory = folder, EnvironmentVariables = env, RedirectStandardOutput = true }, out var output);
    if (exit != 0) throw new CakeException($"{file} {args} exited with {exit}:\n{string.Join("\n", output)}");
}
