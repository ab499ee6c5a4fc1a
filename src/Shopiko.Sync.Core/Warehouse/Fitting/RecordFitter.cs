using System.Globalization;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Fitting;

/// <summary>One value fitting changed.</summary>
/// <param name="Rule">The column's rule (its field in words).</param>
/// <param name="LengthBefore">Characters before.</param>
/// <param name="LengthAfter">Characters after.</param>
/// <param name="Replaced">Characters replaced because the column cannot hold them.</param>
/// <param name="Shortened">True when it was cut to the column's length.</param>
/// <param name="Limit">The column's limit.</param>
internal sealed record TextChange(TextRule Rule, int LengthBefore, int LengthAfter, int Replaced, bool Shortened, ColumnLimit Limit)
{
    /// <summary>In words: <c>name shortened from 322 to 255 characters to fit goods.Name (255, utf8mb3)</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>(2);
        if (Replaced > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Replaced} character(s) it cannot hold replaced"));
        }

        if (Shortened)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"shortened from {LengthBefore} to {LengthAfter} characters"));
        }

        return $"{Rule.Field} {string.Join(" and ", parts)} to fit {Limit.Describe(Rule.Table, Rule.Column)}";
    }
}

/// <summary>A record made to fit, the changes made, or why it cannot be written as it is.</summary>
/// <typeparam name="T">The record.</typeparam>
/// <param name="Value">The record to write (unchanged when refused).</param>
/// <param name="Changes">What was changed, one entry per field.</param>
/// <param name="Refusal">The first identity field that does not fit, with its limit; null when the record can be written.</param>
internal sealed record Fitted<T>(T Value, IReadOnlyList<TextChange> Changes, string? Refusal);

/// <summary>
/// Fits the text fields of the records the store creates to the columns they go to, by <see cref="TextRules"/>:
/// descriptive fields are shortened and cleaned, identity fields are checked and the record refused when one does not
/// fit. Pure: the same record and limits always give the same answer, so the importer (which reports the changes with
/// the shop's ids) and the store (which enforces them) agree.
/// </summary>
internal static class RecordFitter
{
    /// <summary>A good: code and barcode are identities; name, measure and description are fitted.</summary>
    public static Fitted<NewGood> Good(NewGood good, ColumnLimits limits)
    {
        ArgumentNullException.ThrowIfNull(good);
        var fit = new Collector(limits, "goods");
        var value = good with
        {
            Code = fit.Apply(good.Code, "Code"),
            BarCode1 = fit.Apply(good.BarCode1, "BarCode1"),
            Name = fit.Apply(good.Name, "Name", "Name2"),
            Measure1 = fit.Apply(good.Measure1, "Measure1", "Measure2"),
            Description = fit.Apply(good.Description, "Description"),
        };
        return fit.Result(good, value);
    }

    /// <summary>A partner: code, e-mail, VAT number and EIK are identities; the rest is fitted.</summary>
    public static Fitted<NewPartner> Partner(NewPartner partner, ColumnLimits limits)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var fit = new Collector(limits, "partners");
        var value = partner with
        {
            Code = fit.Apply(partner.Code, "Code"),
            Company = fit.Apply(partner.Company, "Company", "Company2"),
            Mol = fit.Apply(partner.Mol, "MOL", "MOL2"),
            City = fit.Apply(partner.City, "City", "City2"),
            Address = fit.Apply(partner.Address, "Address", "Address2"),
            Phone = fit.Apply(partner.Phone, "Phone"),
            Email = fit.Apply(partner.Email, "eMail"),
            TaxNo = fit.Apply(partner.TaxNo, "TaxNo"),
            Bulstat = fit.Apply(partner.Bulstat, "Bulstat"),
        };
        return fit.Result(partner, value);
    }

    /// <summary>A goods group's name.</summary>
    public static Fitted<NewGoodsGroup> Group(NewGoodsGroup group, ColumnLimits limits)
    {
        ArgumentNullException.ThrowIfNull(group);
        var fit = new Collector(limits, "goodsgroups");
        var value = group with { Name = fit.Apply(group.Name, "Name") };
        return fit.Result(group, value);
    }

    /// <summary>One value of a column (a document's note or lot), by its rule.</summary>
    public static Fitted<string> Column(string? value, string table, string column, ColumnLimits limits)
    {
        var fit = new Collector(limits, table);
        var fitted = fit.Apply(value, column);
        return fit.Result(value ?? "", fitted);
    }

    /// <summary>Applies the rules of one table, keeping the changes and the first refusal.</summary>
    private sealed class Collector(ColumnLimits limits, string table)
    {
        private readonly List<TextChange> _changes = [];
        private string? _refusal;

        /// <summary>
        /// Fits <paramref name="value"/> to every column it is written to (a name goes to Name and Name2): the tightest
        /// wins, and the change is reported once, from the original to the final value.
        /// </summary>
        public string Apply(string? value, params string[] columns)
        {
            var current = value ?? "";
            TextChange? change = null;
            foreach (var column in columns)
            {
                var rule = TextRules.Of(table, column);
                var limit = limits[table, column];
                var result = TextFitter.Fit(current, limit, rule);
                if (result.Refusal is not null)
                {
                    _refusal ??= result.Refusal;
                    return current;
                }

                if (result.Changed)
                {
                    change = new TextChange(
                        rule,
                        change?.LengthBefore ?? result.LengthBefore,
                        result.LengthAfter,
                        (change?.Replaced ?? 0) + result.Replaced,
                        (change?.Shortened ?? false) || result.Shortened,
                        limit);
                    current = result.Value;
                }
            }

            if (change is not null)
            {
                _changes.Add(change);
            }

            return current;
        }

        public Fitted<T> Result<T>(T original, T fitted) =>
            _refusal is not null ? new Fitted<T>(original, [], _refusal) : new Fitted<T>(fitted, _changes, null);
    }
}
