using System.Net;

namespace Platform.Host.Telemetry;

/// <summary>
/// Section <c>Telemetry:Metrics</c>: who may read <c>/metrics</c>. With nothing set, only the host itself (loopback)
/// may; a scraper elsewhere is let in by its address, by a shared bearer secret, or (both set) by both together.
/// </summary>
internal sealed class MetricsEndpointOptions
{
    /// <summary>Shortest bearer secret accepted: a guessable one would open the endpoint to anybody.</summary>
    public const int MinimumSecretLength = 24;

    /// <summary>Client addresses or networks (CIDR) allowed, such as <c>10.0.0.7</c> or <c>10.0.0.0/8</c>; empty: loopback alone, unless a secret is set.</summary>
    public string[] AllowedAddresses { get; set; } = [];

    /// <summary>When set, every scrape must send <c>Authorization: Bearer &lt;secret&gt;</c> (Prometheus' <c>authorization</c> setting).</summary>
    public string? BearerSecret { get; set; }

    public IEnumerable<string> Problems()
    {
        foreach (var address in AllowedAddresses.Where(a => !IPAddress.TryParse(a, out _) && !IPNetwork.TryParse(a, out _)))
        {
            yield return $"{TelemetryOptions.Section}:Metrics:AllowedAddresses has '{address}', which is neither an IP address nor a network in CIDR notation (such as 10.0.0.0/8).";
        }
        if (BearerSecret is { } secret && secret.Length < MinimumSecretLength)
        {
            yield return $"{TelemetryOptions.Section}:Metrics:BearerSecret must be at least {MinimumSecretLength} characters (Telemetry__Metrics__BearerSecret).";
        }
    }
}
