using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Import;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Engine;

public class OrderPlannerTests
{
    private static readonly DateOnly Day = new(2026, 11, 28);

    private static readonly Dictionary<string, int> Links = new() { ["p-9"] = 42, ["p-10"] = 43 };

    private static OrderPlanner Planner(string currency = "EUR", bool includesVat = true, bool nomenclature = true, PartnerIndex? partners = null) =>
        new(new PlanningContext(currency, includesVat, nomenclature, PriceColumn.PriceOut2, partners ?? new PartnerIndex(),
            line => Links.TryGetValue(line.ProductId, out var id) ? id : null,
            rate => rate == 20m ? 1 : rate == 9m ? 2 : null));

    /// <summary>The money scenario: 10 % product discount, a voucher, a promo code, shipping, card payment.</summary>
    internal static ShopOrder MoneyOrder(string payment = PaymentMethods.Card, bool paid = true) => new()
    {
        Id = "90017", Number = "100017", Revision = 1, CreatedAt = new DateTimeOffset(2026, 11, 28, 9, 14, 3, TimeSpan.Zero),
        Currency = "EUR", PricesIncludeVat = true,
        Customer = new ShopCustomer { Id = "c-551", Type = "person", Name = "Мария Иванова", Email = "maria@example.bg", City = "София" },
        Lines =
        [
            new OrderLine { LineId = "1", ProductId = "p-9", ExternalId = "42", Sku = "1001", Name = "Кабел", Quantity = 2, UnitPrice = 12.50m, VatRate = 20, Discount = new LineDiscount("percent", 10) },
            new OrderLine { LineId = "2", ProductId = "p-10", ExternalId = "43", Sku = "1002", Name = "Зарядно", Quantity = 1, UnitPrice = 7.99m, VatRate = 20 },
        ],
        Discounts = [new OrderDiscount("voucher", "XMAS5", 5.00m), new OrderDiscount("promo_code", "PROMO2", 2.00m)],
        Shipping = new OrderShipping("Speedy", 6.90m, 20),
        Payment = new OrderPayment(payment, paid ? "paid" : "unpaid", 30.39m),
        Totals = new OrderTotals { Lines = 30.49m, Discounts = 7.00m, Shipping = 6.90m, GrandTotal = 30.39m },
    };

    [Fact]
    public void Money_scenario_reconciles_every_line_and_the_total_to_the_cent()
    {
        var plan = Planner().Plan(MoneyOrder(), Day).Plan!;

        plan.Lines.Should().HaveCount(3);
        var (cable, charger, shipping) = (plan.Lines[0], plan.Lines[1], plan.Lines[2]);

        // 2 × 12.50 − 10 % = 22.50; voucher + promo 7.00 spread 5.17 / 1.83 by largest remainder.
        cable.Good.Should().Be(new ExistingGood(42));
        cable.Quantity.Should().Be(2);
        cable.DiscountPercent.Should().Be(10);
        cable.Gross.Should().Be(17.33m);
        cable.PriceOut.Should().Be(8.665m);
        cable.Vat.Should().Be(2.89m);
        cable.VatOut.Should().Be(8.665m * 20 / 120, "VAT per unit unrounded, as the program writes VATOut");

        charger.Good.Should().Be(new ExistingGood(43));
        charger.Gross.Should().Be(6.16m);
        charger.PriceOut.Should().Be(6.16m);
        charger.Vat.Should().Be(1.03m);
        charger.DiscountPercent.Should().Be(0);

        shipping.Good.Should().Be(new ShippingGood());
        shipping.Quantity.Should().Be(1);
        shipping.PriceOut.Should().Be(6.90m);
        shipping.Vat.Should().Be(1.15m);

        plan.Total.Should().Be(30.39m);
        plan.Lines.Sum(l => Math.Round(l.Quantity * l.PriceOut, 2, MidpointRounding.AwayFromZero)).Should().Be(30.39m);
        plan.Payments.Should().BeEquivalentTo(new DocumentPayments(30.39m, Day, [new DocumentPayment(3, 30.39m)], 3));
        cable.Note.Should().Be("Shopiko 100017; voucher XMAS5, promo_code PROMO2");
        shipping.Note.Should().Contain("Speedy");
        plan.Partner.Should().BeOfType<NewPartnerChoice>().Which.Partner.Email.Should().Be("maria@example.bg");
    }

