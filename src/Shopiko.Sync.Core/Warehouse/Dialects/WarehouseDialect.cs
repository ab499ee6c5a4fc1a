using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// What differs between the database engines a Warehouse Pro database lives in: the driver, quoting, parameters,
/// identity retrieval, locking, error codes and DDL. The statements themselves are written once here in terms of those
/// tokens (<see cref="BuildSql"/>) and overridden by a dialect where its engine needs another shape, so the store
/// never holds SQL text.
/// </summary>
internal abstract class WarehouseDialect
{
    /// <summary>The provider this dialect speaks.</summary>
    public abstract WarehouseProvider Provider { get; }

    /// <summary>Creates a closed connection.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Where the connection points, for messages (never includes a password).</summary>
    public abstract string Describe(string connectionString);

    /// <summary>What to check when the database cannot be opened: a database server's address and login by default.</summary>
    public virtual string ConnectionAdvice(string connectionString) =>
        $"Check the server address, port, database name, user and password in the {Provider} connection string, and that the server is running.";

    /// <summary>Quotes an identifier (column or table).</summary>
    public abstract string Quote(string identifier);

    /// <summary>The token of a named parameter in SQL text (Dapper binds it by name, or by position for OLE DB).</summary>
    public virtual string Param(string name) => "@" + name;

    /// <summary>The name a logical (lowercase) table has in a fresh database of this engine.</summary>
    public virtual string DefaultTableName(string logical) => logical;

    /// <summary>Isolation of write transactions: it must make MAX(Acct) and stock reads see committed work of other writers.</summary>
    public virtual IsolationLevel WriteIsolation => IsolationLevel.ReadCommitted;

    /// <summary>True when one command may hold several statements (an INSERT followed by the identity SELECT).</summary>
    public virtual bool BatchesStatements => true;

    /// <summary>
    /// True when a transaction's independent writes go to the server as one command (<see cref="StatementBatch"/>): it
    /// saves a round trip per statement on a server engine.
    /// </summary>
    public virtual bool CombinesWrites => BatchesStatements;

    /// <summary>Most parameters one command may carry (<see cref="StatementBatch"/> sends more as several commands).</summary>
    public virtual int MaxParametersPerCommand => int.MaxValue;

    /// <summary>True when one INSERT may carry several rows in VALUES (every engine but Access).</summary>
    public virtual bool InsertsManyRows => BatchesStatements;

    /// <summary>Sets up a connection the store has just opened (session settings), before any statement of its own.</summary>
    public virtual Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lists the tables of the connected database.</summary>
    public abstract Task<IReadOnlyList<string>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> is a primary/unique key violation.</summary>
    public abstract bool IsDuplicateKey(Exception exception);

    /// <summary>True when the transaction was chosen as a deadlock victim or timed out on a lock: safe to retry whole.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>True when a value did not fit its column.</summary>
    public abstract bool IsValueTooLong(Exception exception);

    /// <summary>
    /// The length and character set of every text column of the connected database, as its own catalogue declares
    /// them (table names as the database spells them). None on an engine that does not limit text (SQLite).
    /// </summary>
    public virtual Task<IReadOnlyList<Fitting.ColumnLimitRow>> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Fitting.ColumnLimitRow>>([]);

    /// <summary>
    /// What a driver error means for the run: one record refused (<see cref="WarehouseErrorKind.Data"/>), or every
    /// record would fail alike (connection, schema). Errors the dialect does not know are the record's own when the
    /// server answered with an error code, and the connection's when it did not answer at all.
    /// </summary>
    public virtual WarehouseErrorKind Classify(Exception exception) =>
        exception is DbException ? WarehouseErrorKind.Data : WarehouseErrorKind.Connection;

    /// <summary>The statements creating the library's sync-state tables when missing.</summary>
    public abstract IReadOnlyList<string> SyncStateDdl { get; }

    /// <summary>The statement returning the identity of the row inserted last on this connection.</summary>
    protected abstract string LastIdentity { get; }

    /// <summary>The row-locking hint placed after a table name in FROM (SQL Server), or empty.</summary>
    protected virtual string LockHint => "";

    /// <summary>The row-locking clause placed at the end of a SELECT (MySQL), or empty.</summary>
    protected virtual string LockSuffix => "";

    /// <summary>Upper-cases and trims an expression.</summary>
    protected virtual string UpperTrim(string expression) => $"UPPER(TRIM({expression}))";

    /// <summary>Upper-cases an expression.</summary>
    protected virtual string Upper(string expression) => $"UPPER({expression})";

    /// <summary>Most rows one multi-row statement carries (SQL Server allows 1,000 rows in VALUES and 2,100 parameters).</summary>
    public const int MaxRowsPerStatement = 500;

