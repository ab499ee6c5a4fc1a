using System.Globalization;
using Shopiko.Sync.IntegrationTests.Engine;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Testing;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// The import's sale rows against the program's own: a native sale of the Warehouse Open sample store is ordered again
/// in the shop (same goods, quantities, prices, partner, object, operator) and imported; every column of every
/// operation and payment row must be what the program wrote, apart from what differs by nature (IDs, the document
/// number, dates and times, the cost at the time of sale, the note naming the shop order).
/// </summary>
[RequiresMariaDb]
[RequiresSampleDump]
public sealed class SaleRowsConformanceTests
{
    private const int NativeAcct = 2;
    private const int Operator = 11;
    private const string NativeObject = "Shop Belgrade 1";
    private const long NativeObjectId = 18;

    public sealed class Row
    {
        public long OperType { get; set; }
        public long Acct { get; set; }
        public long GoodID { get; set; }
        public long PartnerID { get; set; }
        public long ObjectID { get; set; }
        public long OperatorID { get; set; }
        public double Qtty { get; set; }
        public long Sign { get; set; }
        public double PriceIn { get; set; }
        public double PriceOut { get; set; }
        public double VATIn { get; set; }
        public double VATOut { get; set; }
        public double Discount { get; set; }
        public long CurrencyID { get; set; }
        public double CurrencyRate { get; set; }
        public DateTime Date { get; set; }
        public string Lot { get; set; } = "";
        public long LotID { get; set; }
        public string Note { get; set; } = "";
        public long SrcDocID { get; set; }
        public long UserID { get; set; }
    }

    public sealed class Payment
    {
        public long Acct { get; set; }
        public long OperType { get; set; }
        public long PartnerID { get; set; }
        public long ObjectID { get; set; }
        public double Qtty { get; set; }
        public long Mode { get; set; }
        public long Sign { get; set; }
        public DateTime Date { get; set; }
        public long UserID { get; set; }
        public long Type { get; set; }
        public string TransactionNumber { get; set; } = "";
        public DateTime EndDate { get; set; }
    }

    private const string Rows =
        "SELECT OperType, Acct, GoodID, PartnerID, ObjectID, OperatorID, Qtty, Sign, PriceIn, PriceOut, VATIn, VATOut, Discount, " +
        "CurrencyID, CurrencyRate, Date, Lot, LotID, Note, SrcDocID, UserID FROM operations WHERE OperType = 2 AND Acct = @acct ORDER BY ID";

    private const string Payments =
        "SELECT Acct, OperType, PartnerID, ObjectID, Qtty, Mode, Sign, Date, UserID, Type, TransactionNumber, EndDate FROM payments " +
        "WHERE OperType = 2 AND Acct = @acct ORDER BY ID";

    [StoreFact]
    public async Task An_imported_sale_writes_its_rows_as_the_program_writes_its_own()
    {
        await using var rig = await SyncRig.StartOnSampleStoreAsync(NativeObject, s => s.Import.OperatorId = Operator);
        var nativeRows = await rig.QueryAsync<Row>(Rows, new { acct = NativeAcct });
        nativeRows.Should().OnlyContain(r => r.ObjectID == NativeObjectId);
        var nativePayments = await rig.QueryAsync<Payment>(Payments, new { acct = NativeAcct });
        nativeRows.Should().HaveCountGreaterThan(3, "the sample sale has several lines");
        (await rig.Engine().ExportAsync()).Outcome.Should().NotBe(RunOutcome.Failed);
        var state = rig.Shop.State;
        var partner = nativeRows[0].PartnerID.ToString(CultureInfo.InvariantCulture);
        state.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = state.Customers.Single(c => c.ExternalId == partner).Id,
            Lines = nativeRows.Select(r => new SandboxOrderLineDraft(
                state.Products.Single(p => p.ExternalId == r.GoodID.ToString(CultureInfo.InvariantCulture)).Id, (decimal)r.Qtty)
            {
                UnitPrice = (decimal)r.PriceOut,
            }).ToList(),
            PaymentMethod = PaymentMethods.CashOnDelivery,
            Paid = true,
        });

        var report = await rig.Engine().ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        var acct = long.Parse(report.Import!.Documents.Single()[1..], CultureInfo.InvariantCulture);
        var ours = await rig.QueryAsync<Row>(Rows, new { acct });
        ours.Should().HaveCount(nativeRows.Count);
        var costs = (await rig.QueryAsync<(long Id, double PriceIn)>("SELECT ID, PriceIn FROM goods")).ToDictionary(g => g.Id, g => g.PriceIn);
        for (var i = 0; i < ours.Count; i++)
        {
            var (mine, theirs) = (ours[i], nativeRows[i]);
            var line = $"line {i + 1} (good {theirs.GoodID})";
            mine.Should().BeEquivalentTo(theirs, o => o
                .Excluding(r => r.Acct).Excluding(r => r.Date).Excluding(r => r.Note)
                .Excluding(r => r.PriceIn).Excluding(r => r.VATIn).Excluding(r => r.VATOut), line);
            // VAT per unit unrounded, as the program stores it (the dump prints 15 significant digits).
            mine.VATOut.Should().BeApproximately(theirs.VATOut, 1e-12, line);
            mine.VATOut.Should().BeApproximately(theirs.PriceOut * 20 / 120, 1e-12, line);
            // The cost is the good's cost when sold, today's for ours; VATIn follows it the same way the program's does.
            mine.PriceIn.Should().Be(costs[mine.GoodID], line);
            theirs.VATIn.Should().BeApproximately(theirs.PriceIn * 20 / 120, 1e-12, line);
            mine.VATIn.Should().BeApproximately(mine.PriceIn * 20 / 120, 1e-12, line);
            mine.Date.TimeOfDay.Should().Be(TimeSpan.Zero, "Date holds the date only");
            mine.Note.Should().Contain("Shopiko");
        }

        var ourPayments = await rig.QueryAsync<Payment>(Payments, new { acct });
        ourPayments.Should().BeEquivalentTo(nativePayments, o => o.Excluding(p => p.Acct).Excluding(p => p.Date).Excluding(p => p.EndDate).WithStrictOrdering());
        ourPayments.Should().OnlyContain(p => p.Date == p.EndDate && p.Date.TimeOfDay == TimeSpan.Zero);
    }
}
