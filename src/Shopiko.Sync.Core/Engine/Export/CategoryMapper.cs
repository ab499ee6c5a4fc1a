using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>Turns the goods-group tree into shop categories, keeping parents through the three-letter codes.</summary>
internal static class CategoryMapper
{
    /// <summary>
    /// Maps <paramref name="group"/>; <paramref name="idsByCode"/> holds the groups seen so far (groups are read parents
    /// first), so the parent is found by the group's code minus its last three letters.
    /// </summary>
    public static CategoryUpsert Map(GoodsGroup group, IReadOnlyDictionary<string, int> idsByCode) => new()
    {
        ExternalId = group.Id.ToString(CultureInfo.InvariantCulture),
        ParentExternalId = group.ParentCode is { } parent && idsByCode.TryGetValue(parent, out var parentId)
            ? parentId.ToString(CultureInfo.InvariantCulture)
            : null,
        Name = group.Name,
    };
}