    /// <summary>The multi-row link upsert (see <see cref="WarehouseSql.UpsertLinks"/>), or null when the engine has none.</summary>
    protected virtual SqlBatch? UpsertLinks(LinkRows rows) => null;

    /// <summary>
    /// The <c>(LocalId, RemoteId, ContentHash)</c> tuples of a multi-row link statement as <c>(@L0, @R0, @H0), …</c>
    /// (with <paramref name="prefix"/> and <paramref name="suffix"/> inside each), and their parameters beside
    /// <c>Scope</c>, <c>Entity</c> and <c>Now</c>.
    /// </summary>
    protected (string Values, ICommandParameters Parameters) LinkRowValues(LinkRows rows, string prefix, string suffix)
    {
        var values = new System.Text.StringBuilder(rows.Rows.Count * (32 + prefix.Length + suffix.Length));
        for (var i = 0; i < rows.Rows.Count; i++)
        {
            values.Append(i == 0 ? "(" : ", (").Append(prefix)
                .Append(Param("L" + i)).Append(", ").Append(Param("R" + i)).Append(", ").Append(Param("H" + i))
                .Append(suffix).Append(')');
        }

        return (values.ToString(), new LinkRowParameters(rows));
    }

    /// <summary>
    /// <c>Scope</c>, <c>Entity</c>, <c>Now</c> and <c>L{i}</c>, <c>R{i}</c>, <c>H{i}</c> of each row, typed as Dapper
    /// would type them (strings with the size of 4,000 that keeps SQL Server's plan cache to one plan per row count).
    /// </summary>
    private sealed class LinkRowParameters(LinkRows rows) : ICommandParameters
    {
        private const int StringSize = 4000;

        public void AddTo(DbCommand command)
        {
            var list = command.Parameters;
            list.Add(Parameter(command, "Scope", rows.Scope, DbType.String));
            list.Add(Parameter(command, "Entity", rows.Entity, DbType.String));
            list.Add(Parameter(command, "Now", rows.Now, DbType.DateTime));
            for (var i = 0; i < rows.Rows.Count; i++)
            {
                var row = rows.Rows[i];
                var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                list.Add(Parameter(command, "L" + index, row.LocalId, DbType.Int32));
                list.Add(Parameter(command, "R" + index, row.RemoteId, DbType.String));
                list.Add(Parameter(command, "H" + index, row.ContentHash, DbType.String));
            }
        }

        private static DbParameter Parameter(DbCommand command, string name, object? value, DbType type)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            if (type == DbType.String && value is string { Length: <= StringSize })
            {
                parameter.Size = StringSize;
            }

