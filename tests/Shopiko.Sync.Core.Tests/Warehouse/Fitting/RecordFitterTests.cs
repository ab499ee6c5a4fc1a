using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Warehouse.Fitting;

public sealed class RecordFitterTests
{
    /// <summary>The Warehouse Open sample store on MariaDB: utf8 (3-byte) tables, store.Lot 250, operations.Lot 50.</summary>
    private static readonly ColumnLimits SampleStore = ColumnLimits.Of(
        new[] { "Code", "BarCode1", "Name", "Name2", "Measure1", "Measure2", "Description" }.Select(c => new ColumnLimitRow("goods", c, ColumnLimit.FromMySql(255, "utf8")))
        .Concat(new[] { "Code", "Company", "Company2", "MOL", "MOL2", "City", "City2", "Address", "Address2", "Phone", "eMail", "TaxNo", "Bulstat" }
            .Select(c => new ColumnLimitRow("Partners", c, ColumnLimit.FromMySql(255, "utf8"))))
        .Append(new ColumnLimitRow("goodsgroups", "Name", ColumnLimit.FromMySql(255, "utf8")))
        .Append(new ColumnLimitRow("operations", "Lot", ColumnLimit.FromMySql(50, "utf8")))
        .Append(new ColumnLimitRow("store", "Lot", ColumnLimit.FromMySql(250, "utf8"))));

    [Fact]
    public void A_good_with_a_long_emoji_name_is_fitted_and_every_change_is_named()
    {
        // 322 characters as a reader counts them (the emoji is one, though two UTF-16 units).
        var name = "Кутия 🎁 подарък " + new string('я', 322 - 16);
        var fitted = RecordFitter.Good(new NewGood { Code = "GIFT-1", Name = name, Description = "Опаковка 🎀", Measure1 = "бр." }, SampleStore);

        fitted.Refusal.Should().BeNull();
        fitted.Value.Name.Should().HaveLength(255).And.StartWith("Кутия \uFFFD подарък").And.EndWith("…");
        fitted.Value.Description.Should().Be("Опаковка \uFFFD");
        fitted.Value.Code.Should().Be("GIFT-1");
        fitted.Changes.Select(c => (c.Rule.Field, c.LengthBefore, c.LengthAfter, c.Replaced, c.Shortened)).Should().Equal(
            ("name", 322, 255, 1, true),
            ("description", 10, 10, 1, false));
        fitted.Changes[0].Describe().Should().Be("name 1 character(s) it cannot hold replaced and shortened from 322 to 255 characters to fit goods.Name (255, utf8)");
    }

    [Fact]
    public void The_tightest_of_the_columns_a_value_goes_to_wins()
    {
        var limits = ColumnLimits.Of([
            new ColumnLimitRow("goods", "Name", ColumnLimit.FromSqlServer("nvarchar", 510, 0)),
            new ColumnLimitRow("goods", "Name2", ColumnLimit.FromSqlServer("nvarchar", 200, 0)),
        ]);

        var fitted = RecordFitter.Good(new NewGood { Name = new string('x', 150) }, limits);

        fitted.Value.Name.Should().HaveLength(100);
        fitted.Changes.Should().ContainSingle().Which.Should().Match<TextChange>(c => c.LengthBefore == 150 && c.LengthAfter == 100);
    }

    /// <summary>(field, partner): each identity field that does not fit refuses the partner, naming the field.</summary>
    public static TheoryData<string, NewPartner> Identities => new()
    {
        { "EIK", new NewPartner { Company = "Фирма", Bulstat = new string('1', 300) } },
        { "VAT number", new NewPartner { Company = "Фирма", TaxNo = "BG" + new string('1', 300) } },
        { "e-mail", new NewPartner { Company = "Фирма", Email = "ива😀@example.bg" } },
        { "partner code", new NewPartner { Company = "Фирма", Code = new string('C', 256) } },
    };

    [Theory]
    [MemberData(nameof(Identities))]
    public void A_partner_whose_identity_does_not_fit_is_refused_unchanged(string field, NewPartner partner)
    {
        var fitted = RecordFitter.Partner(partner with { Address = "ул. 😀 " + new string('а', 300) }, SampleStore);

        fitted.Refusal.Should().Contain($"the {field}");
        fitted.Changes.Should().BeEmpty("a refused record is not written, so nothing was changed");
        fitted.Value.Address.Should().StartWith("ул. 😀");
    }

    [Fact]
    public void A_customer_with_emoji_in_every_descriptive_field_comes_in_cleaned()
    {
        var fitted = RecordFitter.Partner(new NewPartner
        {
            Company = "Ива 😀 Петрова", Mol = "Ива 😀", City = "София 🏙", Address = "ул. Цветна 🌸 5", Phone = "0888 📞", Email = "iva@example.bg",
        }, SampleStore);

        fitted.Refusal.Should().BeNull();
        fitted.Value.Should().BeEquivalentTo(new NewPartner
        {
            Company = "Ива \uFFFD Петрова", Mol = "Ива \uFFFD", City = "София \uFFFD", Address = "ул. Цветна \uFFFD 5", Phone = "0888 \uFFFD", Email = "iva@example.bg",
        });
        fitted.Changes.Select(c => c.Rule.Field).Should().Equal("name", "contact person", "city", "address", "phone");
    }

    [Fact]
    public void A_60_character_lot_is_fitted_to_the_50_of_operations_Lot()
    {
        var lot = "ПАРТИДА-" + new string('7', 52);
        var fitted = RecordFitter.Column(lot, "operations", "Lot", SampleStore);

        fitted.Value.Should().HaveLength(50).And.EndWith("…");
        fitted.Changes.Should().ContainSingle().Which.Rule.Field.Should().Be("lot");
        RecordFitter.Column(lot, "store", "Lot", SampleStore).Refusal.Should().BeNull("store.Lot holds 250");
    }

    [Fact]
    public void Without_limits_nothing_changes()
    {
        var good = new NewGood { Code = new string('X', 400), Name = "Кутия 🎁 " + new string('я', 400) };
        var fitted = RecordFitter.Good(good, ColumnLimits.None);
        fitted.Value.Should().Be(good);
        fitted.Changes.Should().BeEmpty();
        fitted.Refusal.Should().BeNull();
    }

    [Fact]
    public void Every_rule_names_a_known_table_and_a_column_once()
    {
        TextRules.All.Select(r => $"{r.Table}.{r.Column}".ToLowerInvariant()).Should().OnlyHaveUniqueItems();
        TextRules.All.Select(r => r.Table).Distinct().Should().BeSubsetOf(
            Shopiko.Sync.Warehouse.Dialects.TableNames.Required.Concat(["shopikosync_links", "shopikosync_orders", "shopikosync_quarantine", "shopikosync_marks"]));
        TextRules.Of("goods", "code").Kind.Should().Be(TextKind.Identity, "names compare case-insensitively");
        var unknown = () => TextRules.Of("goods", "Catalog1");
        unknown.Should().Throw<InvalidOperationException>().WithMessage("*goods.Catalog1*");
    }
}
