namespace Shopiko.Sync.Warehouse;

/// <summary>Base of every error the warehouse store raises. Messages are written for the merchant.</summary>
public class WarehouseException : ShopikoSyncException
{
    /// <summary>Creates the exception.</summary>
    public WarehouseException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The database server cannot be reached, refuses the login, or is not the kind the provider expects.</summary>
public class WarehouseConnectionException : WarehouseException
{
    /// <summary>Creates the exception.</summary>
    public WarehouseConnectionException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The database is not a (supported) Warehouse Pro database: missing tables, unsupported version.</summary>
public class WarehouseSchemaException : WarehouseException
{
    /// <summary>Creates the exception.</summary>
    public WarehouseSchemaException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The data does not allow the write (unknown good, not enough stock in lots, value too long); nothing was written.</summary>
public class WarehouseDataException : WarehouseException
{
    /// <summary>Creates the exception.</summary>
    public WarehouseDataException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The order revision is already recorded: another run or engine imported it. Nothing was written.</summary>
public class OrderAlreadyImportedException : WarehouseException
{
    /// <summary>Creates the exception.</summary>
    public OrderAlreadyImportedException(string orderId, int revision, Exception? innerException = null)
        : base($"Shop order {orderId} revision {revision} is already recorded in the warehouse.", innerException)
    {
        OrderId = orderId;
        Revision = revision;
    }

    /// <summary>The shop order id.</summary>
    public string OrderId { get; }

    /// <summary>The revision.</summary>
    public int Revision { get; }
}
