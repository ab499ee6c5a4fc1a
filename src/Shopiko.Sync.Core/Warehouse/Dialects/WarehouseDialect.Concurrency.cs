using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

// What the engine allows while the run's readers are open, so the sync pipeline never needs to know the providers.
internal abstract partial class WarehouseDialect
{
    /// <summary>
    /// True when the sync state may be written (a commit on another connection) while other connections of the run
    /// still stream reads, without waiting for them or making them wait: the export then writes each batch's links as the
    /// shop answers it. Asked by provider: the run knows its provider from the warehouse's info, also when the store is
    /// wrapped.
    /// </summary>
    /// <remarks>
    /// MySQL/MariaDB (InnoDB): reads are consistent snapshots that take no locks, so a commit neither waits for an open
    /// reader nor blocks it. SQLite: only in WAL mode, and the store sets WAL best effort (a read-only or busy file keeps
    /// its rollback journal, which answers "database is locked" to a commit while a reader is open), so the provider
    /// alone does not vouch for it. SQL Server: under the default locking READ COMMITTED a streaming reader holds
    /// shared locks where it stands, and a link write into the sync table the reads also scan may wait behind it (or
    /// deadlock with it); whether the database has READ_COMMITTED_SNAPSHOT is the merchant's setting, not ours. Access
    /// (Jet) locks pages. All of these read first and write after.
    /// </remarks>
    public static bool WritesWhileReadingOn(WarehouseProvider provider) => provider is WarehouseProvider.MySql;
}
