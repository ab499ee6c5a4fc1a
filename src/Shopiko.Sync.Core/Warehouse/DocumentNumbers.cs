using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

/// <summary>
/// Reserves document numbers (operations.Acct) the way Warehouse Pro does, so that cashiers working in the program
/// while the sync runs never get the same number: <c>next = MAX(Acct) + 1</c> over the document's operation types
/// (per object when <c>configkey48</c> is on), then <c>prefix + number</c> is inserted into <c>nextacct</c>, whose
/// primary key is the real lock; when that row exists the next number is tried, up to 100 times.
/// </summary>
internal static class DocumentNumbers
{
    /// <summary>How many numbers are tried before giving up, as the program does.</summary>
    public const int MaxAttempts = 100;

    /// <summary>OperType, Sign and the nextacct prefix of each kind.</summary>
    /// <remarks>
    /// Sales use <c>S</c> (confirmed by real databases). The sales-order prefix is not confirmed; <c>OR</c> is the likely
    /// one. Customer returns (Рекламация) use <c>CR</c>: it collides with no documented prefix (S, D, T, WA, WO, R, OF, P, INV).
    /// </remarks>
    public static (int OperType, int Sign, string Prefix, int[] NumberedWith) Describe(DocumentKind kind) => kind switch
    {
        // Consignment sales (16) share the sales numbering.
        DocumentKind.Sale => (2, -1, "S", [2, 16]),
        DocumentKind.SalesOrder => (19, 0, "OR", [19]),
        DocumentKind.CustomerReturn => (34, +1, "CR", [34]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document kind."),
    };

    /// <summary>The printable number: prefix and ten digits, e.g. <c>S0000000123</c>.</summary>
    public static string Format(string prefix, long acct) => prefix + acct.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reserves the next number after <paramref name="max"/> (read by the caller with
    /// <see cref="WarehouseSql.SelectMaxAcct"/> inside the transaction) and returns it. <paramref name="insert"/> sends
    /// the <see cref="WarehouseSql.InsertNextAcct"/> of a key (prefix and number); a duplicate key it throws means the
    /// number is taken, and the next one is tried. The caller owns the command, so it may send a read in the same one.
    /// </summary>
    /// <exception cref="WarehouseDataException">No free number within <see cref="MaxAttempts"/> tries.</exception>
    public static async Task<long> ReserveAsync(
        WarehouseDialect dialect, ILogger logger, DocumentKind kind, double? max, Func<string, CancellationToken, Task> insert,
        CancellationToken cancellationToken)
    {
        var (_, _, prefix, _) = Describe(kind);
        var next = (long)(max ?? 0) + 1;
        for (var attempt = 0; attempt < MaxAttempts; attempt++, next++)
        {
            var key = prefix + next.ToString(CultureInfo.InvariantCulture);
            try
            {
                await insert(key, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (DbException e) when (dialect.IsDuplicateKey(e))
            {
                // Another writer (a cashier or another engine) holds this number; MySQL and SQL Server keep the
                // transaction alive after a duplicate-key statement error, SQLite and Access as well.
                Log.DocumentNumberTaken(logger, key);
            }
        }

        throw new WarehouseDataException(
            $"No free document number for a {kind} after {MaxAttempts} tries from {prefix}{next - MaxAttempts}: the table nextacct holds " +
            "all of them. Check the document numbering in Warehouse Pro (Настройки → Номерация) and try again.");
    }
}
