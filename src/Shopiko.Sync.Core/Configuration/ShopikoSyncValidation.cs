namespace Shopiko.Sync.Configuration;

/// <summary>
/// Per-server validation: every configured server gets a <see cref="ServerValidation"/>, valid or with its reasons and
/// their setting paths. One bad server never stops the others: hosts list it, refuse to run it, and run the rest.
/// </summary>
public static class ShopikoSyncValidation
{
    /// <summary>The verdict on every configured server, in configuration order.</summary>
    public static IReadOnlyList<ServerValidation> ValidateServers(this ShopikoSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Enumerable.Range(0, options.Servers.Count).Select(options.ValidateServer)];
    }

    /// <summary>The verdict on server <paramref name="index"/>: what was unreadable, what is invalid, what is missing.</summary>
    public static ServerValidation ValidateServer(this ShopikoSyncOptions options, int index)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, options.Servers.Count);
        var server = options.Servers[index];
        var path = ShopikoSyncOptionsValidator.SettingsPath(server, index);
        if (server is null)
        {
            return new ServerValidation(index, "", path, [new SettingProblem(path, $"{path} is empty.")]);
        }

        var problems = new List<SettingProblem>(server.BindingProblems);
        var unreadable = server.BindingProblems.Select(p => p.Setting).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = server.Name?.Trim() ?? "";
        if (name.Length > 0 && options.Servers.Take(index).Any(s => s is not null && string.Equals(s.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new SettingProblem($"{path}:Name", $"{path}:Name: another server is already named '{server.Name}'; names must be unique."));
        }

        // A value that could not be read is already reported; its default must not be reported a second time as missing.
        problems.AddRange(ShopikoSyncOptionsValidator.ValidateComplete(server, index)
            .Where(p => !unreadable.Contains(p.Setting))
            .Select(p => new SettingProblem(p.Setting, p.Message)));
        return new ServerValidation(index, server.Name ?? "", path, problems);
    }
}
