using Shopiko.Sync.Engine.State;
using System.Reflection;
using System.Text.RegularExpressions;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>One statement (or command of several) the store sends, named after what built it.</summary>
internal sealed record StoreStatement(string Name, string Sql)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every command the store can send through a dialect, against the real table names of schema.json: each statement of
/// <see cref="WarehouseSql"/> and of the fast path's <see cref="ChangeSql"/> within it, the multi-row ones at 1, 2 and the most rows the store puts in one statement, the ID
/// lists below and past the parameter limit, and what the store builds at run time from several statements (a
/// document's facts and goods, the number reservation with the stock read, a document's write batch through the real
/// <see cref="StatementBatch"/>). Only what the store runs on that engine: Access is never sent a multi-row statement.
/// </summary>
internal static partial class StoreStatements
{
    /// <summary>The store's own row counts, read from its constants so that a change there changes what is checked.</summary>
    public static int MaxOperationRows => StoreConstant("MaxOperationRows");

    public static int AcknowledgedPerStatement => StoreConstant("AcknowledgedPerStatement", typeof(SyncStateStore));

    public static int AcknowledgedPerAccessStatement => StoreConstant("AcknowledgedPerAccessStatement", typeof(SyncStateStore));

    /// <summary>A list long enough to pass SQL Server's 2,100 parameters, were its IDs parameters.</summary>
    public const int LongIdList = 2500;

    /// <summary>The most parameters a command may carry on SQL Server: 2,100 per request, less the two of sp_executesql.</summary>
    public const int SqlServerMaxParameters = 2100 - 2;

    /// <summary>The most rows SQL Server takes in one INSERT … VALUES.</summary>
    public const int SqlServerMaxInsertRows = 1000;

    private static int StoreConstant(string name, Type? owner = null) =>
        (int)((owner ?? typeof(WarehouseStore)).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue()
            ?? throw new InvalidOperationException($"{(owner ?? typeof(WarehouseStore)).Name}.{name} is gone: say here how many rows the store now puts in one statement."));

    /// <summary>The real tables as schema.json spells them.</summary>
    public static TableNames RealTables()
    {
        var names = TableNames.Resolve(WarehouseProSchema.Real.Tables.Select(t => t.Name), t => t, out var missing);
        return missing.Count == 0 ? names : throw new InvalidOperationException("schema.json lacks " + string.Join(", ", missing));
    }

    /// <summary>Every command the store sends through <paramref name="dialect"/>.</summary>
    public static IReadOnlyList<StoreStatement> For(WarehouseDialect dialect)
    {
        var sql = dialect.BuildSql(RealTables());
        var many = dialect.InsertsManyRows;
        var list = new List<StoreStatement>();
        void Add(string name, string text) => list.Add(new StoreStatement(name, text));
        int[] Rows(int most) => many ? [1, 2, most] : [1];
        IReadOnlyList<int> Ids(int count) => [.. Enumerable.Range(2, count)];
        int[] idCounts = [1, 2, WarehouseDialect.MaxIdParameters, WarehouseDialect.MaxIdParameters + 1, LongIdList];

        Enumerate(sql, "");

        // The statements of one holder: WarehouseSql, then the fast path's ChangeSql within it (named Changes.*).
        void Enumerate(object holder, string prefix)
        {
            foreach (var property in holder.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = property.Name;
                switch (property.GetValue(holder))
                {
                    case ChangeSql changes:
                        Enumerate(changes, nameof(WarehouseSql.Changes) + ".");
                        break;
                    case null:
                        // Not on this engine (SelectDocumentFacts and UpsertLinks on Access): the store runs the single statements.
                        break;
                    case string when name == nameof(WarehouseSql.LastIdentity) && dialect.BatchesStatements:
                        // Sent in the INSERT's own command there (see the Insert* statements).
                        break;
                    case string text:
                        Add(prefix + name, text);
                        break;
                    case Func<PriceColumn, string> byPrice:
                        foreach (var price in Enum.GetValues<PriceColumn>())
                        {
                            Add($"{prefix}{name}({price})", byPrice(price));
                        }

                        break;
                    // Contravariance: a Func of IEnumerable is a Func of IReadOnlyList too, so it is matched first.
                    case Func<IEnumerable<int>, string> byObjects:
                        Add($"{prefix}{name}(1 object)", byObjects([2]));
                        Add($"{prefix}{name}(50 objects)", byObjects(Enumerable.Range(2, 50)));
                        break;
                    case Func<IEnumerable<int>, IReadOnlyList<int>, string> byObjectsAndIds:
                        // The objects in the text, the IDs as the store chunks them (and past the parameter limit, inlined).
                        foreach (var count in idCounts)
                        {
                            Add($"{prefix}{name}(1 object, {count} ids)", byObjectsAndIds([2], Ids(count)));
                        }

                        Add($"{prefix}{name}(50 objects, 2 ids)", byObjectsAndIds(Enumerable.Range(2, 50), Ids(2)));
                        break;
                    case Func<IReadOnlyList<int>, string> byIds:
                        foreach (var count in idCounts)
                        {
                            Add($"{prefix}{name}({count} ids)", byIds(Ids(count)));
                        }

                        break;
                    case Func<IEnumerable<int>, bool, string> maxAcct:
                        foreach (var (kind, perObject) in MaxAcctVariants())
                        {
                            Add($"{prefix}{name}({kind}{(perObject ? ", per object" : "")})", maxAcct(DocumentNumbers.Describe(kind).NumberedWith, perObject));
                        }

                        break;
                    case Func<string, bool, string> facts:
                        // As the store sends it: the facts, then the document's goods, in one command.
                        foreach (var (kind, perObject) in MaxAcctVariants())
                        {
                            var max = sql.SelectMaxAcct(DocumentNumbers.Describe(kind).NumberedWith, perObject);
                            foreach (var count in idCounts)
                            {
                                Add($"{prefix}{name}+SelectDocumentGoods({kind}{(perObject ? ", per object" : "")}, order, {count} ids)",
                                    facts(max, true) + ";\n" + sql.SelectDocumentGoods(Ids(count)));
                            }

                            Add($"{prefix}{name}+SelectDocumentGoods({kind}, no order)", facts(max, false) + ";\n" + sql.SelectDocumentGoods(Ids(2)));
                        }

                        break;
                    case Func<LinkRows, SqlBatch> upsert:
                        foreach (var count in Rows(WarehouseDialect.MaxRowsPerStatement))
                        {
                            var rows = Enumerable.Range(2, count).Select(i => new SyncLink(SyncEntity.Product, i, "p" + i, "h" + i)).ToList();
                            Add($"{prefix}{name}({count} rows)", upsert(new LinkRows("shop", nameof(SyncEntity.Product), DateTime.UnixEpoch, rows)).Sql);
                        }

                        break;
                    case Func<int, string> byCount:
                        int[] counts = name switch
                        {
                            nameof(WarehouseSql.InsertOperations) or nameof(WarehouseSql.InsertPayments) => Rows(MaxOperationRows),
                            // Only where one statement takes several rows; elsewhere the store sends AddToStoreRow per row.
                            nameof(WarehouseSql.AddToStoreRows) => many ? [2, MaxOperationRows] : [],
                            nameof(WarehouseSql.SelectImportedOrders) => [1, 2, WarehouseDialect.MaxRowsPerStatement],
                            nameof(WarehouseSql.AcknowledgeOrders) => [1, 2, dialect.BatchesStatements ? AcknowledgedPerStatement : AcknowledgedPerAccessStatement],
                            _ => throw new InvalidOperationException($"WarehouseSql.{name} is new: say here at which row counts the store runs it."),
                        };
                        foreach (var count in counts)
                        {
                            Add($"{prefix}{name}({count})", byCount(count));
                        }

                        break;
                    default:
                        throw new InvalidOperationException($"WarehouseSql.{prefix}{name} has a shape this enumeration does not know: add it here.");
                }
            }
        }

        if (dialect.BatchesStatements)
        {
            // The number reservation and the locked stock read in one command (WarehouseStore.ReserveNumberAndReadStockAsync).
            foreach (var count in idCounts)
            {
                Add($"InsertNextAcct+SelectStoreRows({count} ids)", WarehouseStore.ReserveAndReadStock(sql, Ids(count)));
            }
        }

        // A document has as many lines as the order: past one statement's rows the batch holds several INSERTs. Where
        // writes are not combined (Access) the batch sends each statement as it is, and those are enumerated above.
        foreach (var lines in dialect.CombinesWrites ? new[] { 1, 2, MaxOperationRows, 3 * MaxOperationRows } : [])
        {
            foreach (var command in DocumentBatch(dialect, sql, lines))
            {
                Add($"Document batch({lines} lines){(command.Index > 0 ? $" command {command.Index + 1}" : "")}", command.Sql);
            }
        }

        return list;
    }