            return parameter;
        }
    }

    /// <summary>Turns an INSERT into what returns the new identity (batched, or the INSERT alone when not batching).</summary>
    private string WithIdentity(string insert) => BatchesStatements ? $"{insert}; {LastIdentity}" : insert;

    /// <summary>Builds every statement the store runs, against the actual table names of one database.</summary>
    public WarehouseSql BuildSql(TableNames tables)
    {
        string T(string logical) => Quote(tables[logical]);
        string Q(string column) => Quote(column);
        string P(string name) => Param(name);
        string Cols(params string[] columns) => string.Join(", ", columns.Select(Q));
        string Params(params string[] names) => string.Join(", ", names.Select(P));

        var goodsColumns =
            $"g.{Q("ID")} AS Id, g.{Q("Code")} AS Code, g.{Q("BarCode1")} AS BarCode1, g.{Q("BarCode2")} AS BarCode2, " +
            $"g.{Q("BarCode3")} AS BarCode3, g.{Q("Name")} AS Name, g.{Q("Name2")} AS Name2, g.{Q("Measure1")} AS Measure1, " +
            $"g.{Q("Description")} AS Description, g.{Q("PriceIn")} AS PriceIn, " +
            string.Join(", ", Enumerable.Range(1, 10).Select(i => $"g.{Q("PriceOut" + i)} AS PriceOut{i}")) + ", " +
            $"g.{Q("Type")} AS Type, ABS(g.{Q("GroupID")}) AS GroupId, g.{Q("TaxGroup")} AS VatGroupId, " +
            $"v.{Q("VATValue")} AS VatRate, g.{Q("Deleted")} AS Deleted " +
            $"FROM {T("goods")} g LEFT JOIN {T("vatgroups")} v ON v.{Q("ID")} = g.{Q("TaxGroup")}";

        var partnerColumns =
            $"{Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Company")} AS Company, {Q("MOL")} AS Mol, {Q("City")} AS City, " +
            $"{Q("Address")} AS Address, {Q("Phone")} AS Phone, {Q("eMail")} AS Email, {Q("TaxNo")} AS TaxNo, " +
            $"{Q("Bulstat")} AS Bulstat, {Q("PriceGroup")} AS PriceGroup, {Q("Discount")} AS Discount, {Q("Type")} AS Type, " +
            $"ABS({Q("GroupID")}) AS GroupId, {Q("CardNumber")} AS CardNumber, {Q("Deleted")} AS Deleted FROM {T("partners")}";

        var notDeleted = $"({Q("Deleted")} IS NULL OR {Q("Deleted")} <> -1)";

        return new WarehouseSql
        {
            SelectVersion = $"SELECT {Q("Version")} FROM {T("system")}",
            SelectBaseCurrency = $"SELECT {Q("Currency")} FROM {T("currencies")} WHERE {Q("ID")} = 1",
            SelectConfiguration =
                $"SELECT {Q("Key")} AS CfgKey, {Q("Value")} AS CfgValue, {Q("UserID")} AS UserId FROM {T("configuration")} " +
                $"WHERE {Q("Key")} IN ('configkey12', 'configkey20', 'configkey23', 'configkey48')",

            SelectGoods = $"SELECT {goodsColumns} WHERE g.{Q("ID")} <> 1 ORDER BY g.{Q("ID")}",
            SelectGoodById = $"SELECT {goodsColumns} WHERE g.{Q("ID")} = {P("Id")}",
            SelectGoodsForShop = price =>
            {
                var column = price is >= PriceColumn.PriceOut1 and <= PriceColumn.PriceOut10
                    ? "PriceOut" + (int)price
                    : throw new ArgumentOutOfRangeException(nameof(price), price, "Unknown price column.");
                return $"SELECT g.{Q("ID")} AS Id, g.{Q("Code")} AS Code, g.{Q("BarCode1")} AS BarCode1, g.{Q("Name")} AS Name, " +
                    $"g.{Q("Measure1")} AS Measure1, g.{Q("Description")} AS Description, g.{Q(column)} AS {column}, " +
                    $"ABS(g.{Q("GroupID")}) AS GroupId, v.{Q("VATValue")} AS VatRate, g.{Q("Deleted")} AS Deleted " +
                    $"FROM {T("goods")} g LEFT JOIN {T("vatgroups")} v ON v.{Q("ID")} = g.{Q("TaxGroup")} WHERE g.{Q("ID")} <> 1 ORDER BY g.{Q("ID")}";
            },
            // Only what a document line needs: the name (for messages), the cost, the type and the VAT rate.
            SelectDocumentGoods = ids =>
                $"SELECT g.{Q("ID")} AS Id, g.{Q("Name")} AS Name, g.{Q("PriceIn")} AS PriceIn, g.{Q("Type")} AS Type, v.{Q("VATValue")} AS VatRate " +
                $"FROM {T("goods")} g LEFT JOIN {T("vatgroups")} v ON v.{Q("ID")} = g.{Q("TaxGroup")} WHERE g.{Q("ID")} IN ({IdList(ids, "G")})",
            SelectGoodsByCode =
                $"SELECT {goodsColumns} WHERE g.{Q("ID")} <> 1 AND (g.{Q("Deleted")} IS NULL OR g.{Q("Deleted")} <> -1) " +
                $"AND {UpperTrim($"g.{Q("Code")}")} = {Upper(P("Code"))} ORDER BY g.{Q("ID")}",
            SelectGroups =
                $"SELECT {Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Name")} AS Name FROM {T("goodsgroups")} " +
                $"WHERE {Q("ID")} <> 1 AND {Q("Code")} <> '-1' ORDER BY {Q("Code")}",
            SelectGroupById = $"SELECT {Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Name")} AS Name FROM {T("goodsgroups")} WHERE {Q("ID")} = {P("Id")}",
            SelectGroupCodes = $"SELECT {Q("Code")} FROM {T("goodsgroups")}{LockHint}{LockSuffix}",
            InsertGroup = WithIdentity($"INSERT INTO {T("goodsgroups")} ({Cols("Name", "Code")}) VALUES ({Params("Name", "Code")})"),
            SelectPartners = $"SELECT {partnerColumns} WHERE {Q("ID")} <> 1 ORDER BY {Q("ID")}",
            SelectPartnerById = $"SELECT {partnerColumns} WHERE {Q("ID")} = {P("Id")}",
            SelectObjects =
                $"SELECT {Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Name")} AS Name, {Q("PriceGroup")} AS PriceGroup, " +
                $"{Q("Deleted")} AS Deleted FROM {T("objects")} ORDER BY {Q("ID")}",
            SelectVatGroups =
                $"SELECT {Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Name")} AS Name, {Q("VATValue")} AS Rate FROM {T("vatgroups")} ORDER BY {Q("ID")}",
            SelectPaymentTypes =
                $"SELECT {Q("ID")} AS Id, {Q("Name")} AS Name, {Q("PaymentMethod")} AS PaymentMethod FROM {T("paymenttypes")} ORDER BY {Q("ID")}",
            SelectStock = objectIds =>
                $"SELECT {Q("ObjectID")} AS ObjectId, {Q("GoodID")} AS GoodId, SUM({Q("Qtty")}) AS Quantity FROM {T("store")} " +
                $"WHERE {Q("GoodID")} <> 1 AND {Q("ObjectID")} IN ({string.Join(", ", objectIds)}) " +
                $"GROUP BY {Q("GoodID")}, {Q("ObjectID")} ORDER BY {Q("GoodID")}, {Q("ObjectID")}",

            // Constants are literals, and every parameter appears once: OLE DB binds by position (Dapper's ?name?).
            InsertGood = WithIdentity(
                $"INSERT INTO {T("goods")} ({Cols("Code", "BarCode1", "BarCode2", "BarCode3", "Catalog1", "Catalog2", "Catalog3", "Name", "Name2", "Measure1", "Measure2", "Ratio", "PriceIn", "PriceOut1", "PriceOut2", "PriceOut3", "PriceOut4", "PriceOut5", "PriceOut6", "PriceOut7", "PriceOut8", "PriceOut9", "PriceOut10", "MinQtty", "NormalQtty", "Description", "Type", "IsRecipe", "TaxGroup", "IsVeryUsed", "GroupID", "Deleted")}) " +
                $"VALUES ({P("Code")}, {P("BarCode1")}, ' ', ' ', ' ', ' ', ' ', {P("Name")}, {P("Name2")}, {P("Measure1")}, {P("Measure2")}, 1, {P("PriceIn")}, " +
                string.Join(", ", Enumerable.Range(1, 10).Select(i => P("PriceOut" + i))) +
                $", 0, 0, {P("Description")}, {P("Type")}, 0, {P("TaxGroup")}, 0, {P("GroupID")}, 0)"),
            InsertStoreRowsForGood =
                $"INSERT INTO {T("store")} ({Cols("ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder")}) " +
                $"SELECT {Q("ID")}, {P("GoodId")}, 0, 0, ' ', 1, 1 FROM {T("objects")}",
            InsertPartner = WithIdentity(
                $"INSERT INTO {T("partners")} ({Cols("Code", "Company", "Company2", "MOL", "MOL2", "City", "City2", "Address", "Address2", "Phone", "Phone2", "Fax", "eMail", "TaxNo", "Bulstat", "BankName", "BankCode", "BankAcct", "BankVATName", "BankVATCode", "BankVATAcct", "PriceGroup", "Discount", "Type", "IsVeryUsed", "UserID", "GroupID", "UserRealTime", "Deleted", "CardNumber", "Note1", "Note2", "PaymentDays")}) " +
                $"VALUES ({P("Code")}, {P("Company")}, {P("Company2")}, {P("Mol")}, {P("Mol2")}, {P("City")}, {P("City2")}, {P("Address")}, {P("Address2")}, {P("Phone")}, ' ', ' ', " +
                $"{P("Email")}, {P("TaxNo")}, {P("Bulstat")}, ' ', ' ', ' ', ' ', ' ', ' ', 1, 0, {P("Type")}, 0, {P("UserId")}, {P("GroupID")}, {P("Now")}, 0, ' ', ' ', ' ', 0)"),
            LastIdentity = LastIdentity,

            // Everything a document checks before it writes, and the highest number so far, as one row: a statement each
            // costs the server more than the lookups. Not on Access, which takes no SELECT without a table.
            SelectDocumentFacts = !BatchesStatements ? null : (maxAcct, withOrder) =>
                "SELECT " +
                (withOrder
                    ? $"(SELECT COUNT(*) FROM {Q(SyncStateTables.Orders)} WHERE {Q("Scope")} = {P("Scope")} AND {Q("OrderId")} = {P("OrderId")} AND {Q("Revision")} = {P("Revision")})"
                    : "0") + " AS Recorded, " +
                $"(SELECT COUNT(*) FROM {T("objects")} WHERE {Q("ID")} = {P("ObjectId")}) AS Objects, " +
                $"(SELECT {Q("Deleted")} FROM {T("objects")} WHERE {Q("ID")} = {P("ObjectId")}) AS ObjectDeleted, " +
                $"(SELECT COUNT(*) FROM {T("partners")} WHERE {Q("ID")} = {P("PartnerId")}) AS Partners, " +
                $"({maxAcct}) AS MaxAcct",
            SelectDocumentObject = $"SELECT {Q("ID")} AS Id, {Q("Deleted")} AS Deleted FROM {T("objects")} WHERE {Q("ID")} = {P("ObjectId")}",
            SelectDocumentPartner = $"SELECT {Q("ID")} FROM {T("partners")} WHERE {Q("ID")} = {P("PartnerId")}",
            SelectObjectById = $"SELECT {Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Name")} AS Name, {Q("PriceGroup")} AS PriceGroup, {Q("Deleted")} AS Deleted FROM {T("objects")} WHERE {Q("ID")} = {P("Id")}",
            CountVatGroup = $"SELECT COUNT(*) FROM {T("vatgroups")} WHERE {Q("ID")} = {P("Id")}",
            // One MAX per type, each answered from the (OperType, Acct) index: MAX over "OperType IN (2, 16)" makes MySQL
            // scan every sale line, a cost that grows with each document written.
            SelectMaxAcct = (operTypes, perObject) =>
            {
                // Per object the parameter would appear twice, which OLE DB's positional binding cannot take.
                string One(int operType) => $"SELECT MAX({Q("Acct")}) AS {Q("M")} FROM {T("operations")} WHERE {Q("OperType")} = {operType}";
                var types = operTypes.Distinct().ToList();
                return types.Count == 1 || perObject
                    ? $"SELECT MAX({Q("Acct")}) FROM {T("operations")} WHERE {Q("OperType")} IN ({string.Join(", ", types)})" + (perObject ? $" AND {Q("ObjectID")} = {P("ObjectId")}" : "")
                    : $"SELECT MAX({Q("M")}) FROM ({string.Join(" UNION ALL ", types.Select(One))}) {Q("x")}";
            },
            InsertNextAcct = $"INSERT INTO {T("nextacct")} ({Q("NextAcct")}) VALUES ({P("Key")})",
            // Every good of a document in one read (and one lock request), in GoodID order so writers lock in one order.
            SelectStoreRows = ids =>
                $"SELECT {Q("GoodID")} AS GoodId, {Q("ID")} AS Id, {Q("Qtty")} AS Qtty, {Q("Price")} AS Price, {Q("Lot")} AS Lot, {Q("LotID")} AS LotId, " +
                $"{Q("LotOrder")} AS LotOrder FROM {T("store")}{LockHint} WHERE {Q("ObjectID")} = {P("ObjectId")} AND {Q("GoodID")} IN ({IdList(ids, "S")}) " +
                $"ORDER BY {Q("GoodID")}, {Q("LotOrder")}, {Q("ID")}{LockSuffix}",
            AddToStoreRow = $"UPDATE {T("store")} SET {Q("Qtty")} = {Q("Qtty")} + {P("Delta")} WHERE {Q("ID")} = {P("Id")}",
            AddToStoreRows = count =>
                $"UPDATE {T("store")} SET {Q("Qtty")} = {Q("Qtty")} + CASE {Q("ID")} " +
                string.Join(" ", Enumerable.Range(0, count).Select(i => $"WHEN {P($"I{i}")} THEN {P($"D{i}")}")) +
                $" END WHERE {Q("ID")} IN ({IdParams(count, "J")})",
            InsertStoreRow =
                $"INSERT INTO {T("store")} ({Cols("ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder")}) " +
                $"VALUES ({Params("ObjectId", "GoodId", "Qtty", "Price", "Lot", "LotId", "LotOrder")})",
            InsertOperation =
                $"INSERT INTO {T("operations")} ({Cols("OperType", "Acct", "GoodID", "PartnerID", "ObjectID", "OperatorID", "Qtty", "Sign", "PriceIn", "PriceOut", "VATIn", "VATOut", "Discount", "CurrencyID", "CurrencyRate", "Date", "Lot", "LotID", "Note", "SrcDocID", "UserID", "UserRealTime")}) " +
                $"VALUES ({Params("OperType", "Acct", "GoodId", "PartnerId", "ObjectId", "OperatorId", "Qtty", "Sign", "PriceIn", "PriceOut", "VatIn", "VatOut", "Discount", "CurrencyId", "CurrencyRate", "Date", "Lot", "LotId", "Note", "SrcDocId", "UserId", "UserRealTime")})",
            InsertPayment =
                $"INSERT INTO {T("payments")} ({Cols("Acct", "OperType", "PartnerID", "ObjectID", "Qtty", "Mode", "Sign", "Date", "UserID", "UserRealTime", "Type", "TransactionNumber", "EndDate")}) " +
                // No transaction number, as in InsertPayments (a text parameter would need a fit rule).
                $"VALUES ({Params("Acct", "OperType", "PartnerId", "ObjectId", "Qtty", "Mode", "Sign", "Date", "UserId", "UserRealTime", "Type")}, ' ', {P("EndDate")})",
            // A document's lines and payments in one statement each: what the document shares is one parameter, each row
            // adds its own (@GoodId0, @GoodId1, …). One row per statement where VALUES takes one row (Access).
            InsertOperations = rows =>
                $"INSERT INTO {T("operations")} ({Cols("OperType", "Acct", "GoodID", "PartnerID", "ObjectID", "OperatorID", "Qtty", "Sign", "PriceIn", "PriceOut", "VATIn", "VATOut", "Discount", "CurrencyID", "CurrencyRate", "Date", "Lot", "LotID", "Note", "SrcDocID", "UserID", "UserRealTime")}) VALUES " +
                string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                    $"({P("OperType")}, {P("Acct")}, {P($"GoodId{r}")}, {P("PartnerId")}, {P("ObjectId")}, {P("OperatorId")}, {P($"Qtty{r}")}, {P("Sign")}, " +
                    $"{P($"PriceIn{r}")}, {P($"PriceOut{r}")}, {P($"VatIn{r}")}, {P($"VatOut{r}")}, {P($"Discount{r}")}, 1, 1, {P("Date")}, {P($"Lot{r}")}, " +
                    $"{P($"LotId{r}")}, {P($"Note{r}")}, 0, {P("UserId")}, {P("UserRealTime")})")),
            InsertPayments = rows =>
                $"INSERT INTO {T("payments")} ({Cols("Acct", "OperType", "PartnerID", "ObjectID", "Qtty", "Mode", "Sign", "Date", "UserID", "UserRealTime", "Type", "TransactionNumber", "EndDate")}) VALUES " +
                string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                    $"({P("Acct")}, {P("OperType")}, {P("PartnerId")}, {P("ObjectId")}, {P($"Qtty{r}")}, {P($"Mode{r}")}, {P("Sign")}, {P("Date")}, {P("UserId")}, " +
                    $"{P("UserRealTime")}, {P($"Type{r}")}, ' ', {P("EndDate")})")),
            CountDocumentLines =
                $"SELECT COUNT(*) FROM {T("operations")} WHERE {Q("OperType")} = {P("OperType")} AND {Q("Acct")} = {P("Acct")} AND {Q("ObjectID")} = {P("ObjectId")}",
            SelectDocumentLines =
                $"SELECT {Q("GoodID")} AS GoodId, {Q("Qtty")} AS Qtty, {Q("PriceOut")} AS PriceOut, {Q("VATOut")} AS VatOut FROM {T("operations")} " +
                $"WHERE {Q("OperType")} = {P("OperType")} AND {Q("Acct")} = {P("Acct")} AND {Q("ObjectID")} = {P("ObjectId")} ORDER BY {Q("ID")}",
            DeleteDocumentLines =
                $"DELETE FROM {T("operations")} WHERE {Q("OperType")} = {P("OperType")} AND {Q("Acct")} = {P("Acct")} AND {Q("ObjectID")} = {P("ObjectId")}",
            DeleteDocumentPayments =
                $"DELETE FROM {T("payments")} WHERE {Q("OperType")} = {P("OperType")} AND {Q("Acct")} = {P("Acct")} AND {Q("ObjectID")} = {P("ObjectId")}",
            SelectDocumentRows =
                $"SELECT {Q("GoodID")} AS GoodId, {Q("PartnerID")} AS PartnerId, {Q("Qtty")} AS Qtty, {Q("PriceIn")} AS PriceIn, {Q("PriceOut")} AS PriceOut, {Q("VATOut")} AS VatOut, " +
                $"{Q("Discount")} AS Discount FROM {T("operations")}{LockHint} " +
                $"WHERE {Q("OperType")} = {P("OperType")} AND {Q("Acct")} = {P("Acct")} AND {Q("ObjectID")} = {P("ObjectId")} ORDER BY {Q("ID")}{LockSuffix}",
            SelectDocumentPaymentRows =
                $"SELECT {Q("Qtty")} AS Qtty, {Q("Mode")} AS Mode, {Q("Type")} AS Type FROM {T("payments")} " +
                $"WHERE {Q("OperType")} = {P("OperType")} AND {Q("Acct")} = {P("Acct")} AND {Q("ObjectID")} = {P("ObjectId")} ORDER BY {Q("ID")}",

            SelectLinks =
                $"SELECT {Q("LocalId")} AS LocalId, {Q("RemoteId")} AS RemoteId, {Q("ContentHash")} AS ContentHash FROM {Q(SyncStateTables.Links)} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")} ORDER BY {Q("LocalId")}",
            SelectFirstLinkId =
                $"SELECT MIN({Q("LocalId")}) FROM {Q(SyncStateTables.Links)} WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")}",
            UpdateLink =
                $"UPDATE {Q(SyncStateTables.Links)} SET {Q("RemoteId")} = {P("RemoteId")}, {Q("ContentHash")} = {P("ContentHash")}, {Q("UpdatedAt")} = {P("Now")} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")} AND {Q("LocalId")} = {P("LocalId")}",
            InsertLink =
                $"INSERT INTO {Q(SyncStateTables.Links)} ({Cols("Scope", "Entity", "LocalId", "RemoteId", "ContentHash", "UpdatedAt")}) " +
                $"VALUES ({Params("Scope", "Entity", "LocalId", "RemoteId", "ContentHash", "Now")})",
            UpsertLinks = UpsertLinks(new LinkRows("", "", default, [])) is null ? null : rows => UpsertLinks(rows)!.Value,
            ClearLinkHashes =
                $"UPDATE {Q(SyncStateTables.Links)} SET {Q("ContentHash")} = NULL WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")}",
            InsertImportedOrder =
                $"INSERT INTO {Q(SyncStateTables.Orders)} ({Cols("Scope", "OrderId", "Revision", "Status", "DocumentNumber", "OperType", "Acct", "ObjectId", "Acknowledged", "RecordedAt", "Fingerprint")}) " +
                $"VALUES ({Params("Scope", "OrderId", "Revision", "Status", "DocumentNumber", "OperType", "Acct", "ObjectId", "Acknowledged", "RecordedAt", "Fingerprint")})",
            CountImportedOrderRevision =
                $"SELECT COUNT(*) FROM {Q(SyncStateTables.Orders)} WHERE {Q("Scope")} = {P("Scope")} AND {Q("OrderId")} = {P("OrderId")} AND {Q("Revision")} = {P("Revision")}",
            SelectImportedOrder =
                $"SELECT {Cols("OrderId", "Revision", "Status", "DocumentNumber", "OperType", "Acct", "ObjectId", "Acknowledged", "RecordedAt", "Fingerprint")} FROM {Q(SyncStateTables.Orders)} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("OrderId")} = {P("OrderId")} ORDER BY {Q("Revision")} DESC",
            SelectImportedOrders = count =>
                $"SELECT {Cols("OrderId", "Revision", "Status", "DocumentNumber", "OperType", "Acct", "ObjectId", "Acknowledged", "RecordedAt", "Fingerprint")} FROM {Q(SyncStateTables.Orders)} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("OrderId")} IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => P("O" + i)))}) " +
                $"ORDER BY {Q("OrderId")}, {Q("Revision")} DESC",
            SelectUnacknowledgedOrders =
                $"SELECT {Cols("OrderId", "Revision", "Status", "DocumentNumber", "OperType", "Acct", "ObjectId", "Acknowledged", "RecordedAt", "Fingerprint")} FROM {Q(SyncStateTables.Orders)} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Acknowledged")} = 0 ORDER BY {Q("ID")}",
            AcknowledgeOrder =
                $"UPDATE {Q(SyncStateTables.Orders)} SET {Q("Acknowledged")} = -1 " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("OrderId")} = {P("OrderId")} AND {Q("Revision")} = {P("Revision")}",
            AcknowledgeOrders = count =>
                $"UPDATE {Q(SyncStateTables.Orders)} SET {Q("Acknowledged")} = -1 WHERE {Q("Scope")} = {P("Scope")} AND (" +
                string.Join(" OR ", Enumerable.Range(0, count).Select(i => $"({Q("OrderId")} = {P($"O{i}")} AND {Q("Revision")} = {P($"R{i}")})")) + ")",
            UpdateQuarantine =
                $"UPDATE {Q(SyncStateTables.Quarantine)} SET {Q("Reason")} = {P("Reason")}, {Q("LastSeen")} = {P("Now")}, {Q("Attempts")} = {Q("Attempts")} + 1 " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")} AND {Q("ItemId")} = {P("ItemId")}",
            InsertQuarantine =
                $"INSERT INTO {Q(SyncStateTables.Quarantine)} ({Cols("Scope", "Entity", "ItemId", "Reason", "FirstSeen", "LastSeen", "Attempts")}) " +
                $"VALUES ({Params("Scope", "Entity", "ItemId", "Reason", "FirstSeen", "LastSeen")}, 1)",
            DeleteQuarantine =
                $"DELETE FROM {Q(SyncStateTables.Quarantine)} WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")} AND {Q("ItemId")} = {P("ItemId")}",
            SelectQuarantine =
                $"SELECT {Q("Entity")} AS Entity, {Q("ItemId")} AS ItemId, {Q("Reason")} AS Reason, {Q("FirstSeen")} AS FirstSeen, " +
                $"{Q("LastSeen")} AS LastSeen, {Q("Attempts")} AS Attempts FROM {Q(SyncStateTables.Quarantine)} " +
                $"WHERE {Q("Scope")} = {P("Scope")} ORDER BY {Q("FirstSeen")}, {Q("ItemId")}",
            SelectMark =
                $"SELECT {Q("Value")} FROM {Q(SyncStateTables.Marks)} WHERE {Q("Scope")} = {P("Scope")} AND {Q("Name")} = {P("Name")}",
            UpdateMark =
                $"UPDATE {Q(SyncStateTables.Marks)} SET {Q("Value")} = {P("Value")}, {Q("UpdatedAt")} = {P("Now")} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Name")} = {P("Name")}",
            InsertMark =
                $"INSERT INTO {Q(SyncStateTables.Marks)} ({Cols("Scope", "Name", "Value", "UpdatedAt")}) VALUES ({Params("Scope", "Name", "Value", "Now")})",
        };
    }

    /// <summary>
    /// <c>@G0, @G1, …</c>: integer IDs as parameters, so that the text repeats for every list of the same length (Dapper
    /// and the server cache per text; IDs written into it made every document a new statement).
    /// </summary>
    private string IdParams(int count, string prefix) => string.Join(", ", Enumerable.Range(0, count).Select(i => Param(prefix + i)));

    /// <summary>
    /// The IDs as <see cref="IdParams"/> (<c>@{prefix}0</c> …, see <see cref="AddIdParameters"/>), or written into the text
    /// when there are more than <see cref="MaxIdParameters"/> (SQL Server takes 2,100 parameters per command).
    /// </summary>
    private string IdList(IReadOnlyList<int> ids, string prefix) =>
        ids.Count <= MaxIdParameters ? IdParams(ids.Count, prefix) : string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Most IDs a list passes as parameters.</summary>
    public const int MaxIdParameters = 500;

    /// <summary>The parameters of an ID list built by the SQL (none when the IDs are written into the text).</summary>
    public static void AddIdParameters(DynamicParameters parameters, string prefix, IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > MaxIdParameters)
        {
            return;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            parameters.Add(prefix + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }
    }

    /// <summary>
    /// Columns added to the sync-state tables after they were first released, each with the ALTER statement that adds
    /// it to a table created before: the tables' DDL already holds them, so only an older database runs these.
    /// </summary>
    public abstract IReadOnlyList<SyncStateColumn> SyncStateUpgrades { get; }

    /// <summary>
    /// Adds the <see cref="SyncStateUpgrades"/> columns an existing table lacks, keeping its rows. Probing with a
    /// SELECT of the column works the same on every engine; a second engine upgrading at the same moment makes the
    /// ALTER fail, after which the column is simply there.
    /// </summary>
    public async Task UpgradeSyncStateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var upgrade in SyncStateUpgrades)
        {
            if (await HasColumnAsync(connection, upgrade.Table, upgrade.Column, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await connection.ExecuteAsync(new CommandDefinition(upgrade.Alter, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Another engine may have added it first; anything else fails the upgrade.
                if (!await HasColumnAsync(connection, upgrade.Table, upgrade.Column, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> HasColumnAsync(DbConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteScalarAsync(new CommandDefinition(
                $"SELECT {Quote(column)} FROM {Quote(table)} WHERE 1 = 0", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Creates the sync-state tables that are missing. Engines with IF NOT EXISTS simply run <see cref="SyncStateDdl"/>.</summary>
    public virtual async Task EnsureSyncStateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var statement in SyncStateDdl)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}

/// <summary>What a database error means for a run.</summary>
internal enum WarehouseErrorKind
{
    /// <summary>The database refused this record (too long, bad string, a constraint): quarantine it and go on.</summary>
    Data,

    /// <summary>The database is unreachable, the connection dropped or the login is refused: every record would fail.</summary>
    Connection,

    /// <summary>A table or column is missing or may not be used: every record would fail.</summary>
    Schema,
}

/// <summary>Names of the library's own tables in the warehouse database (lowercase on every engine).</summary>
internal static class SyncStateTables
{
    /// <summary>Links between warehouse records and shop ids, with content hashes.</summary>
    public const string Links = "shopikosync_links";

    /// <summary>Imported order revisions: the exactly-once guard.</summary>
    public const string Orders = "shopikosync_orders";

    /// <summary>Items held back with a reason.</summary>
    public const string Quarantine = "shopikosync_quarantine";

    /// <summary>Named values the library remembers between runs (e.g. the shop time a listing is complete up to).</summary>
    public const string Marks = "shopikosync_marks";
}

/// <summary>A column added to a sync-state table after its first release.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column.</param>
/// <param name="Alter">The statement adding it (NULL allowed, so existing rows stay as they are).</param>
internal sealed record SyncStateColumn(string Table, string Column, string Alter);
