using Microsoft.Data.Sqlite;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse.Fitting;

/// <summary>What a driver error means for a run: one record refused, or every record would fail alike.</summary>
public sealed class ErrorClassificationTests
{
    /// <summary>(SQLite result code, what it is, expected meaning as a name).</summary>
    public static TheoryData<int, string, string> Sqlite => new()
    {
        { 19, "a constraint or a trigger's RAISE(ABORT)", "Data" },
        { 18, "a string or blob too big", "Data" },
        { 20, "a datatype mismatch", "Data" },
        { 1, "no such table / column, a SQL error", "Schema" },
        { 14, "the file cannot be opened", "Connection" },
        { 10, "a disk I/O error", "Connection" },
        { 8, "the file is read-only", "Connection" },
        { 5, "busy after every retry", "Connection" },
    };

    [Theory]
    [MemberData(nameof(Sqlite))]
    public void Sqlite_result_codes(int code, string what, string expected) =>
        new SqliteDialect().Classify(new SqliteException(what, code)).ToString().Should().Be(expected, what);

    [Fact]
    public void A_socket_or_stream_failure_is_the_connection_on_every_engine()
    {
        WarehouseDialect[] dialects = [new SqliteDialect(), new MySqlDialect(), new SqlServerDialect(), new AccessDialect()];
        foreach (var dialect in dialects)
        {
            dialect.Classify(new IOException("Unable to read data from the transport connection")).Should().Be(WarehouseErrorKind.Connection, dialect.GetType().Name);
            dialect.Classify(new System.Net.Sockets.SocketException(10054)).Should().Be(WarehouseErrorKind.Connection, dialect.GetType().Name);
        }
    }
}