    private static IEnumerable<(DocumentKind Kind, bool PerObject)> MaxAcctVariants() =>
        Enum.GetValues<DocumentKind>().SelectMany(k => new[] { (k, false), (k, true) });

    /// <summary>
    /// The commands <see cref="StatementBatch"/> makes of a document of <paramref name="lines"/> lines, written as
    /// <c>WriteDocumentAsync</c> adds them: the stock changes, a new stock row, the lines, the payments (what is due and
    /// two paid parts) and the order record. Each statement's parameters are those its text names.
    /// </summary>
    public static IReadOnlyList<(int Index, string Sql, IReadOnlyList<string> Parameters)> DocumentBatch(WarehouseDialect dialect, WarehouseSql sql, int lines)
    {
        var batch = new StatementBatch(dialect);
        var perStatement = dialect.InsertsManyRows ? MaxOperationRows : 1;
        void Add(string text) => batch.Add(text, p =>
        {
            foreach (var parameter in ParameterNames(text, dialect))
            {
                p.Add(parameter, 1);
            }
        });

        if (lines == 1 || !dialect.InsertsManyRows)
        {
            for (var i = 0; i < lines; i++)
            {
                Add(sql.AddToStoreRow);
            }
        }
        else
        {
            foreach (var chunk in Enumerable.Range(0, lines).Chunk(MaxOperationRows))
            {
                Add(sql.AddToStoreRows(chunk.Length));
            }
        }

        Add(sql.InsertStoreRow);
        foreach (var chunk in Enumerable.Range(0, lines).Chunk(perStatement))
        {
            Add(sql.InsertOperations(chunk.Length));
        }

        foreach (var chunk in Enumerable.Range(0, 3).Chunk(perStatement))
        {
            Add(sql.InsertPayments(chunk.Length));
        }

        Add(sql.InsertImportedOrder);

        using var connection = new RecordingConnection();
        using var transaction = connection.Transaction();
        batch.ExecuteAsync(connection, transaction, 30, CancellationToken.None).GetAwaiter().GetResult();
        return connection.Commands.Select((c, i) => (i, c.Sql, c.Parameters)).ToList();
    }

    /// <summary>The distinct parameter names a statement's text holds (<c>@Name</c>, or <c>?Name?</c> on Access).</summary>
    public static IReadOnlyList<string> ParameterNames(string sql, WarehouseDialect dialect) =>
        (dialect is AccessDialect ? AccessParameter() : SqlParameter()).Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"(?<!@)@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SqlParameter();

    [GeneratedRegex(@"\?(\w+)\?")]
    private static partial Regex AccessParameter();
}
