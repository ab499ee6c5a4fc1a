using Spectre.Console;

namespace Shopiko.Sync.Console.Output;

/// <summary>
/// Where human output goes. Tables and progress bars (Spectre.Console) only when stdout is a terminal; plain lines
/// otherwise, so logs, pipes and the tests read stable text.
/// </summary>
internal sealed class Terminal
{
    private Terminal(bool rich)
    {
        Rich = rich;
        Ansi = AnsiConsole.Console;
    }

    /// <summary>The process's terminal, detected.</summary>
    public static Terminal Detect() =>
        new(!System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive);

    /// <summary>True when tables and progress bars are drawn.</summary>
    public bool Rich { get; }

    /// <summary>The Spectre console (only when <see cref="Rich"/>).</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>A plain line on stdout.</summary>
    public void Line(string text = "")
    {
        if (Rich)
        {
            Ansi.WriteLine(text);
        }
        else
        {
            System.Console.Out.WriteLine(text);
        }
    }

    /// <summary>A heading: a rule on a terminal, a plain line otherwise.</summary>
    public void Heading(string text)
    {
        if (Rich)
        {
            Ansi.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());
        }
        else
        {
            System.Console.Out.WriteLine();
            System.Console.Out.WriteLine("== " + text);
        }
    }

    /// <summary>A table: drawn on a terminal, tab-free aligned columns otherwise.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        var all = rows.ToList();
        if (Rich)
        {
            var table = new Table().RoundedBorder();
            if (title is not null)
            {
                table.Title = new TableTitle(Markup.Escape(title));
            }

            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn($"[bold]{Markup.Escape(header)}[/]"));
            }

            foreach (var row in all)
            {
                table.AddRow([.. row.Select(c => Markup.Escape(c))]);
            }

            Ansi.Write(table);
            return;
        }

        if (title is not null)
        {
            System.Console.Out.WriteLine(title);
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        System.Console.Out.WriteLine("  " + string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in all)
        {
            System.Console.Out.WriteLine("  " + string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }

    /// <summary>The one-line reason of a failure, on stderr.</summary>
    public static void Error(string text) => System.Console.Error.WriteLine("shopiko-sync: " + text);
}
