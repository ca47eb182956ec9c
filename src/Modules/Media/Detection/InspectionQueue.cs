namespace Platform.Media.Detection;

/// <summary>
/// Lets at most a configured number of decodes run at once; the rest wait their turn here, holding nothing else. Decoding
/// an image takes a core for its whole length, so a hundred at once on two cores only make every upload slow and starve
/// the threads the short database work needs.
/// </summary>
internal sealed class InspectionQueue(int maxConcurrent)
{
    private readonly SemaphoreSlim turns = new(maxConcurrent, maxConcurrent);

    public int MaxConcurrent { get; } = maxConcurrent;

    /// <summary>Runs <paramref name="work"/> on a pool thread once a turn is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            turns.Release();
        }
    }
}
