namespace Shopiko.Sync.Engine;

/// <summary>
/// Runs a handful of different tasks of one step side by side (readers, comparers, senders, the link writer) with the
/// framework's rules of one failure: <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
/// cancels the token every stage gets at the first failure, waits for all of them to end (so no reader is left open
/// behind it), and throws that first failure; what the others ended with after it is no news.
/// </summary>
internal static class Stages
{
    /// <summary>Runs every stage at once (each on a pool thread); the first failure cancels the rest and is the one thrown.</summary>
    public static Task RunAsync(IReadOnlyCollection<Func<CancellationToken, Task>> stages, CancellationToken ct) =>
        stages.Count == 0
            ? Task.CompletedTask
            : Parallel.ForEachAsync(
                stages,
                new ParallelOptions { MaxDegreeOfParallelism = stages.Count, CancellationToken = ct },
                async (stage, token) => await stage(token).ConfigureAwait(false));
}