    [Fact]
    public void A_lev_warehouse_gets_amounts_times_the_fixed_rate_reconciled_to_the_cent()
    {
        var plan = Planner(currency: "BGN").Plan(MoneyOrder(), Day).Plan!;
        plan.Lines.Select(l => l.Gross).Should().Equal(33.90m, 12.05m, 13.49m);
        plan.Total.Should().Be(59.44m); // 30.39 × 1.95583 = 59.4377
        plan.Payments.Paid.Single().Amount.Should().Be(59.44m);
    }

    [Fact]
    public void A_warehouse_without_vat_in_prices_gets_net_unit_prices_and_the_same_gross()
    {
        var plan = Planner(includesVat: false).Plan(MoneyOrder(), Day).Plan!;
        plan.Lines[0].PriceOut.Should().Be(7.22m); // (17.33 − 2.89) / 2
        plan.Lines[0].VatOut.Should().Be(1.444m, "7.22 × 20 / 100, unrounded");
        plan.Lines.Sum(l => l.Gross).Should().Be(30.39m);
        plan.Lines.Sum(l => Math.Round(l.Quantity * (l.PriceOut + l.VatOut), 2, MidpointRounding.AwayFromZero)).Should().Be(30.39m);
    }

    [Theory]
    [InlineData(PaymentMethods.CashOnDelivery, false, 1)]
    [InlineData(PaymentMethods.BankTransfer, false, 2)]
    [InlineData(PaymentMethods.Card, true, 3)]
    [InlineData(PaymentMethods.Voucher, true, 4)]
    [InlineData(PaymentMethods.CashOnDelivery, true, 1)]
    public void Payments_map_the_method_and_are_paid_only_when_the_shop_says_so(string method, bool paid, int type)
    {
        var plan = Planner().Plan(MoneyOrder(method, paid), Day).Plan!;
        plan.Payments.DuePaymentTypeId.Should().Be(type);
        plan.Payments.Due.Should().Be(30.39m);
        plan.Payments.Paid.Should().BeEquivalentTo(paid ? [new DocumentPayment(type, 30.39m)] : Array.Empty<DocumentPayment>());
    }

    [Fact]
    public void The_customer_is_found_by_link_then_eik_then_vat_then_email()
    {
        var partners = new PartnerIndex();
        partners.Add(new Partner { Id = 10, Company = "By e-mail", Email = "maria@example.bg" });
        partners.Add(new Partner { Id = 11, Company = "By EIK", Bulstat = "204" });
        partners.Add(new Partner { Id = 12, Company = "Linked" });
        partners.Add(new Partner { Id = 13, Company = "Dup EIK", Bulstat = "999" });
        partners.Add(new Partner { Id = 14, Company = "Dup EIK", Bulstat = "999" });
        partners.Add(new Partner { Id = 15, Company = "By VAT", TaxNo = "BG999" });
        var planner = Planner(partners: partners);

        Partner(planner, MoneyOrder()).Should().Be(new ExistingPartner(10, "e-mail"));
        Partner(planner, MoneyOrder() with { Customer = MoneyOrder().Customer! with { Eik = "204" } }).Should().Be(new ExistingPartner(11, "EIK"));
        Partner(planner, MoneyOrder() with { Customer = MoneyOrder().Customer! with { Eik = "999", VatNumber = "BG999" } }).Should().Be(new ExistingPartner(15, "VAT number"));
        partners.Link("c-551", 12);
        Partner(planner, MoneyOrder()).Should().Be(new ExistingPartner(12, "link"));
        Partner(planner, MoneyOrder() with { Customer = null }).Should().Be(new DefaultPartner());

        static PartnerChoice Partner(OrderPlanner planner, ShopOrder order) => planner.Plan(order, Day).Plan!.Partner;
    }

    [Fact]
    public void An_unknown_product_becomes_a_new_good_with_nomenclature_sync_and_waits_without_it()
    {
        var order = MoneyOrder() with
        {
            Lines = [MoneyOrder().Lines[0] with { ProductId = "p-new", ExternalId = null, Sku = "NEW-1" }, MoneyOrder().Lines[1]],
        };

        var created = Planner().Plan(order, Day).Plan!.Lines[0].Good.Should().BeOfType<NewGoodChoice>().Subject;
        created.RemoteId.Should().Be("p-new");
        created.Good.Code.Should().Be("NEW-1");
        created.Good.Prices.PriceOut2.Should().Be(12.50m);

        Planner(nomenclature: false).Plan(order, Day).QuarantineReason.Should().Contain("NEW-1").And.Contain("nomenclature sync is off");
    }

