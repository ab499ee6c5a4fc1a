using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Import;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Engine;

public class OrderDecisionTests
{
    private const string Booked = "booked";
    private const string Other = "other";

    /// <summary>A recorded revision: <paramref name="operType"/> 2 sale, 19 sales order, 34 the return of a cancellation.</summary>
    private static ImportedOrder Row(int revision, string status, int operType, string? fingerprint = Booked) => new()
    {
        OrderId = "90017", Revision = revision, Status = status, DocumentNumber = $"D{revision}", OperType = operType,
        Acct = revision, ObjectId = 2, Fingerprint = fingerprint,
    };

    private static ShopOrder Order(int revision, string status) => new() { Id = "90017", Number = "100017", Revision = revision, Status = status };

    // The recorded rows go as object[]: ImportedOrder is internal and a theory's signature is public.
    public static TheoryData<string, int, string, object[], string, ImportDocumentType, string?, string, int?, DocumentKind?> Cases => new()
    {
        // case, order revision, order status, recorded, fingerprint now, setting, plan problem → action, booked revision, new kind
        { "new order", 1, "new", [], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.Import), null, DocumentKind.Sale },
        { "new order as sales order", 1, "new", [], Booked, ImportDocumentType.SalesOrder, null, nameof(OrderAction.Import), null, DocumentKind.SalesOrder },
        { "new order the planner refuses", 1, "new", [], Booked, ImportDocumentType.Sale, "no lines", nameof(OrderAction.Quarantine), null, null },
        { "same revision again", 1, "new", [Row(1, "new", 2)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.AlreadyImported), 1, null },
        { "same revision, even if its content now differs", 1, "new", [Row(1, "new", 2)], Other, ImportDocumentType.Sale, null, nameof(OrderAction.AlreadyImported), 1, null },
        { "status change only", 2, "processing", [Row(1, "new", 2)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.StatusOnly), 1, null },
        { "status change of a row without fingerprint", 2, "completed", [Row(1, "new", 2, null)], Other, ImportDocumentType.Sale, null, nameof(OrderAction.StatusOnly), 1, null },
        { "edit of a booked sale", 2, "processing", [Row(1, "new", 2)], Other, ImportDocumentType.Sale, null, nameof(OrderAction.Correct), 1, DocumentKind.Sale },
        { "edit of a booked sales order", 2, "processing", [Row(1, "new", 19)], Other, ImportDocumentType.SalesOrder, null, nameof(OrderAction.Correct), 1, DocumentKind.SalesOrder },
        { "second edit corrects the first correction", 3, "processing", [Row(1, "new", 2, "a"), Row(2, "processing", 2, "b")], Other, ImportDocumentType.Sale, null, nameof(OrderAction.Correct), 2, DocumentKind.Sale },
        { "edit back to the first content", 3, "processing", [Row(1, "new", 2, Booked), Row(2, "processing", 2, "b")], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.Correct), 2, DocumentKind.Sale },
        { "edit the planner refuses", 2, "processing", [Row(1, "new", 2)], Other, ImportDocumentType.Sale, "product not linked", nameof(OrderAction.Quarantine), 1, null },
        { "cancelled before import", 2, "cancelled", [], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.AcknowledgeOnly), null, null },
        { "cancelled after a sale", 2, "cancelled", [Row(1, "new", 2)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.Reverse), 1, null },
        { "cancelled after a sales order", 2, "cancelled", [Row(1, "new", 19)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.Annul), 1, null },
        { "edited then cancelled", 3, "cancelled", [Row(1, "new", 2, "a"), Row(2, "processing", 2, "b")], Other, ImportDocumentType.Sale, null, nameof(OrderAction.Reverse), 2, null },
        { "cancellation seen again at a later revision", 3, "cancelled", [Row(1, "new", 2), Row(2, "cancelled", 34, null)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.StatusOnly), 2, null },
        { "cancelled order edited, still cancelled", 3, "cancelled", [Row(1, "new", 2), Row(2, "cancelled", 34, null)], Other, ImportDocumentType.Sale, null, nameof(OrderAction.StatusOnly), 2, null },
        { "cancelled order edited back to life", 3, "processing", [Row(1, "new", 2), Row(2, "cancelled", 34, null)], Other, ImportDocumentType.Sale, null, nameof(OrderAction.Import), 2, DocumentKind.Sale },
        { "revision older than the booked one", 1, "new", [Row(2, "processing", 2)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.Quarantine), 2, null },
        { "status is compared without case", 2, "CANCELLED", [Row(1, "new", 2)], Booked, ImportDocumentType.Sale, null, nameof(OrderAction.Reverse), 1, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
#pragma warning disable xUnit1026 // the case name documents the row
    public void Decides(string @case, int revision, string status, object[] recordedRows, string fingerprint, ImportDocumentType setting,
        string? planProblem, string expected, int? bookedRevision, DocumentKind? newKind)
#pragma warning restore xUnit1026
    {
        var recorded = recordedRows.Cast<ImportedOrder>().ToArray();
        var action = Enum.Parse<OrderAction>(expected);
        var decision = OrderDecider.Decide(Order(revision, status), recorded, fingerprint, setting, planProblem);

        decision.Action.Should().Be(action);
        if (action == OrderAction.StatusOnly && recorded.Length > 0 && bookedRevision is { } r)
        {
            decision.Booked!.Revision.Should().Be(r);
        }

        if (action is OrderAction.Import or OrderAction.Correct)
        {
            decision.NewKind.Should().Be(newKind);
        }

        if (action is OrderAction.AlreadyImported or OrderAction.StatusOnly or OrderAction.Correct or OrderAction.Reverse or OrderAction.Annul)
        {
            decision.Booked.Should().NotBeNull();
            decision.Booked!.Revision.Should().Be(bookedRevision!.Value);
        }

        if (action == OrderAction.Quarantine)
        {
            decision.Reason.Should().NotBeNullOrWhiteSpace();
            if (planProblem is not null)
            {
                decision.Reason.Should().Contain(planProblem);
            }
        }
    }

    [Fact]
    public void Only_revisions_that_book_something_need_a_plan()
    {
        new OrderDecision(OrderAction.Import).NeedsPlan.Should().BeTrue();
        new OrderDecision(OrderAction.Correct).NeedsPlan.Should().BeTrue();
        Enum.GetValues<OrderAction>().Except([OrderAction.Import, OrderAction.Correct])
            .Should().OnlyContain(a => !new OrderDecision(a, null, null, null).NeedsPlan);
    }
}
