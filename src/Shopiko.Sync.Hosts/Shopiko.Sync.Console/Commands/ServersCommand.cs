using System.CommandLine;
using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Hosting.Settings;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary><c>servers</c>: the configured servers and their settings, English and Bulgarian names side by side, keys masked.</summary>
internal static class ServersCommand
{
    public static Command Create(CliOptions options)
    {
        var all = new Option<bool>("--all") { Description = "Include hidden servers (Скриване)." };
        var command = new Command("servers", "List the configured servers and their settings (keys masked).")
        {
            all,
            options.Json,
        }.AcceptOverrides();
        command.SetAction(result => Execute(result, options, all));
        return command;
    }

    private static int Execute(ParseResult result, CliOptions options, Option<bool> all)
    {
        List<(ServerOptions Server, ServerValidation Validation)> servers;
        try
        {
            var configuration = HostConfiguration.Build(result.GetValue(options.Config), ConfigurationOverrides.Of(result));
            var configured = SettingsView.Servers(configuration);
            // Invalid servers are listed too, with their reasons: a server is never dropped from the list. The verdict is
            // the service's (the library's checks and the service's own), as the servers file is the service's too.
            servers = [.. configured.Servers.Zip(configured.ValidateServers().Select(v => v.WithServiceChecks(configured.Servers[v.Index])))
                .Where(s => result.GetValue(all) || !s.First.Hidden)];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Terminal.Error("servers failed: " + RecordedRun.OneLine(ex.Message));
            return ExitCodes.Failed;
        }

        if (result.GetValue(options.Json))
        {
            ReportPrinter.Json(servers.Select(s => Json(s.Server, s.Validation)));
            return ExitCodes.Ok;
        }

        var terminal = Terminal.Detect();
        if (servers.Count == 0)
        {
            terminal.Line("No servers are configured. Add one under ShopikoSync:Servers (see docs/hosts.md).");
        }

        foreach (var (server, validation) in servers)
        {
            terminal.Heading(server.Name);
            terminal.Table(["setting", "настройка", "value"], Rows(server).Select(r => (IReadOnlyList<string>)[r.Key, r.Bulgarian, r.Value]));
            terminal.Line(validation.IsValid ? "  settings: OK" : "  settings: INVALID - this server does not run until they are corrected:");
            foreach (var problem in validation.Problems)
            {
                terminal.Line($"  {(problem.Severity == SettingSeverity.Error ? "error" : "warning")}: {problem.Message}");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>The server for scripts: the settings' own shape, typed (booleans, numbers), secrets masked, plus the verdict.</summary>
    private static object Json(ServerOptions s, ServerValidation v) => new
    {
        s.Name,
        s.AutoStart,
        s.Hidden,
        Valid = v.IsValid,
        SettingsPath = v.SettingsPath,
        Problems = v.Problems.Select(p => new { p.Setting, Severity = p.Severity == SettingSeverity.Error ? "error" : "warning", p.Message }),
        Warehouse = new
        {
            Provider = s.Warehouse.Provider.ToString(),
            ConnectionString = SettingsView.MaskConnectionString(s.Warehouse.ConnectionString),
            CommandTimeout = Span(s.Warehouse.CommandTimeout),
        },
        Shop = new
        {
            s.Shop.BaseUrl,
            s.Shop.ApiId,
            Key = SettingsView.MaskKey(s.Shop.Key),
            s.Shop.PageSize,
            s.Shop.BatchSize,
            AttemptTimeout = Span(s.Shop.AttemptTimeout),
            TotalTimeout = Span(s.Shop.TotalTimeout),
            s.Shop.MaxRetries,
        },
        Import = new
        {
            Start = s.Import.Start.ToString(),
            Delay = Span(s.Import.Delay),
            Interval = Span(s.Import.Interval),
            s.Import.Object,
            s.Import.SyncNomenclature,
            DocumentType = s.Import.DocumentType.ToString(),
            s.Import.OperatorId,
            s.Import.ShippingGoodCode,
        },
        Export = new
        {
            Start = s.Export.Start.ToString(),
            Delay = Span(s.Export.Delay),
            Interval = Span(s.Export.Interval),
            s.Export.Partners,
            s.Export.Goods,
            PriceColumn = s.Export.PriceColumn.ToString(),
            s.Export.StockObjects,
        },
        Matching = new { s.Matching.Enabled },
    };

    private static IEnumerable<(string Key, string Bulgarian, string Value)> Rows(ServerOptions s)
    {
        yield return ("Name", "Име на сървъра", s.Name);
        yield return ("AutoStart", "Автостарт", YesNo(s.AutoStart));
        yield return ("Hidden", "Скриване", YesNo(s.Hidden));
        yield return ("Warehouse.Provider", "База данни", s.Warehouse.Provider.ToString());
        yield return ("Warehouse.ConnectionString", "Връзка", SettingsView.MaskConnectionString(s.Warehouse.ConnectionString));
        yield return ("Shop.BaseUrl", "Адрес на магазина", s.Shop.BaseUrl.Length == 0 ? "(not set)" : s.Shop.BaseUrl);
        yield return ("Shop.ApiId", "API Идентификатор", s.Shop.ApiId.Length == 0 ? "(not set)" : s.Shop.ApiId);
        yield return ("Shop.Key", "Ключ", SettingsView.MaskKey(s.Shop.Key));
        yield return ("Import.Start", "Импорт", Schedule(s.Import));
        yield return ("Import.OrderPollInterval", "Проверка за поръчки", Fast(s.Import, s.Import.OrderPollInterval));
        yield return ("Import.Object", "Обект", s.Import.Object.Length == 0 ? "(the first object)" : s.Import.Object);
        yield return ("Import.SyncNomenclature", "Синхронизация на номенклатура с Shopiko", YesNo(s.Import.SyncNomenclature));
        yield return ("Import.DocumentType", "Вид документ", s.Import.DocumentType.ToString());
        yield return ("Export.Start", "Експорт", Schedule(s.Export));
        yield return ("Export.FastInterval", "Бърз експорт на наличности", Fast(s.Export, s.Export.FastInterval));
        yield return ("Export.CatalogueCheckInterval", "Проверка за промени в стоки и партньори", "every " + Span(s.Export.CatalogueCheckInterval));
        yield return ("Export.Partners", "Експорт партньори от Склад Про", YesNo(s.Export.Partners));
        yield return ("Export.Goods", "Експорт стоки от Склад Про", YesNo(s.Export.Goods));
        yield return ("Export.PriceColumn", "Ценова колона", s.Export.PriceColumn.ToString());
        yield return ("Export.StockObjects", "Обекти за наличности", s.Export.StockObjects.Count == 0 ? "(the import object)" : string.Join(", ", s.Export.StockObjects));
        yield return ("Matching.Enabled", "Свързване на съществуващи записи", YesNo(s.Matching.Enabled));
    }

    private static string Schedule(JobOptions job) => job.Start switch
    {
        StartMode.Disabled => "Disabled (Не стартирай)",
        StartMode.Delayed => $"Delayed by {Span(job.Delay)}, {Every(job)}",
        _ => $"OnServerStart, {Every(job)}",
    };

    // The fast schedules follow their job's start mode; the job's own interval is the full pass (the reconciliation).
    private static string Fast(JobOptions job, TimeSpan interval) =>
        job.Start == StartMode.Disabled || interval <= TimeSpan.Zero ? "off" : "every " + Span(interval);

    private static string Every(JobOptions job) => job.Interval <= TimeSpan.Zero ? "once" : "every " + Span(job.Interval);

    private static string Span(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
