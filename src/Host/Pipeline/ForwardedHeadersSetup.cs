using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto the host believes (section <c>ForwardedHeaders</c>).
/// With none configured the headers are ignored and the connection's peer is the client: anybody could write them.
/// </summary>
internal sealed class TrustedProxiesOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the host, such as <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies in front of the host live in, in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

internal sealed class TrustedProxiesOptionsValidator : IValidateOptions<TrustedProxiesOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxiesOptions options)
    {
        var failures = options.KnownProxies
            .Where(proxy => !IPAddress.TryParse(proxy, out _))
            .Select(proxy => $"{TrustedProxiesOptions.Section}:KnownProxies has '{proxy}', which is not an IP address.")
            .Concat(options.KnownNetworks
                .Where(network => !System.Net.IPNetwork.TryParse(network, out _))
                .Select(network => $"{TrustedProxiesOptions.Section}:KnownNetworks has '{network}', which is not a network in CIDR notation (such as 10.0.0.0/8)."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxiesOptions>().BindConfiguration(TrustedProxiesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxiesOptions>, TrustedProxiesOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Rewrites the client address and scheme from the forwarded headers, walking back through the configured proxies
    /// (see https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer). Adds nothing when no proxy is
    /// configured: the middleware with empty lists would believe every sender.
    /// </summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        var trusted = app.Services.GetRequiredService<IOptions<TrustedProxiesOptions>>().Value;
        if (!trusted.Any)
        {
            return;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // The chain is followed while each hop is a known proxy; the first unknown one is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in trusted.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in trusted.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
        app.UseForwardedHeaders(options);
    }
}
