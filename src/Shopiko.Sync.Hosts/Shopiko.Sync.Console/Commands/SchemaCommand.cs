using System.CommandLine;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Engine.RunLog;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Console.Commands;

/// <summary><c>schema create</c>: a blank Warehouse Pro database, for a new shop or a test.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "The database engine: sqlite or mysql.",
            Required = true,
        };
        provider.AcceptOnlyFromAmong("sqlite", "mysql");
        var connection = new Option<string>("--connection")
        {
            Description = "The connection string, e.g. \"Data Source=warehouse.db\" or \"Server=localhost;Database=warehouse;User ID=…;Password=…\".",
            Required = true,
        };
        var currency = new Option<string>("--currency")
        {
            Description = "The base currency (currency 1): EUR or BGN.",
            DefaultValueFactory = _ => "EUR",
        };
        currency.AcceptOnlyFromAmong("EUR", "BGN");
        var objectName = new Option<string>("--object")
        {
            Description = "The name of the first object (warehouse).",
            DefaultValueFactory = _ => "Централен Склад",
        };
        var excludingVat = new Option<bool>("--prices-exclude-vat") { Description = "Sale prices are kept without VAT (default: with VAT)." };

        var create = new Command("create", "Create a blank Warehouse Pro database (service rows, operation and payment types, VAT 20 %, currency, one object).")
        {
            provider,
            connection,
            currency,
            objectName,
            excludingVat,
        };
        create.SetAction(async (result, ct) =>
        {
            var kind = string.Equals(result.GetValue(provider), "mysql", StringComparison.OrdinalIgnoreCase) ? WarehouseProvider.MySql : WarehouseProvider.Sqlite;
            var connectionString = result.GetValue(connection)!;
            try
            {
                await WarehouseSchema.CreateBlankAsync(kind, connectionString, new BlankDatabaseOptions
                {
                    BaseCurrency = result.GetValue(currency)!,
                    ObjectName = result.GetValue(objectName)!,
                    PricesIncludeVat = !result.GetValue(excludingVat),
                }, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                Terminal.Error("schema create failed: " + RecordedRun.OneLine(ex.Message));
                return ExitCodes.Failed;
            }

            Terminal.Detect().Line($"Created a blank Warehouse Pro database ({kind}): {SettingsView.MaskConnectionString(connectionString)}");
            return ExitCodes.Ok;
        });

        return new Command("schema", "Warehouse Pro database tools.") { create };
    }
}
