using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Outbound;

/// <summary>Section <c>OutboundRequests</c>: limits on every request the platform sends to a URL a tenant gave.</summary>
public sealed class OutboundRequestOptions
{
    public const string Section = "OutboundRequests";

    /// <summary><c>host[:port]</c> entries that may be loopback or private (local testing, an in-house receiver).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Ports besides the scheme's default that any public host may use.</summary>
    public List<int> AllowedPorts { get; set; } = [];

    /// <summary>Longest a whole request may take, from resolving the host to the last byte of the answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest a host name lookup may take while a URL is checked.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest answer body read; a larger one fails the request.</summary>
    public long MaxResponseBytes { get; set; } = 1024 * 1024;

    internal IReadOnlyList<AllowedHost> ParsedAllowedHosts() =>
        [.. AllowedHosts.Select(entry => AllowedHost.TryParse(entry, out var allowed) ? allowed : throw new InvalidOperationException(
            $"{Section}:{nameof(AllowedHosts)} entry '{entry}' is not host[:port]."))];
}

/// <summary>Start-up validation of <see cref="OutboundRequestOptions"/>, naming the setting at fault.</summary>
internal sealed class OutboundRequestOptionsValidator : IValidateOptions<OutboundRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundRequestOptions options)
    {
        var failures = new List<string>();
        const string prefix = OutboundRequestOptions.Section + ":";
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            if (!AllowedHost.TryParse(options.AllowedHosts[i], out _))
            {
                failures.Add($"{prefix}{nameof(options.AllowedHosts)}:{i} '{options.AllowedHosts[i]}' is not host[:port].");
            }
        }
        for (var i = 0; i < options.AllowedPorts.Count; i++)
        {
            if (options.AllowedPorts[i] is < 1 or > 65535)
            {
                failures.Add($"{prefix}{nameof(options.AllowedPorts)}:{i} must be a port from 1 to 65535.");
            }
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(options.Timeout)} must be positive.");
        }
        if (options.ResolveTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(options.ResolveTimeout)} must be positive.");
        }
        if (options.MaxResponseBytes is <= 0 or > int.MaxValue)
        {
            failures.Add($"{prefix}{nameof(options.MaxResponseBytes)} must be from 1 to {int.MaxValue} (what HttpClient can buffer).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
