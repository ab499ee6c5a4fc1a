using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>What the planner knows about the warehouse side.</summary>
/// <param name="WarehouseCurrency">Currency 1 of the warehouse.</param>
/// <param name="WarehouseIncludesVat">configkey20: prices include VAT.</param>
/// <param name="SyncNomenclature">Unknown products may become goods.</param>
/// <param name="PriceColumn">The column a new good's price goes to.</param>
/// <param name="Partners">Known partners.</param>
/// <param name="GoodFor">The linked good of an order line, or null.</param>
/// <param name="VatGroupFor">The VAT group of a rate, or null when the database has none.</param>
internal sealed record PlanningContext(
    string WarehouseCurrency,
    bool WarehouseIncludesVat,
    bool SyncNomenclature,
    PriceColumn PriceColumn,
    PartnerIndex Partners,
    Func<OrderLine, int?> GoodFor,
    Func<decimal, int?> VatGroupFor);

/// <summary>
/// Turns a shop order into a document plan without touching either side: partner (link → EIK → VAT → e-mail → new),
/// goods (link → created by nomenclature sync → quarantine), product discounts as <c>Discount</c> %, order-level
/// discounts spread over the lines by largest remainder, shipping as a service line, currency and VAT basis converted,
/// every line and the total reconciled to the cent with the shop's grand total. Anything that does not add up is a
/// quarantine reason, never a guess.
/// </summary>
internal sealed class OrderPlanner(PlanningContext context)
{
    /// <summary>Plans <paramref name="order"/> as a document dated <paramref name="date"/>.</summary>
    public PlanResult Plan(ShopOrder order, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Check(order) is { } problem)
        {
            return PlanResult.Quarantine(problem);
        }

        CurrencyConverter converter;
        try
        {
            converter = CurrencyConverter.Between(order.Currency, context.WarehouseCurrency);
        }
        catch (NotSupportedException e)
        {
            return PlanResult.Quarantine(e.Message);
        }

        var goods = new List<GoodChoice>(order.Lines.Count + 1);
        foreach (var line in order.Lines)
        {
            var (good, reason) = ResolveGood(line, order);
            if (reason is not null)
            {
                return PlanResult.Quarantine(reason);
            }

            goods.Add(good!);
        }

        var partner = ResolvePartner(order.Customer);
        var listTotals = order.Lines.Select(l => LineDiscounts.LineTotal(l.Quantity, l.UnitPrice, l.Discount)).ToArray();
        var orderDiscount = order.Discounts.Sum(d => d.Amount);
        var shares = DiscountAllocator.Allocate(orderDiscount, listTotals);

        // Amounts on the order's own basis and currency: lines after every discount, then shipping.
        var amounts = listTotals.Select((t, i) => t - shares[i]).ToList();
        var rates = order.Lines.Select(l => l.VatRate).ToList();
        var quantities = order.Lines.Select(l => l.Quantity).ToList();
        if (order.Shipping is { Price: > 0 } shipping)
        {
            amounts.Add(shipping.Price);
            rates.Add(shipping.VatRate);
            quantities.Add(1m);
            goods.Add(new ShippingGood());
        }

        var converted = DiscountAllocator.ConvertReconciled(amounts, converter.Convert);
        var note = Note(order);
        var lines = new List<PlannedLine>(amounts.Count);
        for (var i = 0; i < amounts.Count; i++)
        {
            var split = Vat.Split(converted[i], rates[i], order.PricesIncludeVat);
            // The unit price reproduces the line's gross to the cent the way the program totals a line: Qtty × PriceOut
            // with prices including VAT, Qtty × (PriceOut + VATOut) without; VATOut itself is unrounded, as it writes it.
            var priceOut = context.WarehouseIncludesVat
                ? Amounts.UnitPrice(split.Gross, quantities[i])
                : Amounts.NetUnitPrice(split.Gross, quantities[i], rates[i]);
            var isShipping = i >= order.Lines.Count;
            lines.Add(new PlannedLine(
                goods[i],
                quantities[i],
                priceOut,
                Vat.PerUnit(priceOut, rates[i], context.WarehouseIncludesVat),
                isShipping ? 0m : LineDiscounts.Percent(order.Lines[i].UnitPrice, order.Lines[i].Discount),
                split.Gross,
                split.Vat,
                isShipping ? $"{note}; {order.Shipping!.Method}" : note));
        }

