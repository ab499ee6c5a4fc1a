namespace Shopiko.Sync.IntegrationTests.Sync;

/// <summary>What the tests read back from operations and payments, rounded from the database's doubles.</summary>
public sealed record OperationRow(long OperType, long Acct, long GoodID, long PartnerID, long ObjectID, double Qtty, long Sign, double PriceOut, double VATOut, double Discount, string Note)
{
    public decimal Quantity => Math.Round((decimal)Qtty, 3);
    public decimal Price => Math.Round((decimal)PriceOut, 6);
    public decimal Vat => Math.Round((decimal)VATOut, 6);
    public decimal DiscountPercent => Math.Round((decimal)Discount, 2);
    public decimal LineTotal(bool pricesIncludeVat) => Math.Round(Quantity * (pricesIncludeVat ? Price : Price + Vat), 2, MidpointRounding.AwayFromZero);
}

public sealed record PaymentRow(long OperType, long Acct, long PartnerID, double Qtty, long Mode, long Sign, long Type)
{
    public decimal Amount => Math.Round((decimal)Qtty, 2);
}

public static class WarehouseQueries
{
    public static Task<List<OperationRow>> OperationsAsync(this SyncRig rig, int? operType = null) => rig.QueryAsync<OperationRow>(
        "SELECT OperType, Acct, GoodID, PartnerID, ObjectID, Qtty, Sign, PriceOut, VATOut, Discount, Note FROM operations" +
        (operType is null ? "" : " WHERE OperType = @operType") + " ORDER BY ID", new { operType });

    public static Task<List<PaymentRow>> PaymentsAsync(this SyncRig rig, int? operType = null) => rig.QueryAsync<PaymentRow>(
        "SELECT OperType, Acct, PartnerID, Qtty, Mode, Sign, Type FROM payments" +
        (operType is null ? "" : " WHERE OperType = @operType") + " ORDER BY ID", new { operType });

    public static async Task<int> DocumentCountAsync(this SyncRig rig, int operType = 2) =>
        (await rig.OperationsAsync(operType)).Select(o => o.Acct).Distinct().Count();
}
