using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>MS SQL Server through Microsoft.Data.SqlClient: PascalCase tables in dbo, brackets, nvarchar, SCOPE_IDENTITY.</summary>
internal sealed class SqlServerDialect : WarehouseDialect
{
    private static readonly Dictionary<string, string> PascalNames = new(StringComparer.Ordinal)
    {
        ["configuration"] = "Configuration", ["currencies"] = "Currencies", ["goods"] = "Goods",
        ["goodsgroups"] = "GoodsGroups", ["nextacct"] = "NextAcct", ["objects"] = "Objects", ["operations"] = "Operations",
        ["partners"] = "Partners", ["payments"] = "Payments", ["paymenttypes"] = "PaymentTypes", ["store"] = "Store",
        ["system"] = "System", ["vatgroups"] = "VATGroups", ["partnersgroups"] = "PartnersGroups",
        ["objectsgroups"] = "ObjectsGroups", ["usersgroups"] = "UsersGroups", ["users"] = "Users", ["lots"] = "Lots",
        ["operationtype"] = "OperationType", ["cashbook"] = "CashBook", ["ecrreceipts"] = "ECRReceipts",
    };

    static SqlServerDialect()
    {
        // Dapper sends strings as nvarchar by default; make it explicit so Cyrillic never meets a varchar parameter.
        SqlMapper.AddTypeMap(typeof(string), System.Data.DbType.String);
    }

    public override WarehouseProvider Provider => WarehouseProvider.SqlServer;

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var b = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server '{b.DataSource}', database '{b.InitialCatalog}'";
    }

    public override string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public override string DefaultTableName(string logical) => PascalNames.GetValueOrDefault(logical, logical);

    // UPDLOCK keeps a concurrent writer from reading the same stock rows before we update them; HOLDLOCK covers the range.
    protected override string LockHint => " WITH (UPDLOCK, HOLDLOCK)";

    protected override string LastIdentity => "SELECT CAST(SCOPE_IDENTITY() AS int)";

    // One set-based MERGE per batch; HOLDLOCK closes the gap between the match and the insert for concurrent writers.
    protected override SqlBatch? UpsertLinks(LinkRows rows)
    {
        var (values, parameters) = LinkRowValues(rows, "", "");
        return new SqlBatch(
            $"MERGE [{SyncStateTables.Links}] WITH (HOLDLOCK) AS t USING (VALUES {values}) AS s ([LocalId], [RemoteId], [ContentHash]) " +
            "ON t.[Scope] = @Scope AND t.[Entity] = @Entity AND t.[LocalId] = s.[LocalId] " +
            "WHEN MATCHED THEN UPDATE SET [RemoteId] = s.[RemoteId], [ContentHash] = s.[ContentHash], [UpdatedAt] = @Now " +
            "WHEN NOT MATCHED THEN INSERT ([Scope], [Entity], [LocalId], [RemoteId], [ContentHash], [UpdatedAt]) " +
            "VALUES (@Scope, @Entity, s.[LocalId], s.[RemoteId], s.[ContentHash], @Now);",
            parameters);
    }

    protected override string UpperTrim(string expression) => $"UPPER(LTRIM(RTRIM({expression})))";

    // BINARY_CHECKSUM is case-sensitive (CHECKSUM follows the collation and would miss a name's new capital letter).
    protected override string RowHash(IReadOnlyList<string> columns) => $"CAST(BINARY_CHECKSUM({string.Join(", ", columns)}) AS BIGINT)";

    public override async Task<IReadOnlyList<string>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = SCHEMA_NAME()",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    // 2627 = PRIMARY KEY / UNIQUE constraint, 2601 = unique index.
    public override bool IsDuplicateKey(Exception exception) => exception is SqlException { Number: 2627 or 2601 };

    // 1205 = deadlock victim, 1222 = lock request timeout.
    public override bool IsTransient(Exception exception) => exception is SqlException { Number: 1205 or 1222 };

    // 8152 / 2628 = string or binary data would be truncated.
    public override bool IsValueTooLong(Exception exception) => exception is SqlException { Number: 8152 or 2628 };

    public override IReadOnlyList<string> SyncStateDdl { get; } =
    [
        """
        IF OBJECT_ID(N'shopikosync_links', N'U') IS NULL
        CREATE TABLE [shopikosync_links] (
          [Scope] nvarchar(100) NOT NULL,
          [Entity] nvarchar(20) NOT NULL,
          [LocalId] int NOT NULL,
          [RemoteId] nvarchar(100) NULL,
          [ContentHash] nvarchar(100) NULL,
          [UpdatedAt] datetime2 NULL,
          CONSTRAINT [PK_shopikosync_links] PRIMARY KEY ([Scope], [Entity], [LocalId])
        )
        """,
        """
        IF OBJECT_ID(N'shopikosync_orders', N'U') IS NULL
        CREATE TABLE [shopikosync_orders] (
          [ID] int IDENTITY(1,1) NOT NULL CONSTRAINT [PK_shopikosync_orders] PRIMARY KEY,
          [Scope] nvarchar(100) NOT NULL,
          [OrderId] nvarchar(100) NOT NULL,
          [Revision] int NOT NULL,
          [Status] nvarchar(50) NOT NULL,
          [DocumentNumber] nvarchar(50) NOT NULL,
          [OperType] int NOT NULL,
          [Acct] bigint NOT NULL,
          [ObjectId] int NOT NULL,
          [Acknowledged] int NOT NULL DEFAULT 0,
          [RecordedAt] datetime2 NOT NULL,
          CONSTRAINT [UX_shopikosync_orders_revision] UNIQUE ([Scope], [OrderId], [Revision])
        )
        """,
        """
        IF OBJECT_ID(N'shopikosync_quarantine', N'U') IS NULL
        CREATE TABLE [shopikosync_quarantine] (
          [Scope] nvarchar(100) NOT NULL,
          [Entity] nvarchar(20) NOT NULL,
          [ItemId] nvarchar(100) NOT NULL,
          [Reason] nvarchar(1000) NOT NULL,
          [FirstSeen] datetime2 NOT NULL,
          [LastSeen] datetime2 NOT NULL,
          [Attempts] int NOT NULL DEFAULT 1,
          CONSTRAINT [PK_shopikosync_quarantine] PRIMARY KEY ([Scope], [Entity], [ItemId])
        )
        """,
        """
        IF OBJECT_ID(N'shopikosync_marks', N'U') IS NULL
        CREATE TABLE [shopikosync_marks] (
          [Scope] nvarchar(100) NOT NULL,
          [Name] nvarchar(50) NOT NULL,
          [Value] nvarchar(100) NULL,
          [UpdatedAt] datetime2 NULL,
          CONSTRAINT [PK_shopikosync_marks] PRIMARY KEY ([Scope], [Name])
        )
        """,
    ];
}
