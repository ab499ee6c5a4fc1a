namespace Shopiko.Sync;

/// <summary>
/// Base of every error the library raises on purpose (warehouse, shop, settings, first run): a caller that wants
/// "Shopiko.Sync said no" catches this one type; the subclasses carry what each caller needs. Messages are written for
/// the merchant.
/// </summary>
public abstract class ShopikoSyncException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected ShopikoSyncException(string message, Exception? innerException = null) : base(message, innerException) { }
}
