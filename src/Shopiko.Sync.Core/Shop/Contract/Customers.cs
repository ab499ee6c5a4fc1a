namespace Shopiko.Sync.Shop.Contract;

/// <summary>Customer types on the wire.</summary>
public static class CustomerTypes
{
    /// <summary>A company.</summary>
    public const string Company = "company";
    /// <summary>A natural person.</summary>
    public const string Person = "person";
}

/// <summary>An item of <c>PUT customers/batch</c>.</summary>
public sealed record CustomerUpsert
{
    /// <summary>The warehouse partner ID.</summary>
    public required string ExternalId { get; init; }
    /// <summary><c>company</c> or <c>person</c>.</summary>
    public required string Type { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Contact person.</summary>
    public string? ContactPerson { get; init; }
    /// <summary>EIK (Bulstat).</summary>
    public string? Eik { get; init; }
    /// <summary>VAT number.</summary>
    public string? VatNumber { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>Phone.</summary>
    public string? Phone { get; init; }
    /// <summary>City.</summary>
    public string? City { get; init; }
    /// <summary>Address.</summary>
    public string? Address { get; init; }
}

/// <summary>An item of <c>GET customers</c>, and the customer of an order.</summary>
public sealed record ShopCustomer
{
    /// <summary>Shop id.</summary>
    public required string Id { get; init; }
    /// <summary>Warehouse id when linked.</summary>
    public string? ExternalId { get; init; }
    /// <summary><c>company</c> or <c>person</c>.</summary>
    public string Type { get; init; } = CustomerTypes.Person;
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Contact person.</summary>
    public string? ContactPerson { get; init; }
    /// <summary>EIK.</summary>
    public string? Eik { get; init; }
    /// <summary>VAT number.</summary>
    public string? VatNumber { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>Phone.</summary>
    public string? Phone { get; init; }
    /// <summary>City.</summary>
    public string? City { get; init; }
    /// <summary>Address.</summary>
    public string? Address { get; init; }
    /// <summary>Last change (absent on an order's customer).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
