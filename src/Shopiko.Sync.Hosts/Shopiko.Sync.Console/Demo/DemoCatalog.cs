using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Console.Demo;

/// <summary>The sample shop of the demo: a small Bulgarian coffee and tea merchant.</summary>
internal static class DemoCatalog
{
    /// <summary>The object the demo's stock lives in and its orders are written to.</summary>
    public const string ObjectName = "Централен Склад";

    public sealed record SampleGood(string Group, string Code, string Barcode, string Name, decimal PriceIn, decimal Price, decimal Stock);

    public static IReadOnlyList<(string Name, string? Parent)> Groups { get; } =
    [
        ("Кафе", null),
        ("Кафе на зърна", "Кафе"),
        ("Чай", null),
        ("Аксесоари", null),
    ];

    public static IReadOnlyList<SampleGood> Goods { get; } =
    [
        new("Кафе на зърна", "1001", "3800000010011", "Кафе Арабика 1 кг", 14.20m, 24.90m, 40m),
        new("Кафе на зърна", "1002", "3800000010028", "Кафе Робуста 1 кг", 11.10m, 19.50m, 25m),
        new("Кафе", "1003", "3800000010035", "Мляно кафе 250 г", 3.05m, 5.49m, 120m),
        new("Чай", "2001", "3800000020010", "Зелен чай 100 г", 2.40m, 4.20m, 60m),
        new("Чай", "2002", "3800000020027", "Билков чай Мурсалски 50 г", 1.95m, 3.80m, 35m),
        new("Аксесоари", "3001", "3800000030019", "Френска преса 1 л", 12.00m, 22.00m, 8m),
    ];

    public static IReadOnlyList<NewPartner> Partners { get; } =
    [
        new() { Code = "P001", Company = "Кафене Оазис ЕООД", Mol = "Мария Петрова", City = "Пловдив", Address = "ул. Гладстон 12", Phone = "+359 32 600 100", Email = "office@oazis.example", Bulstat = "205123456", TaxNo = "BG205123456", Type = 2 },
        new() { Code = "P002", Company = "Иван Георгиев", City = "София", Address = "бул. Витоша 45", Phone = "+359 888 123 456", Email = "ivan.georgiev@example.com", Type = 2 },
    ];
}
