using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Database;

/// <summary>The database as last opened: its statements (for its own table names) and its settings and column limits.</summary>
/// <param name="Sql">The statements.</param>
/// <param name="Info">What the database said about itself.</param>
internal sealed record Opened(WarehouseSql Sql, WarehouseInfo Info);
