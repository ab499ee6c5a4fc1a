using System.CommandLine;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Console.CommandLine;

/// <summary>
/// Tokens the parser does not know become configuration overrides, but only when they name a configuration path
/// (<c>--ShopikoSync:Servers:0:Name=Shop</c> or <c>--ShopikoSync:Servers:0:Name Shop</c>): a mistyped flag such as
/// <c>--dryrun</c> must fail, not silently run for real.
/// </summary>
internal static class ConfigurationOverrides
{
    /// <summary>Marks <paramref name="command"/> as accepting overrides.</summary>
    public static T AcceptOverrides<T>(this T command)
        where T : Command
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>The overrides of a parse, validated.</summary>
    /// <exception cref="ShopikoConfigurationException">A token is not a configuration path.</exception>
    public static IReadOnlyList<string> Of(ParseResult result)
    {
        var tokens = result.UnmatchedTokens;
        var expectValue = false;
        foreach (var token in tokens)
        {
            var isKey = token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/');
            if (isKey)
            {
                var key = token.TrimStart('-', '/').Split('=', 2)[0];
                if (!key.Contains(':', StringComparison.Ordinal))
                {
                    throw new ShopikoConfigurationException(
                        $"Unknown option '{token}'. Run with --help for the options; settings are overridden as --Section:Key=value.", token);
                }

                expectValue = !token.Contains('=', StringComparison.Ordinal);
            }
            else if (expectValue)
            {
                expectValue = false;
            }
            else
            {
                throw new ShopikoConfigurationException($"Unexpected argument '{token}'. Run with --help for the usage.", token);
            }
        }

        return tokens;
    }
}
