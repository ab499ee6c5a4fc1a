namespace Shopiko.Sync.Warehouse.Model;

/// <summary>A row of <c>partners</c>.</summary>
public sealed record Partner
{
    /// <summary>Partners.ID.</summary>
    public required int Id { get; init; }
    /// <summary>Partners.Code.</summary>
    public string Code { get; init; } = "";
    /// <summary>Partners.Company: company or person name.</summary>
    public required string Company { get; init; }
    /// <summary>Partners.MOL: responsible person.</summary>
    public string Mol { get; init; } = "";
    /// <summary>Partners.City.</summary>
    public string City { get; init; } = "";
    /// <summary>Partners.Address.</summary>
    public string Address { get; init; } = "";
    /// <summary>Partners.Phone.</summary>
    public string Phone { get; init; } = "";
    /// <summary>Partners.eMail.</summary>
    public string Email { get; init; } = "";
    /// <summary>Partners.TaxNo: VAT number.</summary>
    public string TaxNo { get; init; } = "";
    /// <summary>Partners.Bulstat: EIK.</summary>
    public string Bulstat { get; init; } = "";
    /// <summary>Partners.PriceGroup.</summary>
    public int PriceGroup { get; init; } = 1;
    /// <summary>Partners.Discount (percent).</summary>
    public decimal Discount { get; init; }
    /// <summary>Partners.Type.</summary>
    public int Type { get; init; }
    /// <summary>ABS(Partners.GroupID).</summary>
    public int GroupId { get; init; }
    /// <summary>Partners.CardNumber.</summary>
    public string CardNumber { get; init; } = "";
    /// <summary>Partners.Deleted = -1.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>True when the partner looks like a company (has an EIK or a VAT number).</summary>
    public bool IsCompany => Bulstat.Length > 0 || TaxNo.Length > 0;
}

/// <summary>A partner to create.</summary>
public sealed record NewPartner
{
    /// <summary>Code.</summary>
    public string Code { get; init; } = "";
    /// <summary>Company (or person) name.</summary>
    public required string Company { get; init; }
    /// <summary>MOL.</summary>
    public string Mol { get; init; } = "";
    /// <summary>City.</summary>
    public string City { get; init; } = "";
    /// <summary>Address.</summary>
    public string Address { get; init; } = "";
    /// <summary>Phone.</summary>
    public string Phone { get; init; } = "";
    /// <summary>eMail.</summary>
    public string Email { get; init; } = "";
    /// <summary>TaxNo (VAT number).</summary>
    public string TaxNo { get; init; } = "";
    /// <summary>Bulstat (EIK).</summary>
    public string Bulstat { get; init; } = "";
    /// <summary>Partner type (0 universal, 2 client).</summary>
    public int Type { get; init; }
    /// <summary>Group ID (1 = default group).</summary>
    public int GroupId { get; init; } = 1;
}
