// Shopiko.Sync build script: dotnet tool restore && dotnet cake --target=<Clean|Build|Test|Pack|Demo|Benchmark>
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./Shopiko.Sync.sln";

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
    // The packages: the library, the sandbox shop for integrators' tests, and the CLI as a dotnet tool. The service
    // host is published (see docs/hosts.md), not packed.
    foreach (var project in new[]
    {
        "./src/Shopiko.Sync.Core/Shopiko.Sync.Core.csproj",
        "./src/Shopiko.Sync.Hosts/Shopiko.Sync.Sandbox/Shopiko.Sync.Sandbox.csproj",
        "./src/Shopiko.Sync.Hosts/Shopiko.Sync.Console/Shopiko.Sync.Console.csproj",
    })
    {
        DotNetPack(project, new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = "./nuget" });
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
