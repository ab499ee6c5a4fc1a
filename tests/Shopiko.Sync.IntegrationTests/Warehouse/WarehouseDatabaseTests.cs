using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.IntegrationTests.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Database;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// The one database gateway: what it retries (through its Polly pipeline, waiting on the store's clock, never the
/// machine's), what it translates at once, and the sync state's one upsert on a real SQLite file and MariaDB database.
/// </summary>
public sealed class WarehouseDatabaseTests : IDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteConstraint = 19;

    private readonly string _directory = Directory.CreateTempSubdirectory("shopiko-gateway-").FullName;
    private readonly WaitSkippingClock _clock = new(new DateTimeOffset(2026, 3, 14, 10, 30, 15, TimeSpan.Zero));

    public static IEnumerable<object[]> Providers => SyncRig.Providers;

    [Fact]
    public async Task A_write_that_lost_a_lock_runs_again_whole_after_a_wait_on_the_store_clock()
    {
        var db = await BlankAsync(WarehouseProvider.Sqlite);
        var logger = new FakeLogger();
        var gateway = db.NewGateway(new WarehouseRetry(3, TimeSpan.FromSeconds(30)), logger);
        var attempts = 0;
        var watch = Stopwatch.StartNew();

        var result = await gateway.WriteAsync(async (connection, transaction, sql, _) =>
        {
            attempts++;
            await connection.ExecuteAsync(new CommandDefinition("UPDATE objects SET Name = @Name WHERE ID = 2", new { Name = "Склад " + attempts }, transaction));
            return attempts == 1 ? throw new SqliteException("database is locked", SqliteBusy) : attempts;
        }, CancellationToken.None);

        result.Should().Be(2);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the wait ran on the fake clock, not the machine's");
        _clock.Waits.Should().ContainSingle().Which.Should().BePositive();
        logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 1103);
        (await db.ScalarAsync<string>("SELECT [Name] FROM {objects} WHERE [ID] = 2")).Should().Be("Склад 2", "the first attempt was rolled back, the second committed");
    }

    [Fact]
    public async Task A_write_that_keeps_losing_its_lock_gives_up_after_the_last_attempt_as_a_connection_error()
    {
        var db = await BlankAsync(WarehouseProvider.Sqlite);
        var gateway = db.NewGateway(WarehouseRetry.Default);
        var attempts = 0;

        var act = () => gateway.WriteAsync<int>((_, _, _, _) =>
        {
            attempts++;
            throw new SqliteException("database is locked", SqliteBusy);
        }, CancellationToken.None);

        // SQLite's busy file is the connection's trouble, not this record's: the run stops and the next one goes on.
        await act.Should().ThrowAsync<WarehouseConnectionException>();
        attempts.Should().Be(WarehouseRetry.Default.Attempts);
        _clock.Waits.Should().BeEmpty("the default retries at once");
    }

    [Fact]
    public async Task A_write_the_database_refuses_is_translated_once_and_not_retried()
    {
        var db = await BlankAsync(WarehouseProvider.Sqlite);
        var logger = new FakeLogger();
        var gateway = db.NewGateway(new WarehouseRetry(3, TimeSpan.FromSeconds(30)), logger);
        var attempts = 0;

        var act = () => gateway.WriteAsync<int>((_, _, _, _) =>
        {
            attempts++;
            throw new SqliteException("UNIQUE constraint failed", SqliteConstraint);
        }, CancellationToken.None);

        (await act.Should().ThrowAsync<WarehouseDataException>()).Which.InnerException.Should().BeOfType<SqliteException>();
        attempts.Should().Be(1);
        _clock.Waits.Should().BeEmpty();
        logger.Collector.GetSnapshot().Should().NotContain(r => r.Id.Id == 1103);
    }

    [Fact]
    public async Task A_read_that_lost_a_lock_is_read_again()
    {
        var db = await BlankAsync(WarehouseProvider.Sqlite);
        var logger = new FakeLogger();
        var gateway = db.NewGateway(new WarehouseRetry(3, TimeSpan.FromSeconds(1)), logger);
        var attempts = 0;

        var objects = await gateway.ReadAsync(async (connection, opened, ct) =>
        {
            attempts++;
            return attempts == 1
                ? throw new SqliteException("database is locked", SqliteBusy)
                : (await connection.QueryAsync<int>(gateway.Command(opened.Sql.SelectObjects, null, null, ct))).Count();
        }, CancellationToken.None);

        objects.Should().BePositive();
        attempts.Should().Be(2);
        logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 1110);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_upsert_inserts_a_missing_row_then_updates_it(WarehouseProvider provider)
    {
        var db = await BlankAsync(provider);
        var gateway = db.NewGateway();
        var state = new SyncStateStore(gateway);
        await state.EnsureTablesAsync();

        Task<bool> UpsertAsync(string value) => gateway.WriteAsync((connection, transaction, sql, _) =>
            state.UpsertAsync(connection, transaction, sql.UpdateMark, sql.InsertMark, new { Scope = "shop", Name = "n", Value = value, Now = Clock.UtcNow(_clock) }, CancellationToken.None),
            CancellationToken.None);

        (await UpsertAsync("1")).Should().BeTrue("the row was missing");
        (await UpsertAsync("2")).Should().BeFalse("the row is there now");
        (await state.ReadMarkAsync("shop", "n")).Should().Be("2");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM shopikosync_marks")).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_upsert_takes_a_row_another_engine_inserted_first_as_an_update(WarehouseProvider provider)
    {
        var db = await BlankAsync(provider);
        var gateway = db.NewGateway();
        var state = new SyncStateStore(gateway);
        await state.SaveMarkAsync("shop", "n", "theirs");

        // An update that sees nothing stands for the moment between another engine's insert and our update.
        var inserted = await gateway.WriteAsync((connection, transaction, sql, _) =>
            state.UpsertAsync(connection, transaction, sql.UpdateMark + " AND 1 = 0", sql.InsertMark,
                new { Scope = "shop", Name = "n", Value = "ours", Now = Clock.UtcNow(_clock) }, CancellationToken.None),
            CancellationToken.None);

        inserted.Should().BeFalse("the duplicate key is the other engine's row, not an error");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM shopikosync_marks")).Should().Be(1);
    }

    private async Task<TestDatabase> BlankAsync(WarehouseProvider provider)
    {
        string cs;
        if (provider == WarehouseProvider.MySql)
        {
            var server = await MariaDbServer.GetSharedAsync();
            cs = await server.CreateDatabaseAsync("gateway");
        }
        else
        {
            cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), Pooling = false }.ToString();
        }

        await WarehouseSchema.CreateBlankAsync(provider, cs, new BlankDatabaseOptions());
        return new TestDatabase(provider, cs, _clock);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left to the temp folder's cleanup.
        }
    }

    /// <summary>A fake clock that moves on by itself whenever a wait starts on it (as the retry's does), and records the wait.</summary>
    private sealed class WaitSkippingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly Lock _gate = new();

        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (_gate)
                {
                    Waits.Add(dueTime);
                }

                Advance(dueTime);
            }

            return timer;
        }
    }
}
