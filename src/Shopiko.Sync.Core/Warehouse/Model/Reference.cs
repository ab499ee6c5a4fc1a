namespace Shopiko.Sync.Warehouse.Model;

/// <summary>A row of <c>objects</c>: a warehouse or shop location.</summary>
/// <param name="Id">Objects.ID.</param>
/// <param name="Code">Objects.Code.</param>
/// <param name="Name">Objects.Name, e.g. <c>Централен Склад</c>.</param>
/// <param name="PriceGroup">Objects.PriceGroup.</param>
/// <param name="IsDeleted">Objects.Deleted = -1.</param>
public sealed record WarehouseObject(int Id, string Code, string Name, int PriceGroup, bool IsDeleted);

/// <summary>A row of <c>vatgroups</c>.</summary>
/// <param name="Id">VATGroups.ID.</param>
/// <param name="Code">VATGroups.Code.</param>
/// <param name="Name">VATGroups.Name.</param>
/// <param name="Rate">VATGroups.VATValue in percent, e.g. 20.</param>
public sealed record VatGroup(int Id, string Code, string Name, decimal Rate);

/// <summary>A row of <c>paymenttypes</c>.</summary>
/// <param name="Id">ID (1 cash, 2 bank transfer, 3 card, 4 voucher when seeded).</param>
/// <param name="Name">Name.</param>
/// <param name="PaymentMethod">PaymentMethod.</param>
public sealed record PaymentType(int Id, string Name, int PaymentMethod);

/// <summary>Stock of one good in one object, summed over its lot rows.</summary>
/// <param name="ObjectId">store.ObjectID.</param>
/// <param name="GoodId">store.GoodID.</param>
/// <param name="Quantity">Σ store.Qtty.</param>
public sealed record StockLevel(int ObjectId, int GoodId, decimal Quantity);
