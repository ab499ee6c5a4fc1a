using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Engine.State;

// Marks: named values remembered per scope (where a listing is complete up to, the fast path's checksums …).
internal sealed partial class SyncStateStore
{
    public async Task<string?> ReadMarkAsync(string scope, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        return (await _db.ListAsync<string?, string?>(s => s.SelectMark, new { Scope = scope, Name = name }, v => v, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();
    }

    public Task SaveMarkAsync(string scope, string name, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        return SaveMarksAsync(scope, [new KeyValuePair<string, string?>(name, value)], cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string?>> ReadMarksAsync(string scope, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        // The prefix is the library's own (letters, digits and dots): nothing in it is a LIKE wildcard.
        var rows = await _db.ListAsync<MarkRow, MarkRow>(s => s.Changes.SelectMarks, new { Scope = scope, Prefix = prefix + "%" }, r => r, cancellationToken).ConfigureAwait(false);
        var marks = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // LIKE may ignore case; the names are compared exactly here.
            if (row.Name is { } name && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                marks[name] = row.Value;
            }
        }

        return marks;
    }

    public async Task SaveMarksAsync(string scope, IReadOnlyCollection<KeyValuePair<string, string?>> marks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0)
        {
            return;
        }

        Text.Own(scope, "The shop scope", IdLength);
        var now = Clock.UtcNow(_db.Time);
        var rows = marks.Select(m => new
        {
            Scope = scope,
            Name = Text.Own(m.Key, "The mark name", MarkNameLength),
            Value = Text.Own(m.Value, "The mark value", IdLength),
            Now = now,
        }).ToList();
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        // One transaction for all (the checksums of a hundred ranges are one commit).
        await _db.WriteAsync(async (connection, transaction, sql, _) =>
        {
            foreach (var parameters in rows)
            {
                await UpsertAsync(connection, transaction, sql.UpdateMark, sql.InsertMark, parameters, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }
}
