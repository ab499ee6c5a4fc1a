namespace Shopiko.Sync.Shop.Contract;

/// <summary>Per-item outcome statuses of a batch.</summary>
public static class BatchItemStatuses
{
    /// <summary>Created.</summary>
    public const string Created = "created";
    /// <summary>Updated.</summary>
    public const string Updated = "updated";
    /// <summary>Unchanged.</summary>
    public const string Unchanged = "unchanged";
    /// <summary>Failed (see error).</summary>
    public const string Failed = "failed";
}

/// <summary>One result of a batch, in the order of the items sent.</summary>
public sealed record BatchItemResult
{
    /// <summary>The item's externalId.</summary>
    public string ExternalId { get; init; } = "";
    /// <summary>The shop id.</summary>
    public string? Id { get; init; }
    /// <summary><see cref="BatchItemStatuses"/>.</summary>
    public string Status { get; init; } = BatchItemStatuses.Failed;
    /// <summary>Error when failed.</summary>
    public ApiError? Error { get; init; }

    /// <summary>True unless failed.</summary>
    public bool Succeeded => Status != BatchItemStatuses.Failed;
}

/// <summary>An error on the wire.</summary>
/// <param name="Code">Machine code, e.g. <c>not_found</c>.</param>
/// <param name="Message">Human message.</param>
public sealed record ApiError(string Code, string Message);
