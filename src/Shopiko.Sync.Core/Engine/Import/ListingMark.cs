using System.Globalization;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// The shop time up to which a nomenclature listing (products or customers) has been taken in completely, remembered in
/// the sync state so the next import asks only for what changed since (<c>updatedSince</c>) instead of the whole
/// catalogue. The new mark is the shop's own clock when the run opened (<c>GET shop</c> serverTime; else the newest
/// updatedAt seen) minus <see cref="Overlap"/>, so a record written while the listing ran, or stamped a little late, is
/// listed again rather than missed; listing a linked record again costs nothing. The mark advances only when the whole
/// pass went through: a record held back (quarantine) keeps the old mark, so it comes back until it imports.
/// <see cref="SyncRunOptions.Full"/> ignores the mark; a dry run never moves it.
/// </summary>
internal sealed class ListingMark
{
    /// <summary>How far before the shop's clock the next listing starts.</summary>
    internal static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private readonly SyncSession _session;
    private readonly string _name;
    private DateTimeOffset? _newest;
    private bool _incomplete;

    private ListingMark(SyncSession session, string name, DateTimeOffset? since)
    {
        _session = session;
        _name = name;
        Since = since;
    }

    /// <summary>Where this run's listing starts (null: from the beginning).</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>Reads the mark <paramref name="name"/> (e.g. <c>import.products</c>); a full run starts from the beginning.</summary>
    public static async Task<ListingMark> ReadAsync(SyncSession session, string name, CancellationToken ct)
    {
        DateTimeOffset? since = null;
        if (!session.Options.Full
            && await session.State.ReadMarkAsync(session.Scope, name, ct).ConfigureAwait(false) is { } value
            && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            since = parsed;
        }

        return new ListingMark(session, name, since);
    }

    /// <summary>A record was listed.</summary>
    public void Seen(DateTimeOffset? updatedAt)
    {
        if (updatedAt is { } at && at != default && (_newest is null || at > _newest))
        {
            _newest = at;
        }
    }

    /// <summary>A record was held back: the mark must not pass it.</summary>
    public void Incomplete() => _incomplete = true;

    /// <summary>Moves the mark when the pass went through completely.</summary>
    public async Task AdvanceAsync(CancellationToken ct)
    {
        var clock = _session.Shop.ServerTime != default ? _session.Shop.ServerTime : _newest;
        if (_incomplete || _session.DryRun || clock is not { } upTo)
        {
            return;
        }

        var mark = (upTo - Overlap).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        await _session.State.SaveMarkAsync(_session.Scope, _name, mark, ct).ConfigureAwait(false);
    }
}
