using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>Turns a warehouse partner into the shop's customer item: EIK = Bulstat, VAT number = TaxNo.</summary>
internal static class CustomerMapper
{
    /// <summary>Maps <paramref name="partner"/>; a partner with an EIK or VAT number is a company.</summary>
    public static CustomerUpsert Map(Partner partner) => new()
    {
        ExternalId = partner.Id.ToString(CultureInfo.InvariantCulture),
        Type = partner.IsCompany ? CustomerTypes.Company : CustomerTypes.Person,
        Name = partner.Company,
        ContactPerson = ProductMapper.NullIfEmpty(partner.Mol),
        Eik = ProductMapper.NullIfEmpty(partner.Bulstat),
        VatNumber = ProductMapper.NullIfEmpty(partner.TaxNo),
        Email = ProductMapper.NullIfEmpty(partner.Email),
        Phone = ProductMapper.NullIfEmpty(partner.Phone),
        City = ProductMapper.NullIfEmpty(partner.City),
        Address = ProductMapper.NullIfEmpty(partner.Address),
    };
}
