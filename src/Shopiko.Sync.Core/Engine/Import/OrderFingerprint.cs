using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// The fingerprint of what an order books: its lines (product, quantity, price, VAT rate, line discount), order
/// discounts, shipping, payment, customer (who it is) and money basis — never its status, revision, note or the links
/// the warehouse made (externalIds), which change nothing booked. Two revisions with the same fingerprint book the same
/// document, so a later revision with another fingerprint is an edit to follow.
/// </summary>
internal static class OrderFingerprint
{
    /// <summary>Lowercase hex SHA-256, 64 characters.</summary>
    public const int Length = 64;

    /// <summary>The fingerprint of <paramref name="order"/>.</summary>
    public static string Of(ShopOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var text = new StringBuilder(256);
        Add(text, "currency", order.Currency.Trim().ToUpperInvariant());
        Add(text, "incl", order.PricesIncludeVat ? "1" : "0");
        if (order.Customer is { } c)
        {
            Add(text, "customer", c.Id, c.Type, c.Name?.Trim(), c.Eik?.Trim(), c.VatNumber?.Trim(), c.Email?.Trim().ToLowerInvariant());
        }

        foreach (var l in order.Lines)
        {
            Add(text, "line", l.ProductId, Num(l.Quantity), Num(l.UnitPrice), Num(l.VatRate), l.Discount?.Type, l.Discount is null ? null : Num(l.Discount.Value));
        }

        foreach (var d in order.Discounts)
        {
            Add(text, "discount", d.Kind, d.Code?.Trim(), Num(d.Amount));
        }

        if (order.Shipping is { } s)
        {
            Add(text, "shipping", s.Method, Num(s.Price), Num(s.VatRate));
        }

        if (order.Payment is { } p)
        {
            Add(text, "payment", p.Method, p.IsPaid ? "paid" : "unpaid", Num(p.Amount));
        }

        Add(text, "total", Num(order.Totals.GrandTotal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // 2.5 and 2.50 are the same amount: trailing zeros never change the fingerprint.
    private static string Num(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    // Each field length-prefixed, so no value can run into the next.
    private static void Add(StringBuilder text, string name, params string?[] fields)
    {
        text.Append(name);
        foreach (var field in fields)
        {
            if (field is null)
            {
                text.Append("|-");
            }
            else
            {
                text.Append('|').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }
        }

        text.Append('\n');
    }
}
