using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>The oldest SQL Server accepted at connect time, and the document dates smalldatetime holds.</summary>
public sealed class SqlServerVersionTests
{
    [Theory]
    [InlineData("10.00.6000", true)] // 2008
    [InlineData("10.50.6000", true)] // 2008 R2, what old Warehouse Pro installers ship
    [InlineData("11.00.7001", true)] // 2012
    [InlineData("16.00.1000", true)]
    [InlineData("09.00.5000", false)] // 2005
    [InlineData("8.00.2039", false)] // 2000
    [InlineData("", true)] // unreadable: let through, the statements will say more than a guess
    public void Servers_older_than_SQL_Server_2008_are_refused_with_what_to_do(string version, bool accepted)
    {
        var check = () => SqlServerVersion.Require(version, "SQL Server 'shop', database 'wh'");
        if (accepted)
        {
            check.Should().NotThrow();
        }
        else
        {
            check.Should().Throw<WarehouseConnectionException>().Which.Message
                .Should().Contain("SQL Server 'shop', database 'wh'").And.Contain(version).And.Contain("SQL Server 2008 or later");
        }
    }

    [Fact]
    public void The_minimum_is_the_version_whose_parser_checks_the_statements()
    {
        SqlServerVersion.MinimumMajor.Should().Be(10);
        SqlServerScript.Parser().Should().BeOfType<Microsoft.SqlServer.TransactSql.ScriptDom.TSql100Parser>();
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2079-06-06", true)]
    [InlineData("2026-12-01", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2079-06-07", false)]
    [InlineData("0001-01-01", false)]
    public void Document_dates_are_refused_outside_what_smalldatetime_holds(string date, bool accepted)
    {
        var check = () => DocumentDates.Require(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "The document date");
        if (accepted)
        {
            check.Should().NotThrow();
        }
        else
        {
            check.Should().Throw<WarehouseDataException>().Which.Message.Should().Contain(date).And.Contain("Nothing was written");
        }
    }
}
