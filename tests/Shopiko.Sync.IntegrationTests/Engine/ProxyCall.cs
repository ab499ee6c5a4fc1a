using System.Reflection;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>What the test proxies (<see cref="DispatchProxy"/>) share: a call passed on to the wrapped object.</summary>
internal static class ProxyCall
{
    /// <summary>Calls <paramref name="method"/> on <paramref name="inner"/>, throwing what it throws (not the reflection wrapper).</summary>
    public static object? Forward(MethodInfo method, object?[]? args, object inner)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
