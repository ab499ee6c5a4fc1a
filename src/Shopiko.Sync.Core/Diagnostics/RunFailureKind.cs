using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Engine.Matching;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Diagnostics;

/// <summary>Why a run failed, as far as monitoring needs to know: does a person have to act, or will a later run recover?</summary>
public enum RunFailureKind
{
    /// <summary>The run did not fail.</summary>
    None,

    /// <summary>A setting is wrong (object, provider, schema, the add-on switched off, both sides hold data): a person must act.</summary>
    Configuration,

    /// <summary>The shop refused the credentials (API ID, key, clock): a person must act.</summary>
    Authentication,

    /// <summary>The shop could not be reached or did not answer: a later run may recover.</summary>
    ShopUnavailable,

    /// <summary>The warehouse database could not be reached: a later run may recover.</summary>
    WarehouseUnavailable,

    /// <summary>Anything else (a refusal, a protocol error, bad data).</summary>
    Other,
}

/// <summary>Maps what stopped a run to its <see cref="RunFailureKind"/> and the <c>error.type</c> tag.</summary>
internal static class RunFailures
{
    public static RunFailureKind Classify(Exception? error) => error switch
    {
        null => RunFailureKind.None,
        ShopikoConfigurationException or BothSystemsHaveDataException or NotSupportedException or WarehouseSchemaException => RunFailureKind.Configuration,
        ShopikoApiException { Kind: ShopikoErrorKind.Authentication } => RunFailureKind.Authentication,
        ShopikoApiException { Kind: ShopikoErrorKind.AddonInactive } => RunFailureKind.Configuration,
        ShopikoApiException { Kind: ShopikoErrorKind.Unavailable or ShopikoErrorKind.RateLimited } => RunFailureKind.ShopUnavailable,
        WarehouseConnectionException => RunFailureKind.WarehouseUnavailable,
        _ => RunFailureKind.Other,
    };

    /// <summary>The <c>error.type</c> value: snake case, stable.</summary>
    public static string Tag(RunFailureKind kind) => kind switch
    {
        RunFailureKind.None => "",
        RunFailureKind.Configuration => "configuration",
        RunFailureKind.Authentication => "authentication",
        RunFailureKind.ShopUnavailable => "shop_unavailable",
        RunFailureKind.WarehouseUnavailable => "warehouse_unavailable",
        _ => "other",
    };
}
