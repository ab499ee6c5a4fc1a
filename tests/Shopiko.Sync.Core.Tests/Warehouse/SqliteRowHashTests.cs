using System.Globalization;
using Dapper;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Shopiko.Sync.Warehouse.Dialects;
using Xunit;

namespace Shopiko.Sync.Core.Tests.Warehouse;

/// <summary>
/// The SQLite row hash read from SQLite's own memory gives, value for value, what the ADO.NET way gave: the checksums
/// remembered by an earlier version stay valid after an upgrade.
/// </summary>
public sealed class SqliteRowHashTests
{
    private const string Reference = "reference_rowhash";

    private static readonly object?[][] Rows =
    [
        ["1001", "3800123456789", "Кабел HDMI 2 м", "бр.", null, 7L, 1L, 0L, 12.5],
        ["", null, "", "", "", 0L, 0L, 1L, 0.0],
        ["x", null, "😀 emoji and 中文 and \u00e9", "kg", "line1\nline2\t\"quoted\"", -5L, long.MaxValue, long.MinValue, -0.1],
        ["a", "b", "c", "d", "e", 1L, 2L, 3L, 1e300],
        ["a", "b", "c", "d", "e", 1L, 2L, 3L, 1.0 / 3.0],
        ["a", "b", "c", "d", "e", 1L, 2L, 3L, 123456789.123456789],
        [new string('Ж', 300), new string('z', 5000), "dbl", null, null, null, null, null, 5e-324],
        ["blob", new byte[] { 0, 1, 2, 255 }, "", null, null, 1L, 1L, 1L, 99.99],
        ["ab", "c", null, null, null, null, null, null, null],
        ["a", "bc", null, null, null, null, null, null, null],
    ];

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("UTF-16le")]
    public void The_native_hash_gives_the_reference_value_for_every_row(string encoding)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute($"PRAGMA encoding = '{encoding}'");
        connection.CreateFunction<long>(Reference, static values => EarlierHash(values), isDeterministic: true);
        RowHashFunction.Register(connection);
        connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, c1, c2, c3, c4, c5, c6, c7, c8, c9)");
        for (var i = 0; i < Rows.Length; i++)
        {
            var p = Rows[i];
            connection.Execute(
                "INSERT INTO t VALUES (@id, @c1, @c2, @c3, @c4, @c5, @c6, @c7, @c8, @c9)",
                new { id = i, c1 = p[0], c2 = p[1], c3 = p[2], c4 = p[3], c5 = p[4], c6 = p[5], c7 = p[6], c8 = p[7], c9 = p[8] });
        }

        const string Columns = "c1, c2, c3, c4, c5, c6, c7, c8, c9";
        var pairs = connection.Query<(long Id, long Native, long Expected)>(
            $"SELECT id, {RowHashFunction.Name}({Columns}), {Reference}({Columns}) FROM t ORDER BY id").ToList();

        pairs.Should().HaveCount(Rows.Length);
        pairs.Should().AllSatisfy(p => p.Native.Should().Be(p.Expected, $"row {p.Id} must hash as before"));
        pairs.Select(p => p.Native).Distinct().Should().HaveCount(Rows.Length);
    }

    [Fact]
    public void The_hash_of_a_known_row_never_changes_between_versions()
    {
        // Remembered in the database: pinned as a literal, and as the earlier versions computed it.
        Native("'1001', 12.5, 3, NULL, 'Кабел'").Should().Be(EarlierHash(["1001", 12.5, 3L, null, "Кабел"])).And.Be(3439744086);
    }

    [Fact]
    public void The_hash_tells_values_and_their_boundaries_apart()
    {
        Native("'ab', 'c'").Should().NotBe(Native("'a', 'bc'"));
        Native("'Кабел', 12.5").Should().NotBe(Native("'Кабел', 12.51"));
        Native("'x', NULL").Should().NotBe(Native("'x', ''"));
        Native("'12.5'").Should().NotBe(Native("'12.5', NULL"));
        Native("'Кабел'").Should().BeInRange(0, uint.MaxValue);
    }

    private static long Native(string arguments)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        RowHashFunction.Register(connection);
        return connection.ExecuteScalar<long>($"SELECT {RowHashFunction.Name}({arguments})");
    }

    /// <summary>The row hash as the versions before this one computed it, from the values the ADO.NET provider gives.</summary>
    private static long EarlierHash(object?[] values)
    {
        var hash = 2166136261u;
        foreach (var value in values)
        {
            var text = value switch
            {
                null or DBNull => "\u0000",
                string s => s,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                byte[] b => Convert.ToBase64String(b),
                _ => value.ToString() ?? "",
            };
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            hash = (hash ^ 0x1F) * 16777619;
        }

        return hash;
    }
}
