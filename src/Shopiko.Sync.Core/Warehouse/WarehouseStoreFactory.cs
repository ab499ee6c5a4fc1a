using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse;

/// <summary>Creates <see cref="IWarehouseStore"/> instances; the dialect follows <see cref="WarehouseConnectionOptions.Provider"/>.</summary>
public sealed class WarehouseStoreFactory : IWarehouseStoreFactory
{
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeProvider">The clock written into UserRealTime and the sync-state rows (default: the system clock).</param>
    /// <param name="loggerFactory">Logging (default: none).</param>
    public WarehouseStoreFactory(TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <inheritdoc />
    public IWarehouseStore Create(WarehouseConnectionOptions options) =>
        new WarehouseStore(options, _timeProvider, _loggerFactory.CreateLogger<WarehouseStore>());
}
