namespace Platform.Webhooks.Data;

/// <summary>What one attempt got: the receiver's status (none when it never answered), how long it took, and why it failed.</summary>
/// <param name="Refused">The outbound guard refused the address: trying again would be refused again.</param>
internal sealed record AttemptOutcome(int? StatusCode, TimeSpan Latency, string? ResponseExcerpt, string? Error, bool Refused = false)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
