using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Outbound;

public static class OutboundHttpClientExtensions
{
    /// <summary>
    /// A named HttpClient for URLs tenants give: connects only to addresses <see cref="OutboundUrlPolicy"/> allows (pinned,
    /// see <see cref="PinnedConnector"/>), through no proxy, follows no redirect (a 3xx is the answer), and ends within
    /// <c>OutboundRequests:Timeout</c> and <c>OutboundRequests:MaxResponseBytes</c>.
    /// </summary>
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name)
    {
        services.AddOutboundRequests();
        return services.AddHttpClient(name)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<OutboundRequestOptions>>().Value;
                client.Timeout = options.Timeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                // A proxy would make the connection, and resolve the host, out of the policy's sight.
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<PinnedConnector>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddHttpMessageHandler(provider => new ResponseSizeLimitHandler(provider.GetRequiredService<IOptions<OutboundRequestOptions>>().Value.MaxResponseBytes));
    }

    /// <summary>The policy, its resolver and <c>OutboundRequests</c> options (validated at start-up); safe to call more than once.</summary>
    public static IServiceCollection AddOutboundRequests(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(OutboundUrlPolicy)))
        {
            return services;
        }
        services.AddOptions<OutboundRequestOptions>().BindConfiguration(OutboundRequestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboundRequestOptions>, OutboundRequestOptionsValidator>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<OutboundUrlPolicy>();
        services.AddSingleton<PinnedConnector>();
        return services;
    }
}
