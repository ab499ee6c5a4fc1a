using System.Reflection;
using System.Runtime.CompilerServices;
using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.IntegrationTests.Engine;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// A MariaDB connection killed by the server while the store streams rows: the caller sees the library's own
/// <see cref="WarehouseConnectionException"/>, never the driver's, and a run ends with one line, no stack trace.
/// </summary>
[RequiresMariaDb]
public sealed class DroppedConnectionTests
{
    // Enough rows that the server is still sending when the connection is killed (more than socket buffers hold).
    private const int Rows = 20_000;

    [StoreFact]
    public async Task A_connection_killed_mid_read_reaches_the_caller_as_a_WarehouseConnectionException()
    {
        var server = await MariaDbServer.GetSharedAsync();
        var cs = await server.CreateDatabaseAsync("dropped");
        await WarehouseSchema.CreateBlankAsync(WarehouseProvider.MySql, cs);
        await FillAsync(cs);
        var store = new WarehouseStoreFactory().Create(new WarehouseConnectionOptions { Provider = WarehouseProvider.MySql, ConnectionString = cs });

        var read = 0;
        var act = async () =>
        {
            await foreach (var _ in store.ReadGoodsAsync())
            {
                if (++read == 1)
                {
                    await KillConnectionsAsync(cs);
                }
            }
        };

        var thrown = (await act.Should().ThrowAsync<WarehouseConnectionException>()).Which;
        read.Should().BeLessThan(Rows, "the read stopped when the connection went");
        thrown.Message.Should().Contain("connection").And.Contain("MySQL server");
        thrown.InnerException.Should().NotBeNull();
        thrown.Should().NotBeAssignableTo<MySqlException>();

        // The store is fine afterwards: the next read opens a new connection.
        (await store.ReadGoodsAsync().CountAsync()).Should().Be(Rows);
    }

    [Fact]
    public async Task A_run_whose_connection_drops_mid_read_fails_with_one_line_and_no_stack_trace()
    {
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.MySql);
        await FillAsync(rig.ConnectionString);

        var report = await rig.Engine(store => KillingReadStore.Wrap(store, nameof(IWarehouseStore.ReadGoodsForShopAsync), () => KillConnectionsAsync(rig.ConnectionString)))
            .ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Failed);
        report.Error.Should().Contain("connection").And.NotContain(" at ").And.NotContain("Exception").And.NotContain("\n");
    }

    private static async Task FillAsync(string cs)
    {
        await using var connection = new MySqlConnection(cs);
        await connection.OpenAsync();
        const string digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        await using var command = new MySqlCommand(
            "INSERT INTO goods (Code, BarCode1, BarCode2, BarCode3, Name, Name2, Measure1, Measure2, Description, GroupID, TaxGroup, Type, Deleted) " +
            $"SELECT CONCAT('BULK-', n), ' ', ' ', ' ', REPEAT('я', 200), REPEAT('я', 200), 'бр.', 'бр.', REPEAT('о', 200), 1, 1, 0, 0 FROM " +
            $"(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1 AS n FROM {digits} a, {digits} b, {digits} c, {digits} e, {digits} f) x WHERE n <= {Rows}",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Kills every server connection to the test's database but this one, as a server restart or a network cut would.</summary>
    private static async Task KillConnectionsAsync(string cs)
    {
        var database = new MySqlConnectionStringBuilder(cs).Database;
        var server = await MariaDbServer.GetSharedAsync();
        await using var admin = new MySqlConnection(server.ServerConnectionString);
        await admin.OpenAsync();
        var ids = new List<long>();
        await using (var list = new MySqlCommand("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = @db AND ID <> CONNECTION_ID()", admin))
        {
            list.Parameters.AddWithValue("@db", database);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var id in ids)
        {
            await using var kill = new MySqlCommand($"KILL CONNECTION {id}", admin);
            try
            {
                await kill.ExecuteNonQueryAsync();
            }
            catch (MySqlException)
            {
                // Gone already.
            }
        }
    }
}

/// <summary>A store whose chosen streaming read runs <c>kill</c> after its first row and then goes on reading from the real store.</summary>
public class KillingReadStore : DispatchProxy
{
    private IWarehouseStore _inner = null!;
    private string _read = "";
    private Func<Task> _kill = null!;

    public static IWarehouseStore Wrap(IWarehouseStore inner, string read, Func<Task> kill)
    {
        var proxy = Create<IWarehouseStore, KillingReadStore>();
        var killing = (KillingReadStore)(object)proxy;
        killing._inner = inner;
        killing._read = read;
        killing._kill = kill;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(_inner, args);
        if (targetMethod.Name != _read)
        {
            return result;
        }

        var rowType = targetMethod.ReturnType.GetGenericArguments()[0];
        return typeof(KillingReadStore).GetMethod(nameof(KillAfterFirst), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(rowType).Invoke(null, [result, _kill, CancellationToken.None]);
    }

    private static async IAsyncEnumerable<T> KillAfterFirst<T>(IAsyncEnumerable<T> rows, Func<Task> kill, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var first = true;
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
            if (first)
            {
                first = false;
                await kill();
            }
        }
    }
}
