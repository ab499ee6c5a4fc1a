using System.Data.Common;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse.Database;

// Driver errors: which are ours to translate, and what they become.
internal sealed partial class WarehouseDatabase
{
    /// <summary>What <see cref="Translate"/> is told a read was doing.</summary>
    public const string Reading = "a read";

    /// <summary>
    /// An error the driver raised (its own exception type, or the socket/stream under it when a connection drops
    /// mid-read). Only these are translated: a bug of ours stays what it is.
    /// </summary>
    public static bool IsDriverError(Exception e) =>
        e is DbException or IOException or System.Net.Sockets.SocketException or TimeoutException;

    /// <summary>
    /// The one place a driver error becomes the library's own: <see cref="WarehouseDataException"/> when the database
    /// refused this record's write (the run quarantines it and goes on), <see cref="WarehouseConnectionException"/> or
    /// <see cref="WarehouseSchemaException"/> when every record would fail alike (the run stops). A read concerns no
    /// one record, so what the database refuses there (other than the connection) is the schema's. The database's own
    /// reason is kept in the message; the driver exception is the inner exception.
    /// </summary>
    public WarehouseException Translate(Exception e, string doing, bool write = false) => Dialect.Classify(e) switch
    {
        WarehouseErrorKind.Data when write => new WarehouseDataException($"{Where} refused {doing}: {e.Message} Nothing was written.", e),
        WarehouseErrorKind.Data or WarehouseErrorKind.Schema => new WarehouseSchemaException(
            $"{Where} refused {doing}: {e.Message} Check that it is a complete Warehouse Pro database and that the database user may read and write its tables.", e),
        _ => new WarehouseConnectionException(
            $"The connection to {Where} failed during {doing}: {e.Message} Check that the server is running and reachable; the next run goes on from here.", e),
    };

    /// <summary>True when the driver error is the connection's (not the statement's or the record's).</summary>
    public bool IsConnectionError(Exception e) => IsDriverError(e) && Dialect.Classify(e) == WarehouseErrorKind.Connection;
}
