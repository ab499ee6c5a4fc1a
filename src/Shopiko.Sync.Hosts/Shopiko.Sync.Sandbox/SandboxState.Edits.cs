using Shopiko.Sync.Sandbox.State;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox;

// The merchant edits a placed order: a new revision of the same order, as shopiko-api.md describes revisions.
public sealed partial class SandboxState
{
    private static readonly string[] Statuses = [OrderStatuses.New, OrderStatuses.Processing, OrderStatuses.Completed, OrderStatuses.Cancelled];

    /// <summary>
    /// The merchant edits an order in the shop's admin: lines, discounts, shipping, customer, payment or status change,
    /// the totals follow the contract's money rules, and the revision grows so the order is pending again.
    /// </summary>
    public ShopOrder EditOrder(string orderId, SandboxOrderEdit edit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(edit);
        lock (_gate)
        {
            var entry = _ordersById.GetValueOrDefault(orderId) ?? throw new KeyNotFoundException($"No order with id '{orderId}'.");
            var order = entry.Order;
            if (edit.Lines is { Count: 0 })
            {
                throw new ArgumentException("An order keeps at least one line.", nameof(edit));
            }

            if (edit.Status is { } status && !Statuses.Contains(status, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Status must be one of {string.Join(", ", Statuses)}.", nameof(edit));
            }

            if (edit.CustomerId is { } customerId && !_customersById.ContainsKey(customerId))
            {
                throw new KeyNotFoundException($"No customer with id '{customerId}'.");
            }

            if (edit.Customer is { } guest)
            {
                ValidateCustomer(guest);
            }

            foreach (var discount in edit.Discounts ?? [])
            {
                ArgumentOutOfRangeException.ThrowIfNegative(discount.Amount, nameof(OrderDiscount.Amount));
            }

            // Checked (LineOf throws) before anything changes, so a refused edit leaves the order as it was.
            var lines = edit.Lines is null ? order.Lines : edit.Lines.Select((l, i) => LineOf(l, i + 1)).ToList();
            var discounts = edit.Discounts is null ? order.Discounts : edit.Discounts.Select(d => d with { Amount = OrderPricing.Round2(d.Amount) }).ToList();
            var shipping = edit.RemoveShipping ? null
                : edit.Shipping is { } s ? s with { Price = OrderPricing.Round2(s.Price) }
                : order.Shipping;
            var totals = OrderPricing.Totals(lines, discounts, shipping);
            var customer = edit.CustomerId is { } id ? _customersById[id].ToContract(withUpdatedAt: false)
                : edit.Customer is { } draft ? AddCustomer(draft).ToContract(withUpdatedAt: false)
                : order.Customer;
            var payment = order.Payment ?? new OrderPayment(PaymentMethods.Card, "unpaid", 0m);
            var paid = edit.Paid ?? payment.IsPaid;
            entry.Order = order with
            {
                Revision = order.Revision + 1,
                Status = edit.Status ?? order.Status,
                Customer = customer,
                Lines = lines,
                Discounts = discounts,
                Shipping = shipping,
                Payment = new OrderPayment(edit.PaymentMethod ?? payment.Method, paid ? "paid" : "unpaid", totals.GrandTotal),
                Totals = totals,
            };
            Persist();
            return OrderOf(entry);
        }
    }
}
