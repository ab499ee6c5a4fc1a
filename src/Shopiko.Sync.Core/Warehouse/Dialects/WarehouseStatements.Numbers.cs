namespace Shopiko.Sync.Warehouse.Dialects;

// Document numbers and new rows' identities.
internal abstract partial class WarehouseStatements
{
    /// <summary>
    /// MAX(Acct) over the given operation types, optionally for one object. One MAX per type, each answered from the
    /// (OperType, Acct) index: MAX over "OperType IN (2, 16)" makes MySQL scan every sale line, a cost that grows with
    /// each document written. Per object the parameter would appear twice, which OLE DB's positional binding cannot take.
    /// </summary>
    public virtual string SelectMaxAcct(IEnumerable<int> operTypes, bool perObject)
    {
        var types = operTypes.Distinct().ToList();
        return Common(types.Count == 1 || perObject
            ? $"SELECT MAX([Acct]) FROM {Operations} WHERE [OperType] IN ({Literals(types)})" + (perObject ? " AND [ObjectID] = @ObjectId" : "")
            : $"SELECT MAX([M]) FROM ({string.Join(" UNION ALL ", types.Select(t => $"SELECT MAX([Acct]) AS [M] FROM {Operations} WHERE [OperType] = {t}"))}) [x]");
    }

    /// <summary>The row of NextAcct a new document number is written to (<c>@Key</c>).</summary>
    public virtual string InsertNextAcct => Common($"INSERT INTO {NextAcct} ([NextAcct]) VALUES (@Key)");

    /// <summary>The statement returning the identity of the row inserted last on this connection.</summary>
    public abstract string LastIdentity { get; }

    /// <summary>
    /// An INSERT as the store sends it to learn the new row's identity: followed by <see cref="LastIdentity"/> in the
    /// same command where the engine batches statements, alone where it does not (Access: the store sends
    /// <see cref="LastIdentity"/> next).
    /// </summary>
    protected string WithIdentity(string insert) => Dialect.BatchesStatements ? $"{insert}; {LastIdentity}" : insert;
}
