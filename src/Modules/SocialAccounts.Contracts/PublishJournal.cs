namespace Platform.SocialAccounts.Contracts;

/// <summary>
/// The platform ids a multi-step publish obtained so far (a media container, an upload session, a publish id), kept
/// across attempts so that a later attempt continues from the last step the platform took rather than creating the
/// object again. A client records each id as soon as it has it and before its next request leaves; the caller stores
/// it durably. Names are the client's own; to the caller they are opaque.
/// </summary>
public sealed class PublishJournal
{
    private readonly Dictionary<string, string> steps;
    private readonly Func<string, string, CancellationToken, Task> store;

    /// <param name="known">Steps recorded by earlier attempts of the same post on the same account.</param>
    /// <param name="store">Makes one newly recorded step durable; it completes before the client's next request leaves.</param>
    public PublishJournal(IReadOnlyDictionary<string, string> known, Func<string, string, CancellationToken, Task> store)
    {
        steps = new Dictionary<string, string>(known, StringComparer.Ordinal);
        this.store = store;
    }

    /// <summary>A journal kept only in memory: what one call records is seen by later calls given the same instance.</summary>
    public PublishJournal()
        : this(new Dictionary<string, string>(), (_, _, _) => Task.CompletedTask)
    {
    }

    /// <summary>Everything recorded so far, earlier attempts' steps included.</summary>
    public IReadOnlyDictionary<string, string> Steps => steps;

    public string? Find(string step) => steps.GetValueOrDefault(step);

    /// <summary>Records <paramref name="value"/> for <paramref name="step"/> (replacing an earlier one) and waits until it is stored.</summary>
    public async Task RecordAsync(string step, string value, CancellationToken cancellationToken)
    {
        await store(step, value, cancellationToken);
        steps[step] = value;
    }
}
