using System.Reflection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;
using Snapshooter;
using Snapshooter.Xunit;

namespace Shopiko.Sync.Core.Tests.Warehouse;

/// <summary>
/// Every statement text of every provider, held against a snapshot (<c>__snapshots__</c>): a change to any SQL a
/// provider sends shows as a diff in review, and a refactoring of how the statements are written must leave it as it
/// is. The list-taking statements are taken at small samples (the store's own row counts are checked by the SQL
/// Server and Access analyses). An intended change: delete the provider's snapshot, run, review the new one.
/// </summary>
public sealed class StatementSnapshotTests
{
    public static TheoryData<string> Dialects => ["Access", "SqlServer", "MySql", "Sqlite"];

    private static WarehouseDialect Dialect(string name) => name switch
    {
        "Access" => new AccessDialect(),
        "SqlServer" => new SqlServerDialect(),
        "MySql" => new MySqlDialect(),
        "Sqlite" => new SqliteDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Where the snapshot of a provider is kept: beside this source file (found through the compiler, not the output).</summary>
    private static string SnapshotFile(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "__snapshots__", $"{nameof(StatementSnapshotTests)}.{nameof(Every_statement_of_the_provider_is_as_reviewed)}_{name}.snap");

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_statement_of_the_provider_is_as_reviewed(string name)
    {
        var dialect = Dialect(name);
        var tables = TableNames.Resolve(TableNames.Required.Concat(TableNames.Optional).Select(t => char.ToUpperInvariant(t[0]) + t[1..]), t => t, out _);
        var statements = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Walk(dialect.BuildSql(tables), "");
        for (var i = 0; i < dialect.SyncStateDdl.Count; i++)
        {
            statements[$"SyncStateDdl[{i}]"] = dialect.SyncStateDdl[i].ReplaceLineEndings("\n");
        }

        foreach (var upgrade in dialect.SyncStateUpgrades)
        {
            statements[$"SyncStateUpgrades.{upgrade.Table}.{upgrade.Column}"] = upgrade.Alter;
        }

        // In CI the committed snapshot must be there: a missing one would be written and matched against itself.
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            File.Exists(SnapshotFile(name)).Should().BeTrue("the provider's statements are reviewed against the committed snapshot");
        }

        Snapshot.Match(statements, new SnapshotNameExtension(name));

        void Walk(object holder, string prefix)
        {
            foreach (var property in holder.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var key = prefix + property.Name;
                switch (property.GetValue(holder))
                {
                    case null:
                        statements[key] = null; // not on this engine
                        break;
                    case ChangeSql changes:
                        Walk(changes, nameof(WarehouseSql.Changes) + ".");
                        break;
                    case string text:
                        statements[key] = text;
                        break;
                    case Func<PriceColumn, string> byPrice:
                        statements[$"{key}(PriceOut1)"] = byPrice(PriceColumn.PriceOut1);
                        statements[$"{key}(PriceOut10)"] = byPrice(PriceColumn.PriceOut10);
                        break;
                    // Contravariance: a Func of IEnumerable is a Func of IReadOnlyList too, so it is matched first.
                    case Func<IEnumerable<int>, string> byObjects:
                        statements[$"{key}(3, 5)"] = byObjects([3, 5]);
                        break;
                    case Func<IEnumerable<int>, IReadOnlyList<int>, string> byObjectsAndIds:
                        statements[$"{key}(3, 5; 7, 9)"] = byObjectsAndIds([3, 5], [7, 9]);
                        statements[$"{key}(3; past the parameter limit)"] = byObjectsAndIds([3], [.. Enumerable.Range(2, WarehouseDialect.MaxIdParameters + 1)]);
                        break;
                    case Func<IReadOnlyList<int>, string> byIds:
                        statements[$"{key}(7, 9)"] = byIds([7, 9]);
                        statements[$"{key}(past the parameter limit)"] = byIds([.. Enumerable.Range(2, WarehouseDialect.MaxIdParameters + 1)]);
                        break;
                    case Func<IEnumerable<int>, bool, string> maxAcct:
                        foreach (var perObject in new[] { false, true })
                        {
                            statements[$"{key}(2{(perObject ? ", per object" : "")})"] = maxAcct([2], perObject);
                            statements[$"{key}(2, 16{(perObject ? ", per object" : "")})"] = maxAcct([2, 16], perObject);
                        }

                        break;
                    case Func<string, bool, string> facts:
                        statements[$"{key}(order)"] = facts("SELECT 1", true);
                        statements[$"{key}(no order)"] = facts("SELECT 1", false);
                        break;
                    case Func<LinkRows, SqlBatch> upsert:
                        var rows = Enumerable.Range(2, 2).Select(i => new SyncLink(SyncEntity.Product, i, "p" + i, "h" + i)).ToList();
                        statements[$"{key}(2 rows)"] = upsert(new LinkRows("shop", nameof(SyncEntity.Product), DateTime.UnixEpoch, rows)).Sql;
                        break;
                    case Func<int, string> byCount:
                        statements[$"{key}(1)"] = byCount(1);
                        statements[$"{key}(2)"] = byCount(2);
                        break;
                    default:
                        throw new InvalidOperationException($"WarehouseSql.{key} has a shape this snapshot does not know: add it here.");
                }
            }
        }
    }
}
