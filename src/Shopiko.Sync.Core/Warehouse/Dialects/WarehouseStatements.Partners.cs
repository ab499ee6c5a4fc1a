namespace Shopiko.Sync.Warehouse.Dialects;

// Partners (the shop's customers).
internal abstract partial class WarehouseStatements
{
    /// <summary>Every column a partner is read with, and the FROM: what follows SELECT.</summary>
    protected string PartnerColumnsAndFrom =>
        "[ID] AS Id, [Code] AS Code, [Company] AS Company, [MOL] AS Mol, [City] AS City, " +
        "[Address] AS Address, [Phone] AS Phone, [eMail] AS Email, [TaxNo] AS TaxNo, " +
        "[Bulstat] AS Bulstat, [PriceGroup] AS PriceGroup, [Discount] AS Discount, [Type] AS Type, " +
        $"ABS([GroupID]) AS GroupId, [CardNumber] AS CardNumber, [Deleted] AS Deleted FROM {Partners}";

    public virtual string SelectPartners => Common($"SELECT {PartnerColumnsAndFrom} WHERE [ID] <> 1 ORDER BY [ID]");

    public virtual string SelectPartnerById => Common($"SELECT {PartnerColumnsAndFrom} WHERE [ID] = @Id");

    /// <summary>The INSERT of a partner (its identity follows, see <see cref="WithIdentity"/>); constants are literals.</summary>
    public virtual string InsertPartner => Common(
        $"INSERT INTO {Partners} ([Code], [Company], [Company2], [MOL], [MOL2], [City], [City2], [Address], [Address2], [Phone], " +
        "[Phone2], [Fax], [eMail], [TaxNo], [Bulstat], [BankName], [BankCode], [BankAcct], [BankVATName], [BankVATCode], [BankVATAcct], " +
        "[PriceGroup], [Discount], [Type], [IsVeryUsed], [UserID], [GroupID], [UserRealTime], [Deleted], [CardNumber], [Note1], [Note2], [PaymentDays]) " +
        "VALUES (@Code, @Company, @Company2, @Mol, @Mol2, @City, @City2, @Address, @Address2, @Phone, ' ', ' ', " +
        "@Email, @TaxNo, @Bulstat, ' ', ' ', ' ', ' ', ' ', ' ', 1, 0, @Type, 0, @UserId, @GroupID, @Now, 0, ' ', ' ', ' ', 0)");
}
