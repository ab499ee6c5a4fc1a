using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shopiko.Sync.Console.Composition;

/// <summary>
/// Turns "Failed to load configuration from file '…'" into where the file is broken: its path, line and column (in
/// characters, as an editor counts them, not the parser's bytes) and what the parser expected there.
/// </summary>
internal static partial class ConfigurationFileError
{
    [GeneratedRegex("'(?<file>[^']+)'")]
    private static partial Regex QuotedFile();

    public static string? Describe(InvalidDataException e)
    {
        var json = Inner<JsonException>(e);
        var file = QuotedFile().Match(e.Message) is { Success: true } m ? m.Groups["file"].Value : null;
        if (json is null || file is null)
        {
            return null;
        }

        var reason = json.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal) is >= 0 and var p ? p : reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        var line = (json.LineNumber ?? 0) + 1;
        var column = Column(file, json.LineNumber ?? 0, json.BytePositionInLine ?? 0);
        return $"The settings file {file} is not valid JSON at line {line}, column {column}: {reason.TrimEnd('.')}.";
    }

    private static T? Inner<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static long Column(string file, long lineIndex, long bytePosition)
    {
        try
        {
            var lines = File.ReadAllLines(file);
            if (lineIndex >= lines.Length)
            {
                return bytePosition + 1;
            }

            var bytes = Encoding.UTF8.GetBytes(lines[lineIndex]);
            return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
        }
        catch (IOException)
        {
            return bytePosition + 1;
        }
    }
}
