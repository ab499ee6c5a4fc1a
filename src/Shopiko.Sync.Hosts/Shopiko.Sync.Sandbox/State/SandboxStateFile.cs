using System.Text.Json;
using Shopiko.Sync.Shop;

namespace Shopiko.Sync.Sandbox.State;

/// <summary>Reads and writes the optional state file, atomically (a crash never leaves half a file).</summary>
internal static class SandboxStateFile
{
    public static SandboxSnapshot? Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SandboxSnapshot>(stream, ShopikoJson.Options)
            ?? throw new InvalidDataException($"The sandbox state file '{path}' is empty.");
    }

    public static void Save(string path, SandboxSnapshot snapshot)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(snapshot, ShopikoJson.Options));
        File.Move(temp, full, overwrite: true);
    }
}