    public static TheoryData<string, Func<ShopOrder, ShopOrder>> BadOrders => new()
    {
        { "quantity 0", o => o with { Lines = [o.Lines[0] with { Quantity = 0 }, o.Lines[1]] } },
        { "quantity -1", o => o with { Lines = [o.Lines[0] with { Quantity = -1 }, o.Lines[1]] } },
        { "do not reconcile", o => o with { Totals = o.Totals with { GrandTotal = 30.40m } } },
        { "do not reconcile", o => o with { Totals = o.Totals with { Lines = 30.50m, GrandTotal = 30.40m } } },
        { "payment", o => o with { Payment = o.Payment! with { Amount = 30.00m } } },
        { "no lines", o => o with { Lines = [] } },
        { "only BGN and EUR", o => o with { Currency = "USD" } },
        { "no VAT group", o => o with { Lines = [o.Lines[0] with { ProductId = "p-x", ExternalId = null, VatRate = 5 }, o.Lines[1]] } },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public void A_bad_order_is_quarantined_with_its_reason(string reason, Func<ShopOrder, ShopOrder> spoil)
    {
        var result = Planner().Plan(spoil(MoneyOrder()), Day);
        result.Plan.Should().BeNull();
        result.QuarantineReason.Should().Contain(reason);
    }

    [Fact]
    public void Long_text_is_no_reason_to_hold_an_order_in_planning()
    {
        // Names are fitted to the database's own columns when the good or partner is created (the store knows them).
        var order = MoneyOrder();
        var result = Planner().Plan(order with
        {
            Customer = order.Customer! with { Address = new string('x', 300) + " 😀" },
            Lines = [order.Lines[0] with { Name = new string('я', 322) }, order.Lines[1]],
        }, Day);
        result.QuarantineReason.Should().BeNull();
        result.Plan.Should().NotBeNull();
    }

    [Fact]
    public void Many_random_orders_always_reconcile_to_the_cent()
    {
        var random = new Random(7);
        foreach (var (currency, includesVat) in new[] { ("EUR", true), ("BGN", true), ("EUR", false), ("BGN", false) })
        {
            for (var run = 0; run < 300; run++)
            {
                var lines = Enumerable.Range(1, random.Next(1, 6)).Select(i => new OrderLine
                {
                    LineId = i.ToString(), ProductId = "p-9", Sku = "S", Name = "N",
                    Quantity = random.Next(1, 20) / (random.Next(2) == 0 ? 1m : 4m),
                    UnitPrice = random.Next(1, 50_000) / 100m,
                    VatRate = random.Next(2) == 0 ? 20 : 9,
                    Discount = random.Next(3) == 0 ? new LineDiscount("percent", random.Next(1, 50)) : null,
                }).ToList();
                var lineTotal = lines.Sum(l => Math.Round(l.Quantity * l.UnitPrice * (100 - (l.Discount?.Value ?? 0)) / 100, 2, MidpointRounding.AwayFromZero));
                var discount = Math.Round(lineTotal * random.Next(0, 30) / 100m, 2);
                var shipping = random.Next(0, 1500) / 100m;
                var grand = lineTotal - discount + shipping;
                var order = MoneyOrder() with
                {
                    Lines = lines,
                    Discounts = discount > 0 ? [new OrderDiscount("cart", null, discount)] : [],
                    Shipping = shipping > 0 ? new OrderShipping("post", shipping, 20) : null,
                    Payment = new OrderPayment("card", "paid", grand),
                    Totals = new OrderTotals { Lines = lineTotal, Discounts = discount, Shipping = shipping, GrandTotal = grand },
                };

                var plan = Planner(currency, includesVat).Plan(order, Day).Plan!;
                var expected = currency == "EUR" ? grand : Math.Round(grand * 1.95583m, 2, MidpointRounding.AwayFromZero);
                plan.Total.Should().Be(expected);
                var rates = order.Lines.Select(l => l.VatRate).Append(20m).ToList();
                for (var i = 0; i < plan.Lines.Count; i++)
                {
                    var (line, rate) = (plan.Lines[i], rates[i]);
                    // The line total the way the program computes it from the row, to the cent; VATOut unrounded.
                    var total = includesVat ? line.Quantity * line.PriceOut : line.Quantity * (line.PriceOut + line.VatOut);
                    Math.Round(total, 2, MidpointRounding.AwayFromZero).Should().Be(line.Gross);
                    line.VatOut.Should().Be(includesVat ? line.PriceOut * rate / (100 + rate) : line.PriceOut * rate / 100);
                    Math.Abs(Math.Round(line.Quantity * line.VatOut, 2, MidpointRounding.AwayFromZero) - line.Vat).Should().BeLessThanOrEqualTo(0.01m);
                }
            }
        }
    }
}
