namespace Shopiko.Sync.Warehouse.Dialects;

// The database's own facts and the small lists a run reads once: version, base currency, configuration, objects, VAT
// groups, payment types.
internal abstract partial class WarehouseStatements
{
    public virtual string SelectVersion => Common($"SELECT [Version] FROM {SystemTable}");

    public virtual string SelectBaseCurrency => Common($"SELECT [Currency] FROM {Currencies} WHERE [ID] = 1");

    public virtual string SelectConfiguration => Common(
        $"SELECT [Key] AS CfgKey, [Value] AS CfgValue, [UserID] AS UserId FROM {ConfigurationTable} " +
        "WHERE [Key] IN ('configkey12', 'configkey20', 'configkey23', 'configkey48')");

    public virtual string SelectObjects => Common(
        $"SELECT [ID] AS Id, [Code] AS Code, [Name] AS Name, [PriceGroup] AS PriceGroup, [Deleted] AS Deleted FROM {Objects} ORDER BY [ID]");

    public virtual string SelectVatGroups => Common(
        $"SELECT [ID] AS Id, [Code] AS Code, [Name] AS Name, [VATValue] AS Rate FROM {VatGroups} ORDER BY [ID]");

    public virtual string CountVatGroup => Common($"SELECT COUNT(*) FROM {VatGroups} WHERE [ID] = @Id");

    public virtual string SelectPaymentTypes => Common(
        $"SELECT [ID] AS Id, [Name] AS Name, [PaymentMethod] AS PaymentMethod FROM {PaymentTypes} ORDER BY [ID]");
}
