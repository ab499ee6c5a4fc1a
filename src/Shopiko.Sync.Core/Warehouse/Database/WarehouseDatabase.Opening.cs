using System.Data.Common;
using System.Globalization;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Database;

// Opening: is it a supported Warehouse Pro database, what are its tables called, what are its settings and limits.
internal sealed partial class WarehouseDatabase
{
    /// <summary>Opens the database, checks it and reads its settings; what it finds is <see cref="Current"/> from then on.</summary>
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    /// <exception cref="WarehouseSchemaException">Required tables are missing or <c>system.Version</c> is unsupported.</exception>
    public async Task<WarehouseInfo> OpenAsync(CancellationToken cancellationToken)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> tables;
            try
            {
                tables = await Dialect.ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDriverError(e))
            {
                throw Translate(e, "the list of its tables");
            }

            var names = TableNames.Resolve(tables, Dialect.DefaultTableName, out var missing);
            if (missing.Count > 0)
            {
                throw new WarehouseSchemaException(
                    $"{Where} is not a Warehouse Pro database: the table(s) {string.Join(", ", missing)} are missing. " +
                    "Check the database name in the connection string.");
            }

            var sql = Dialect.BuildSql(names);
            var info = await ReadInfoAsync(connection, sql, cancellationToken).ConfigureAwait(false) with
            {
                Columns = await ReadColumnLimitsAsync(connection, cancellationToken).ConfigureAwait(false),
            };
            _opened = new Opened(sql, info);
            Log.Opened(Logger, Where, info.SchemaVersion, info.BaseCurrency, info.Settings.Costing.ToString());
            return info;
        }
        finally
        {
            _openLock.Release();
        }
    }

    /// <summary>The database as opened, opening it first when it never was.</summary>
    public async Task<Opened> OpenedAsync(CancellationToken cancellationToken)
    {
        var opened = _opened;
        if (opened is not null)
        {
            return opened;
        }

        await OpenAsync(cancellationToken).ConfigureAwait(false);
        return _opened!;
    }

    private async Task<WarehouseInfo> ReadInfoAsync(DbConnection connection, WarehouseSql sql, CancellationToken cancellationToken)
    {
        List<string?> versions;
        string? currency;
        List<ConfigurationRow> configuration;
        try
        {
            versions = (await connection.QueryAsync<string?>(Command(sql.SelectVersion, null, null, cancellationToken)).ConfigureAwait(false)).AsList();
            currency = await connection.ExecuteScalarAsync<string?>(Command(sql.SelectBaseCurrency, null, null, cancellationToken)).ConfigureAwait(false);
            configuration = (await connection.QueryAsync<ConfigurationRow>(Command(sql.SelectConfiguration, null, null, cancellationToken)).ConfigureAwait(false)).AsList();
        }
        catch (Exception e) when (IsConnectionError(e))
        {
            throw Translate(e, "the read of its settings");
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw new WarehouseSchemaException($"{Where} does not have the layout of a Warehouse Pro database: {e.Message}", e);
        }

        var version = versions.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v))
            ?? throw new WarehouseSchemaException($"{Where} holds no version in the table system: it is not a complete Warehouse Pro database.");
        if (!IsSupportedVersion(version))
        {
            throw new WarehouseSchemaException(
                $"{Where} is a Warehouse Pro database of version {version}; this library supports version 3.07 and later 3.x versions. " +
                "Update Warehouse Pro (or the library) so that they match.");
        }

        string? Config(string key) => configuration
            .Where(r => string.Equals(r.CfgKey?.Trim(), key, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.UserId == -1 ? 0 : 1).ThenBy(r => r.UserId)
            .Select(r => r.CfgValue?.Trim())
            .FirstOrDefault();

        // Program defaults when a key was never saved: prices with VAT, average costing, negative stock allowed,
        // one numbering for all objects.
        var settings = new WarehouseSettings(
            PricesIncludeVat: Flag(Config("configkey20"), true),
            Costing: int.TryParse(Config("configkey23"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var costing) && Enum.IsDefined((CostingMethod)costing)
                ? (CostingMethod)costing
                : CostingMethod.Average,
            AllowNegativeStock: Flag(Config("configkey12"), true),
            DocumentNumbersPerObject: Flag(Config("configkey48"), false));
        return new WarehouseInfo(Dialect.Provider, version, Text.Read(currency).Trim(), settings);
    }

    /// <summary>
    /// The text columns' real limits, from the database's own catalogue. A catalogue the user may not read leaves the
    /// limits unknown (with a warning): the database then refuses what does not fit, one record at a time.
    /// </summary>
    private async Task<ColumnLimits> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var limits = ColumnLimits.Of(await Dialect.ReadColumnLimitsAsync(connection, cancellationToken).ConfigureAwait(false));
            Log.ColumnLimitsRead(Logger, limits.Count, Where);
            return limits;
        }
        catch (Exception e) when (IsDriverError(e) && !IsConnectionError(e))
        {
            Log.ColumnLimitsUnreadable(Logger, Where, e.Message);
            return ColumnLimits.None;
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, "the read of its column definitions");
        }
    }

    private static bool Flag(string? value, bool whenMissing) =>
        string.IsNullOrEmpty(value) ? whenMissing : value is "-1" or "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>3.07 and later 3.x versions (<c>3.07</c>, <c>3.07.038</c>, <c>3.10</c>).</summary>
    internal static bool IsSupportedVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && major == 3 && minor >= 7;
    }
}
