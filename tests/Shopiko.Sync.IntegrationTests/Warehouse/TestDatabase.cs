using System.Text.RegularExpressions;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Database;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// A test's own warehouse database with raw SQL access for arranging and checking what the store wrote. SQL uses
/// <c>{table}</c> and <c>[Column]</c> placeholders so one text works on every engine.
/// </summary>
public sealed partial class TestDatabase(WarehouseProvider provider, string connectionString, TimeProvider time)
{
    private readonly WarehouseDialect _dialect = WarehouseDatabase.CreateDialect(provider);

    public WarehouseConnectionOptions Options { get; } = new() { Provider = provider, ConnectionString = connectionString };

    public string ConnectionString => connectionString;

    public IWarehouseStore NewStore() => new WarehouseStoreFactory(time).Create(Options);

    /// <summary>The sync state of a new store (on that store's database gateway).</summary>
    internal SyncStateStore NewState() => ((WarehouseStore)NewStore()).State;

    /// <summary>A database gateway of its own on this database, retrying as <paramref name="retry"/> says.</summary>
    internal WarehouseDatabase NewGateway(WarehouseRetry? retry = null, Microsoft.Extensions.Logging.ILogger? logger = null) => new(Options, time, logger, retry);

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = _dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        return await connection.ExecuteAsync(new CommandDefinition(Translate(sql), parameters));
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = _dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(Translate(sql), parameters)))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = _dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(new CommandDefinition(Translate(sql), parameters))).AsList();
    }

    /// <summary>Row counts of the tables a failed write must leave untouched, and the total stock.</summary>
    public async Task<string> FingerprintAsync() =>
        $"ops={await ScalarAsync<long>("SELECT COUNT(*) FROM {operations}")} " +
        $"pay={await ScalarAsync<long>("SELECT COUNT(*) FROM {payments}")} " +
        $"acct={await ScalarAsync<long>("SELECT COUNT(*) FROM {nextacct}")} " +
        $"goods={await ScalarAsync<long>("SELECT COUNT(*) FROM {goods}")} " +
        $"store={await ScalarAsync<long>("SELECT COUNT(*) FROM {store}")} " +
        $"qtty={await ScalarAsync<double?>("SELECT SUM([Qtty]) FROM {store}")}";

    private string Translate(string sql)
    {
        sql = Table().Replace(sql, m => _dialect.Quote(_dialect.DefaultTableName(m.Groups[1].Value)));
        return Column().Replace(sql, m => _dialect.Quote(m.Groups[1].Value));
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Table();

    [GeneratedRegex(@"\[([A-Za-z0-9_]+)\]")]
    private static partial Regex Column();
}

/// <summary>operations as written (for checks).</summary>
public sealed class OperationRow
{
    public int OperType { get; set; }
    public long Acct { get; set; }
    public int GoodID { get; set; }
    public int PartnerID { get; set; }
    public int ObjectID { get; set; }
    public int OperatorID { get; set; }
    public double Qtty { get; set; }
    public int Sign { get; set; }
    public double PriceIn { get; set; }
    public double PriceOut { get; set; }
    public double VATOut { get; set; }
    public int CurrencyID { get; set; }
    public double CurrencyRate { get; set; }
    public DateTime Date { get; set; }
    public string Lot { get; set; } = "";
    public int LotID { get; set; }
    public string Note { get; set; } = "";
    public int UserID { get; set; }
    public DateTime UserRealTime { get; set; }
}

/// <summary>payments as written (for checks).</summary>
public sealed class PaymentRow
{
    public double Acct { get; set; }
    public int OperType { get; set; }
    public int PartnerID { get; set; }
    public int ObjectID { get; set; }
    public double Qtty { get; set; }
    public int Mode { get; set; }
    public int Sign { get; set; }
    public int Type { get; set; }
    public string TransactionNumber { get; set; } = "";
    public DateTime EndDate { get; set; }
}
