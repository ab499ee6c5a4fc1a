using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse;

/// <summary>Creates the store for a server's warehouse connection (the dialect follows the provider).</summary>
public interface IWarehouseStoreFactory
{
    /// <summary>Creates a store. Cheap; connections are opened per operation.</summary>
    /// <exception cref="PlatformNotSupportedException">Access on an OS other than Windows.</exception>
    IWarehouseStore Create(WarehouseConnectionOptions options);
}
