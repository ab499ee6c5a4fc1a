using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse;

/// <summary>
/// Writes of one transaction that depend on nothing read after them, sent together: one command holding every
/// statement where the engine takes several per command (parameters renamed <c>@Name_i</c>), else one after another
/// (SQLite, Access). A document's stock updates, lines, payments and order record cost one round trip instead of ten.
/// </summary>
internal sealed partial class StatementBatch(WarehouseDialect dialect)
{
    // The renamed text of a statement at a position of the batch: the same few statements come back for every document,
    // so each is renamed once per process rather than by a regex per document.
    private static readonly ConcurrentDictionary<(string Sql, int Index), string> Renamed = new();

    private readonly List<(string Sql, Action<BatchParameters> Fill)> _statements = [];

    /// <summary>True when one INSERT may carry several rows (see <see cref="WarehouseDialect.InsertsManyRows"/>).</summary>
    public bool InsertsManyRows => dialect.InsertsManyRows;

    /// <summary>Statements added and not sent yet.</summary>
    public int Count => _statements.Count;

    /// <summary>Adds a statement; <paramref name="fill"/> gives its parameters when the batch is sent (values as they are then).</summary>
    public void Add(string sql, Action<BatchParameters> fill) => _statements.Add((sql, fill));

    /// <summary>Sends every statement added, in order, inside <paramref name="transaction"/>.</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, int commandTimeout, CancellationToken cancellationToken)
    {
        if (_statements.Count == 0)
        {
            return;
        }

        if (!dialect.CombinesWrites || _statements.Count == 1)
        {
            foreach (var (sql, fill) in _statements)
            {
                var parameters = new DynamicParameters();
                fill(new BatchParameters(parameters, ""));
                await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            _statements.Clear();
            return;
        }

        var text = new StringBuilder();
        var all = new DynamicParameters();
        var inCommand = 0;
        for (var i = 0; i < _statements.Count; i++)
        {
            var (sql, fill) = _statements[i];
            var suffix = Suffix(i);
            var own = new DynamicParameters();
            fill(new BatchParameters(own, suffix));
            var count = own.ParameterNames.Count();
            // A command takes at most the engine's parameters (SQL Server's 2,100): a long document goes as several commands.
            if (inCommand > 0 && inCommand + count > dialect.MaxParametersPerCommand)
            {
                await connection.ExecuteAsync(new CommandDefinition(text.ToString(), all, transaction, commandTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
                text.Clear();
                all = new DynamicParameters();
                inCommand = 0;
            }

            text.Append(Renamed.GetOrAdd((sql, i), static key => ParameterToken().Replace(key.Sql, m => m.Value + Suffix(key.Index)))).Append(";\n");
            all.AddDynamicParams(own);
            inCommand += count;
        }

        _statements.Clear();
        await connection.ExecuteAsync(new CommandDefinition(text.ToString(), all, transaction, commandTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static string Suffix(int index) => "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // "@Name" tokens (never "@@IDENTITY": these statements hold none).
    [GeneratedRegex(@"(?<!@)@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterToken();
}

/// <summary>The parameters of one statement of a <see cref="StatementBatch"/>, named as in its SQL text.</summary>
internal readonly struct BatchParameters(DynamicParameters target, string suffix)
{
    /// <summary>Sets the parameter <paramref name="name"/> (without the engine's marker).</summary>
    public void Add(string name, object? value) => target.Add(suffix.Length == 0 ? name : name + suffix, value);
}
