using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox.State;

// Mutable records of the shop, only touched under SandboxState's lock. Public properties so the state file can hold them.

internal sealed class CategoryEntry
{
    public string Id { get; set; } = "";
    public long Seq { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>Parent set in the shop's admin (a shop id).</summary>
    public string? ParentId { get; set; }
    /// <summary>Parent sent by the warehouse; resolved when read, so a batch may name a parent sent later.</summary>
    public string? ParentExternalId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ProductEntry
{
    public string Id { get; set; } = "";
    public long Seq { get; set; }
    public string? ExternalId { get; set; }
    public string Sku { get; set; } = "";
    public string? Barcode { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Unit { get; set; } = "бр.";
    public decimal Price { get; set; }
    public decimal VatRate { get; set; }
    public string? CategoryId { get; set; }
    public string? CategoryExternalId { get; set; }
    public bool Active { get; set; } = true;
    public decimal? Stock { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CustomerEntry
{
    public string Id { get; set; } = "";
    public long Seq { get; set; }
    public string? ExternalId { get; set; }
    public string Type { get; set; } = CustomerTypes.Person;
    public string Name { get; set; } = "";
    public string? ContactPerson { get; set; }
    public string? Eik { get; set; }
    public string? VatNumber { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ShopCustomer ToContract(bool withUpdatedAt) => new()
    {
        Id = Id,
        ExternalId = ExternalId,
        Type = Type,
        Name = Name,
        ContactPerson = ContactPerson,
        Eik = Eik,
        VatNumber = VatNumber,
        Email = Email,
        Phone = Phone,
        City = City,
        Address = Address,
        UpdatedAt = withUpdatedAt ? UpdatedAt : null,
    };
}

internal sealed class OrderEntry
{
    public long Seq { get; set; }
    /// <summary>As placed (links of the customer and products are filled in when read).</summary>
    public ShopOrder Order { get; set; } = new() { Id = "" };
}

/// <summary>Everything the state file holds.</summary>
internal sealed class SandboxSnapshot
{
    public string ApiId { get; set; } = "";
    public string Key { get; set; } = "";
    public bool AddonActive { get; set; } = true;
    public long NextSeq { get; set; } = 1;
    public List<CategoryEntry> Categories { get; set; } = [];
    public List<ProductEntry> Products { get; set; } = [];
    public List<CustomerEntry> Customers { get; set; } = [];
    public List<OrderEntry> Orders { get; set; } = [];
    public List<SandboxAck> Acks { get; set; } = [];
}
