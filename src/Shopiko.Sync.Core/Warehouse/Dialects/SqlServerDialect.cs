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

    // The server version comes with the login, so the check costs no round trip (the store opens a connection per operation).
    public override Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        SqlServerVersion.Require(connection.ServerVersion, $"SQL Server '{connection.DataSource}', database '{connection.Database}'");
        return Task.CompletedTask;
    }

    public override string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    // 2,100 per request, two of which sp_executesql takes for the text and the parameter list.
    public override int MaxParametersPerCommand => 2098;

    public override string DefaultTableName(string logical) => PascalNames.GetValueOrDefault(logical, logical);

    public override bool UpsertsLinkRows => true;

    protected internal override WarehouseStatements CreateStatements(TableNames tables) => new SqlServerStatements(this, tables);

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

    // max_length is in bytes (-1 = MAX); nvarchar holds UTF-16, varchar the code page of its collation. The base type
    // comes from sys.types by system_type_id so that an alias type still reads as what it is.
    private const string SelectColumnLimits =
        "SELECT t.name AS TableName, c.name AS ColumnName, ty.name AS TypeName, CAST(c.max_length AS int) AS MaxLength, " +
        "CAST(COLLATIONPROPERTY(c.collation_name, 'CodePage') AS int) AS CodePage " +
        "FROM sys.columns c JOIN sys.tables t ON t.object_id = c.object_id JOIN sys.types ty ON ty.user_type_id = c.system_type_id " +
        "WHERE t.schema_id = SCHEMA_ID() AND c.collation_name IS NOT NULL";

    public override async Task<IReadOnlyList<Fitting.ColumnLimitRow>> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string TableName, string ColumnName, string TypeName, int MaxLength, int? CodePage)>(
            new CommandDefinition(SelectColumnLimits, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new Fitting.ColumnLimitRow(r.TableName, r.ColumnName, Fitting.ColumnLimit.FromSqlServer(r.TypeName, r.MaxLength, r.CodePage))).ToList();
    }

    // Errors that would fail every record: the network, the login, the database, a deadlock or lock timeout after retries.
    private static readonly HashSet<int> ConnectionErrors =
    [
        -2, -1, 2, 53, 64, 121, 233, 1205, 1222, 3906, 4060, 10053, 10054, 10060, 10061, 18452, 18456, 40197, 40501, 40613, 49918, 49919, 49920,
    ];

    // Invalid object or column, permission denied, syntax.
    private static readonly HashSet<int> SchemaErrors = [102, 207, 208, 229, 230, 262, 297, 300, 4902];

    public override WarehouseErrorKind Classify(Exception exception)
    {
        if (exception is not SqlException e)
        {
            return base.Classify(exception);
        }

        // Severity 20 and above ends the connection.
        if (e.Class >= 20 || ConnectionErrors.Contains(e.Number))
        {
            return WarehouseErrorKind.Connection;
        }

        return SchemaErrors.Contains(e.Number) ? WarehouseErrorKind.Schema : WarehouseErrorKind.Data;
    }

    public override IReadOnlyList<SyncStateColumn> SyncStateUpgrades { get; } =
    [
        new(SyncStateTables.Orders, "Fingerprint", "ALTER TABLE [shopikosync_orders] ADD [Fingerprint] nvarchar(64) NULL"),
    ];

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
          [Fingerprint] nvarchar(64) NULL,
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
