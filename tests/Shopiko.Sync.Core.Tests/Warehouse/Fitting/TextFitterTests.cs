using Shopiko.Sync.Warehouse.Fitting;

namespace Shopiko.Sync.Core.Tests.Warehouse.Fitting;

public sealed class TextFitterTests
{
    private static readonly TextRule GoodName = TextRules.Of("goods", "Name");
    private static readonly TextRule GoodCode = TextRules.Of("goods", "Code");

    // Columns are named in the cases ("utf8 255") and built here: the limit types are internal to the library.
    private static string Utf8Mb3(int length) => $"utf8 {length}";
    private static string Utf8Mb4(int length) => $"utf8mb4 {length}";
    private static string Cp1251(int length) => $"cp1251 {length}";
    private static string NVarChar(int length) => $"nvarchar {length}";
    private static string Ascii(int length) => $"ascii {length}";
    private const string Unlimited = "unlimited";

    private static ColumnLimit Column(string spec)
    {
        if (spec == Unlimited)
        {
            return ColumnLimit.Unlimited;
        }

        var (kind, length) = (spec.Split(' ')[0], int.Parse(spec.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        return kind == "nvarchar" ? ColumnLimit.FromSqlServer("nvarchar", length * 2, 0) : ColumnLimit.FromMySql(length, kind);
    }

    private static readonly string Long = new('я', 300);

    /// <summary>Descriptive text: (what, value, column, expected value, replaced, shortened).</summary>
    public static TheoryData<string, string, string, string, int, bool> Descriptive => new()
    {
        { "emoji in utf8mb3 becomes one replacement character", "Кутия 🎁 подарък", Utf8Mb3(255), "Кутия \uFFFD подарък", 1, false },
        { "emoji in utf8mb4 stays", "Кутия 🎁 подарък", Utf8Mb4(255), "Кутия 🎁 подарък", 0, false },
        { "emoji in nvarchar stays", "Ива 😀 Петрова", NVarChar(255), "Ива 😀 Петрова", 0, false },
        { "emoji in a cp1251 column becomes '?'", "Ива 😀 Петрова", Cp1251(255), "Ива ? Петрова", 1, false },
        { "a letter outside cp1251 becomes '?'", "Café Ивана", Cp1251(255), "Caf? Ивана", 1, false },
        { "a skin-tone emoji (two code points) is one replacement", "Палец 👍🏽!", Utf8Mb3(255), "Палец \uFFFD!", 1, false },
        { "a flag (two regional indicators) is one replacement", "София 🇧🇬", Utf8Mb3(255), "София \uFFFD", 1, false },
        { "300 characters in 255 end in an ellipsis", Long, Utf8Mb3(255), new string('я', 254) + "…", 0, true },
        { "exactly the limit stays", new string('я', 255), Utf8Mb3(255), new string('я', 255), 0, false },
        { "no limit (SQLite) keeps everything", Long + "🎁", Unlimited, Long + "🎁", 0, false },
        { "an emoji is never split (UTF-16 column)", "ab😀cd", NVarChar(5), "ab😀…", 0, true },
        { "an emoji that would cross the limit is left out", "abc😀d", NVarChar(5), "abc…", 0, true },
        { "a skin-tone sequence is kept whole or not at all", new string('a', 253) + "👍🏽b", Utf8Mb4(255), new string('a', 253) + "…", 0, true },
        { "a combining accent stays with its letter", "e\u0301e\u0301e\u0301e\u0301", Utf8Mb4(5), "e\u0301e\u0301…", 0, true },
        { "no blank before the ellipsis", "Кутия подарък", Utf8Mb4(7), "Кутия…", 0, true },
        { "replaced, then shortened", "🎁🎁🎁🎁🎁🎁", Utf8Mb3(4), "\uFFFD\uFFFD\uFFFD…", 6, true },
        { "no ellipsis where the column cannot hold it", "abcdef", Ascii(3), "abc", 0, true },
        { "empty stays empty", "", Utf8Mb3(10), "", 0, false },
    };

    [Theory]
    [MemberData(nameof(Descriptive))]
    public void Descriptive_text_is_made_to_fit(string what, string value, string column, string expected, int replaced, bool shortened)
    {
        var limit = Column(column);
        var result = TextFitter.Fit(value, limit, GoodName);

        result.Value.Should().Be(expected, what);
        result.Replaced.Should().Be(replaced, what);
        result.Shortened.Should().Be(shortened, what);
        result.Refusal.Should().BeNull(what);
        TextFitter.Fit(result.Value, limit, GoodName).Changed.Should().BeFalse("fitting what was fitted changes nothing ({0})", what);
    }

    /// <summary>Identity text: (what, value, column, words the refusal holds; none when it fits).</summary>
    public static TheoryData<string, string, string, string[]> Identity => new()
    {
        { "a code that fits", "SKU-1", Utf8Mb3(255), [] },
        { "a code too long", new string('X', 300), Utf8Mb3(255), ["good code", "300", "255", "goods.Code"] },
        { "an emoji in a utf8mb3 code", "GIFT-🎁", Utf8Mb3(255), ["good code", "U+1F381", "utf8", "cannot hold"] },
        { "an emoji in a utf8mb4 code", "GIFT-🎁", Utf8Mb4(255), [] },
        { "a letter outside the code page", "Café-1", Cp1251(255), ["good code", "U+00E9", "cp1251"] },
        { "no limit", new string('X', 300), Unlimited, [] },
        { "a nvarchar code counts UTF-16 units", "AB😀", NVarChar(3), ["4", "at most 3"] },
    };

    [Theory]
    [MemberData(nameof(Identity))]
    public void Identity_text_is_never_altered(string what, string value, string column, string[] refusal)
    {
        var limit = Column(column);
        var result = TextFitter.Fit(value, limit, GoodCode);

        result.Value.Should().Be(value, what);
        result.Changed.Should().BeFalse(what);
        if (refusal.Length == 0)
        {
            result.Refusal.Should().BeNull(what);
        }
        else
        {
            result.Refusal.Should().ContainAll(refusal);
        }
    }

    /// <summary>(engine, how the catalogue describes the column, expected limit).</summary>
    private static readonly (string What, ColumnLimit Actual, ColumnLimit Expected)[] Catalogues =
    [
        ("MySQL utf8 (3-byte)", ColumnLimit.FromMySql(255, "utf8"), new ColumnLimit(255, LengthUnit.CodePoints, Repertoire.Bmp, 0, "utf8")),
        ("MySQL utf8mb3", ColumnLimit.FromMySql(50, "utf8mb3"), new ColumnLimit(50, LengthUnit.CodePoints, Repertoire.Bmp, 0, "utf8mb3")),
        ("MySQL utf8mb4", ColumnLimit.FromMySql(250, "utf8mb4"), new ColumnLimit(250, LengthUnit.CodePoints, Repertoire.Unicode, 0, "utf8mb4")),
        ("MySQL latin1 is cp1252", ColumnLimit.FromMySql(255, "latin1"), new ColumnLimit(255, LengthUnit.CodePoints, Repertoire.CodePage, 1252, "latin1")),
        ("MySQL longtext", ColumnLimit.FromMySql(4294967295, "utf8mb4"), new ColumnLimit(int.MaxValue, LengthUnit.CodePoints, Repertoire.Unicode, 0, "utf8mb4")),
        ("SQL Server nvarchar(50)", ColumnLimit.FromSqlServer("nvarchar", 100, 0), new ColumnLimit(50, LengthUnit.Utf16, Repertoire.Unicode, 0, "nvarchar")),
        ("SQL Server nvarchar(max)", ColumnLimit.FromSqlServer("nvarchar", -1, 0), new ColumnLimit(null, LengthUnit.Utf16, Repertoire.Unicode, 0, "nvarchar")),
        ("SQL Server varchar(250), Cyrillic_General", ColumnLimit.FromSqlServer("varchar", 250, 1251), new ColumnLimit(250, LengthUnit.Bytes, Repertoire.CodePage, 1251, "varchar (code page 1251)")),
        ("SQL Server varchar(250), a _UTF8 collation", ColumnLimit.FromSqlServer("varchar", 250, 65001), new ColumnLimit(250, LengthUnit.Bytes, Repertoire.Unicode, 65001, "varchar (UTF-8)")),
        ("Access TEXT(50)", ColumnLimit.FromAccess(50), new ColumnLimit(50, LengthUnit.Utf16, Repertoire.Unicode, 0, "TEXT")),
        ("Access memo", ColumnLimit.FromAccess(0), new ColumnLimit(null, LengthUnit.Utf16, Repertoire.Unicode, 0, "TEXT")),
    ];

    [Fact]
    public void The_catalogue_of_each_engine_becomes_a_limit()
    {
        foreach (var (what, actual, expected) in Catalogues)
        {
            actual.Should().Be(expected, what);
        }
    }

    [Fact]
    public void A_lone_surrogate_is_no_character()
    {
        // Not in the theory: xUnit's serialisation of theory data would already have replaced it.
        var result = TextFitter.Fit("a\uD800b", Column(Utf8Mb4(255)), GoodName);
        result.Value.Should().Be("a\uFFFDb");
        result.Replaced.Should().Be(1);
        TextFitter.Fit("a\uD800b", Column(Utf8Mb4(255)), GoodCode).Refusal.Should().Contain("cannot hold");
    }

    [Fact]
    public void A_varchar_column_counts_bytes_of_its_code_page()
    {
        // SQL Server varchar(6) with a UTF-8 collation: Cyrillic takes two bytes a letter, the ellipsis three.
        var result = TextFitter.Fit("Кутия", ColumnLimit.FromSqlServer("varchar", 6, 65001), GoodName);
        result.Value.Should().Be("К…");
        // With Cyrillic_General (code page 1251) every letter is one byte.
        TextFitter.Fit("Кутия", ColumnLimit.FromSqlServer("varchar", 6, 1251), GoodName).Value.Should().Be("Кутия");
    }
}
