namespace Shopiko.Sync.Warehouse.Model;

/// <summary>A row of <c>goodsgroups</c> (or another *groups table): a tree through three-letter code segments.</summary>
/// <param name="Id">The group ID.</param>
/// <param name="Code">The tree code (<c>AAB</c>, <c>AABAAA</c> …); <c>-1</c> for the default group.</param>
/// <param name="Name">The group name.</param>
public sealed record GoodsGroup(int Id, string Code, string Name)
{
    /// <summary>The parent's code, or null for a top-level group (or the default group).</summary>
    public string? ParentCode => Code.Length > 3 && Code != "-1" ? Code[..^3] : null;

    /// <summary>True for the service row (ID 1, code <c>-1</c>).</summary>
    public bool IsDefault => Id == 1 || Code == "-1";
}

/// <summary>A group to create under <paramref name="ParentId"/> (null: top level). The store assigns the next code.</summary>
public sealed record NewGoodsGroup(string Name, int? ParentId = null);