        var payment = order.Payment;
        return PlanResult.Of(new OrderPlan(
            order,
            partner,
            lines,
            lines.Sum(l => l.Gross),
            PaymentTypeMap.For(payment?.Method),
            payment?.IsPaid == true,
            date));
    }

    /// <summary>The reasons an order cannot be imported as it is, checked before any arithmetic.</summary>
    private static string? Check(ShopOrder order)
    {
        if (order.Lines.Count == 0)
        {
            return "the order has no lines";
        }

        foreach (var line in order.Lines)
        {
            if (line.Quantity <= 0)
            {
                return $"line {line.LineId} ({line.Sku}) has quantity {line.Quantity.ToString(CultureInfo.InvariantCulture)}; only positive quantities can be sold";
            }

            if (line.UnitPrice < 0 || !LineDiscounts.IsValid(line.UnitPrice, line.Discount))
            {
                return $"line {line.LineId} ({line.Sku}) has a negative price or an unknown or too large discount";
            }
        }

        // Text length is no reason here: names are fitted to the database's own columns when a good or partner is
        // created, and a code, EIK, VAT number or e-mail that does not fit holds the order there (ImportCatalog).

        if (order.Discounts.Any(d => d.Amount < 0) || order.Shipping is { Price: < 0 })
        {
            return "the order has a negative discount or shipping price";
        }

        var lines = order.Lines.Sum(l => LineDiscounts.LineTotal(l.Quantity, l.UnitPrice, l.Discount));
        var discounts = order.Discounts.Sum(d => d.Amount);
        var shipping = order.Shipping?.Price ?? 0m;
        var totals = order.Totals;
        if (lines != totals.Lines || discounts != totals.Discounts || shipping != totals.Shipping ||
            lines - discounts + shipping != totals.GrandTotal)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the totals do not reconcile: lines {lines:0.00} − discounts {discounts:0.00} + shipping {shipping:0.00} = {lines - discounts + shipping:0.00}, but the shop says lines {totals.Lines:0.00}, discounts {totals.Discounts:0.00}, shipping {totals.Shipping:0.00}, grand total {totals.GrandTotal:0.00}");
        }

        if (discounts > lines)
        {
            return "the order's discounts exceed the value of its lines";
        }

        if (order.PricesIncludeVat && order.Payment is { IsPaid: true } paid && paid.Amount != totals.GrandTotal)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the payment of {paid.Amount:0.00} does not equal the grand total {totals.GrandTotal:0.00}");
        }

        return null;
    }

    private (GoodChoice? Good, string? Reason) ResolveGood(OrderLine line, ShopOrder order)
    {
        if (context.GoodFor(line) is { } goodId)
        {
            return (new ExistingGood(goodId), null);
        }

        if (!context.SyncNomenclature)
        {
            return (null, $"product '{line.Sku}' ({line.Name}, shop id {line.ProductId}) is not linked to a warehouse good and nomenclature sync is off: export the good or link it, or turn nomenclature sync on");
        }

        if (string.IsNullOrWhiteSpace(line.Name))
        {
            return (null, $"product {line.ProductId} on line {line.LineId} has no name to create a good from");
        }

        if (context.VatGroupFor(line.VatRate) is not { } vatGroup)
        {
            return (null, $"product '{line.Sku}' has VAT rate {line.VatRate.ToString(CultureInfo.InvariantCulture)} % and the warehouse has no VAT group with that rate");
        }

        var basis = new PriceBasis(context.WarehouseCurrency, context.WarehouseIncludesVat, order.Currency, order.PricesIncludeVat);
        var product = new ShopProduct
        {
            Id = line.ProductId,
            Sku = line.Sku,
            Name = line.Name,
            Price = line.UnitPrice,
            VatRate = line.VatRate,
        };
        return (new NewGoodChoice(NomenclatureMapper.ToGood(product, 1, vatGroup, context.PriceColumn, basis), line.ProductId), null);
    }

    private PartnerChoice ResolvePartner(ShopCustomer? customer)
    {
        if (customer is null || string.IsNullOrWhiteSpace(customer.Name))
        {
            return new DefaultPartner();
        }

        return context.Partners.Find(customer) is { } match
            ? new ExistingPartner(match.PartnerId, match.How)
            : new NewPartnerChoice(NomenclatureMapper.ToPartner(customer), customer.Id);
    }

    /// <summary>The line note: the shop order number and the codes of its vouchers and promo codes.</summary>
    internal static string Note(ShopOrder order)
    {
        var note = $"Shopiko {order.Number}";
        var codes = order.Discounts
            .Select(d => string.IsNullOrWhiteSpace(d.Code) ? d.Kind : $"{d.Kind} {d.Code.Trim()}")
            .ToList();
        // Not cut here: the store fits it to the real column, on a character boundary, and reports the change.
        return codes.Count == 0 ? note : $"{note}; {string.Join(", ", codes)}";
    }
}
