using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

// Rows as the database returns them: every column nullable (old databases hold NULLs where the program writes
// defaults), numbers as the engines' DOUBLE/INT. They turn into the public records in one place each.

internal sealed class GoodRow
{
    public int Id { get; set; }
    public string? Code { get; set; }
    public string? BarCode1 { get; set; }
    public string? BarCode2 { get; set; }
    public string? BarCode3 { get; set; }
    public string? Name { get; set; }
    public string? Name2 { get; set; }
    public string? Measure1 { get; set; }
    public string? Description { get; set; }
    public double? PriceIn { get; set; }
    public double? PriceOut1 { get; set; }
    public double? PriceOut2 { get; set; }
    public double? PriceOut3 { get; set; }
    public double? PriceOut4 { get; set; }
    public double? PriceOut5 { get; set; }
    public double? PriceOut6 { get; set; }
    public double? PriceOut7 { get; set; }
    public double? PriceOut8 { get; set; }
    public double? PriceOut9 { get; set; }
    public double? PriceOut10 { get; set; }
    public int? Type { get; set; }
    public int? GroupId { get; set; }
    public int? VatGroupId { get; set; }
    public double? VatRate { get; set; }
    public int? Deleted { get; set; }

    public Good ToGood() => new()
    {
        Id = Id,
        Code = Text.Read(Code),
        BarCode1 = Text.Read(BarCode1),
        BarCode2 = Text.Read(BarCode2),
        BarCode3 = Text.Read(BarCode3),
        Name = Text.Read(Name),
        Name2 = Text.Read(Name2),
        Measure1 = Text.Read(Measure1),
        Description = Text.Read(Description),
        PriceIn = Number.Read(PriceIn),
        Prices = new GoodPrices(
            Number.Read(PriceOut1), Number.Read(PriceOut2), Number.Read(PriceOut3), Number.Read(PriceOut4), Number.Read(PriceOut5),
            Number.Read(PriceOut6), Number.Read(PriceOut7), Number.Read(PriceOut8), Number.Read(PriceOut9), Number.Read(PriceOut10)),
        Type = Type ?? 0,
        GroupId = GroupId ?? 1,
        VatGroupId = VatGroupId ?? 0,
        VatRate = Number.Read(VatRate),
        IsDeleted = Deleted == -1,
    };
}

internal sealed class PartnerRow
{
    public int Id { get; set; }
    public string? Code { get; set; }
    public string? Company { get; set; }
    public string? Mol { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? TaxNo { get; set; }
    public string? Bulstat { get; set; }
    public int? PriceGroup { get; set; }
    public double? Discount { get; set; }
    public int? Type { get; set; }
    public int? GroupId { get; set; }
    public string? CardNumber { get; set; }
    public int? Deleted { get; set; }

    public Partner ToPartner() => new()
    {
        Id = Id,
        Code = Text.Read(Code),
        Company = Text.Read(Company),
        Mol = Text.Read(Mol),
        City = Text.Read(City),
        Address = Text.Read(Address),
        Phone = Text.Read(Phone),
        Email = Text.Read(Email),
        TaxNo = Text.Read(TaxNo),
        Bulstat = Text.Read(Bulstat),
        PriceGroup = PriceGroup ?? 1,
        Discount = Number.Read(Discount),
        Type = Type ?? 0,
        GroupId = GroupId ?? 1,
        CardNumber = Text.Read(CardNumber),
        IsDeleted = Deleted == -1,
    };
}

internal sealed class GroupRow
{
    public int Id { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }

    public GoodsGroup ToGroup() => new(Id, Text.Read(Code), Text.Read(Name));
}

internal sealed class ObjectRow
{
    public int Id { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int? PriceGroup { get; set; }
    public int? Deleted { get; set; }

    public WarehouseObject ToObject() => new(Id, Text.Read(Code), Text.Read(Name), PriceGroup ?? 1, Deleted == -1);
}

internal sealed class VatGroupRow
{
    public int Id { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public double? Rate { get; set; }

    public VatGroup ToVatGroup() => new(Id, Text.Read(Code), Text.Read(Name), Number.Read(Rate));
}

internal sealed class PaymentTypeRow
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public int? PaymentMethod { get; set; }

    public PaymentType ToPaymentType() => new(Id, Text.Read(Name), PaymentMethod ?? 0);
}

internal sealed class StockRow
{
    public int ObjectId { get; set; }
    public int GoodId { get; set; }
    public double? Quantity { get; set; }

    public StockLevel ToStockLevel() => new(ObjectId, GoodId, Number.Read(Quantity));
}

internal sealed class DocumentLineRow
{
    public int GoodId { get; set; }
    public double? Qtty { get; set; }
    public double? PriceOut { get; set; }
    public double? VatOut { get; set; }

    public WrittenLine ToLine() => new(GoodId, Number.Read(Qtty), Number.Read(PriceOut), Number.Read(VatOut));
}

internal sealed class StoreRow
{
    public int GoodId { get; set; }
    public int Id { get; set; }
    public double? Qtty { get; set; }
    public double? Price { get; set; }
    public string? Lot { get; set; }
    public int? LotId { get; set; }
    public int? LotOrder { get; set; }
    public DateTime? Expires { get; set; }
}

internal sealed class ConfigurationRow
{
    public string? CfgKey { get; set; }
    public string? CfgValue { get; set; }
    public int? UserId { get; set; }
}
