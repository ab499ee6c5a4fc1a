using Dapper;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.State;

// The quarantine: items held back with a reason, retried each run until they go through.
internal sealed partial class SyncStateStore
{
    /// <summary>Longest reason kept; a longer one is shortened (it is for people) rather than refused.</summary>
    private const int ReasonLength = 1000;

    public async Task QuarantineAsync(string scope, SyncEntity entity, string id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reason);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        var now = Clock.UtcNow(_db.Time);
        var parameters = new
        {
            Scope = Text.Own(scope, "The shop scope", IdLength),
            Entity = entity.ToString(),
            ItemId = Text.Own(id, "The quarantined id", IdLength),
            Reason = reason.Length <= ReasonLength ? reason : reason[..(ReasonLength - 3)] + "...",
            Now = now,
            FirstSeen = now,
            LastSeen = now,
        };
        await _db.WriteAsync((connection, transaction, sql, _) =>
            UpsertAsync(connection, transaction, sql.UpdateQuarantine, sql.InsertQuarantine, parameters, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseQuarantineAsync(string scope, SyncEntity entity, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(id);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        await _db.WriteAsync((connection, transaction, sql, _) =>
            connection.ExecuteAsync(_db.Command(sql.DeleteQuarantine, new { Scope = scope, Entity = entity.ToString(), ItemId = id }, transaction, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QuarantineEntry>> ReadQuarantineAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        return await _db.ListAsync<QuarantineRow, QuarantineEntry>(s => s.SelectQuarantine, new { Scope = scope }, r => r.ToEntry(), cancellationToken).ConfigureAwait(false);
    }
}
