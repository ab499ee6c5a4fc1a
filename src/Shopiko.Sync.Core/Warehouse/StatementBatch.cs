using System.Data.Common;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse;

/// <summary>
/// Writes of one transaction that depend on nothing read after them, sent together: one command holding every
/// statement where the engine takes several per command (parameters renamed <c>@Name_i</c>), else one after another
/// (Access). A document's stock updates, lines, payments and order record cost one round trip instead of twenty.
/// </summary>
internal sealed partial class StatementBatch(WarehouseDialect dialect)
{
    private readonly List<(string Sql, Func<object> Parameters)> _statements = [];

    /// <summary>Adds a statement; its parameters are taken when the batch is sent.</summary>
    public void Add(string sql, Func<object> parameters) => _statements.Add((sql, parameters));

    /// <summary>Sends every statement added, in order, inside <paramref name="transaction"/>.</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, int commandTimeout, CancellationToken cancellationToken)
    {
        if (_statements.Count == 0)
        {
            return;
        }

        if (!dialect.CombinesWrites || _statements.Count == 1)
        {
            foreach (var (sql, parameters) in _statements)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, parameters(), transaction, commandTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            _statements.Clear();
            return;
        }

        var text = new StringBuilder();
        var all = new DynamicParameters();
        for (var i = 0; i < _statements.Count; i++)
        {
            var (sql, parameters) = _statements[i];
            var suffix = "_" + i;
            text.Append(ParameterToken().Replace(sql, m => m.Value + suffix)).Append(";\n");
            var values = parameters();
            foreach (var property in values.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                all.Add(property.Name + suffix, property.GetValue(values));
            }
        }

        _statements.Clear();
        await connection.ExecuteAsync(new CommandDefinition(text.ToString(), all, transaction, commandTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    // "@Name" tokens (never "@@IDENTITY": these statements hold none).
    [GeneratedRegex(@"(?<!@)@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterToken();
}
