using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Engine.Import;

/// <summary>The shop's payment methods as Warehouse Pro payment types (seeded 1 cash, 2 bank, 3 card, 4 voucher).</summary>
internal static class PaymentTypeMap
{
    /// <summary>Cash.</summary>
    public const int Cash = 1;
    /// <summary>Bank transfer.</summary>
    public const int Bank = 2;
    /// <summary>Card.</summary>
    public const int Card = 3;
    /// <summary>Voucher.</summary>
    public const int Voucher = 4;

    /// <summary>The payment type of <paramref name="method"/>; an unknown method is booked as cash, the program's default.</summary>
    public static int For(string? method) => method switch
    {
        PaymentMethods.CashOnDelivery => Cash,
        PaymentMethods.BankTransfer => Bank,
        PaymentMethods.Card => Card,
        PaymentMethods.Voucher => Voucher,
        _ => Cash,
    };
}
