namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>What the tests read back from operations and payments, rounded from the database's doubles.</summary>
/// <remarks>Settable properties: Dapper converts each provider's column types (INT, BIGINT, REAL) to them.</remarks>
public sealed class OperationRow
{
    public long OperType { get; set; }
    public long Acct { get; set; }
    public long GoodID { get; set; }
    public long PartnerID { get; set; }
    public long ObjectID { get; set; }
    public double Qtty { get; set; }
    public long Sign { get; set; }
    public double PriceIn { get; set; }
    public double PriceOut { get; set; }
    public double VATOut { get; set; }
    public double Discount { get; set; }
    public string Note { get; set; } = "";

    public decimal Quantity => Math.Round((decimal)Qtty, 3);
    public decimal Price => Math.Round((decimal)PriceOut, 6);
    public decimal Vat => Math.Round((decimal)VATOut, 6);
    public decimal DiscountPercent => Math.Round((decimal)Discount, 2);
    public decimal LineTotal(bool pricesIncludeVat) => Math.Round(Quantity * (pricesIncludeVat ? Price : Price + Vat), 2, MidpointRounding.AwayFromZero);
}

public sealed class PaymentRow
{
    public long OperType { get; set; }
    public long Acct { get; set; }
    public long PartnerID { get; set; }
    public double Qtty { get; set; }
    public long Mode { get; set; }
    public long Sign { get; set; }
    public long Type { get; set; }

    public decimal Amount => Math.Round((decimal)Qtty, 2);
}

public static class WarehouseQueries
{
    public static Task<List<OperationRow>> OperationsAsync(this SyncRig rig, int? operType = null) => rig.QueryAsync<OperationRow>(
        "SELECT OperType, Acct, GoodID, PartnerID, ObjectID, Qtty, Sign, PriceIn, PriceOut, VATOut, Discount, Note FROM operations" +
        (operType is null ? "" : " WHERE OperType = @operType") + " ORDER BY ID", new { operType });

    public static Task<List<PaymentRow>> PaymentsAsync(this SyncRig rig, int? operType = null) => rig.QueryAsync<PaymentRow>(
        "SELECT OperType, Acct, PartnerID, Qtty, Mode, Sign, Type FROM payments" +
        (operType is null ? "" : " WHERE OperType = @operType") + " ORDER BY ID", new { operType });

    public static async Task<int> DocumentCountAsync(this SyncRig rig, int operType = 2) =>
        (await rig.OperationsAsync(operType)).Select(o => o.Acct).Distinct().Count();
}

public sealed class GoodRow
{
    public long ID { get; set; }
    public string Code { get; set; } = "";
    public string BarCode1 { get; set; } = "";
    public string Name { get; set; } = "";
    public double PriceOut2 { get; set; }
    public long GroupID { get; set; }
}

public sealed class PartnerRow
{
    public long ID { get; set; }
    public string Company { get; set; } = "";
    public string Bulstat { get; set; } = "";
    public string TaxNo { get; set; } = "";
    public string eMail { get; set; } = "";
    public string MOL { get; set; } = "";
}
