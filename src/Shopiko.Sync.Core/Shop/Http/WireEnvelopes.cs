using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Shop.Http;

/// <summary>Body of a batch request: <c>{"items": [ … ]}</c>.</summary>
internal sealed record BatchRequest<T>(IReadOnlyList<T> Items);

/// <summary>Body of a batch answer: <c>{"results": [ … ]}</c>.</summary>
internal sealed record BatchResponse(IReadOnlyList<BatchItemResult>? Results);

/// <summary>A page of a list: <c>{"items": [ … ], "nextCursor": "…" | null}</c>.</summary>
internal sealed record Page<T>(IReadOnlyList<T>? Items, string? NextCursor);

/// <summary>Body of <c>POST orders/{id}/ack</c>.</summary>
internal sealed record AckRequest(int Revision, string Document);
