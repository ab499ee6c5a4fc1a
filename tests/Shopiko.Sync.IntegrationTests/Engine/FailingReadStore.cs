using System.Reflection;
using System.Runtime.CompilerServices;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// A store whose chosen streaming read (<see cref="Read"/>: a method name of <see cref="IWarehouseStore"/>) yields
/// <see cref="After"/> rows and then fails as a broken connection would; every other member goes to the real store.
/// </summary>
public class FailingReadStore : DispatchProxy
{
    private IWarehouseStore _inner = null!;

    public string Read { get; private set; } = "";

    public int After { get; private set; }

    public static IWarehouseStore Wrap(IWarehouseStore inner, string read, int after = 0)
    {
        var proxy = Create<IWarehouseStore, FailingReadStore>();
        var failing = (FailingReadStore)(object)proxy;
        failing._inner = inner;
        failing.Read = read;
        failing.After = after;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(_inner, args);
        if (targetMethod.Name != Read)
        {
            return result;
        }

        var rowType = targetMethod.ReturnType.GetGenericArguments()[0];
        return typeof(FailingReadStore).GetMethod(nameof(FailAfter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(rowType).Invoke(null, [result, After, Read, CancellationToken.None]);
    }

    private static async IAsyncEnumerable<T> FailAfter<T>(IAsyncEnumerable<T> rows, int after, string read, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (count++ == after)
            {
                break;
            }

            yield return row;
        }

        throw new WarehouseConnectionException($"The connection broke during {read} (injected).");
    }
}
