using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.SharedKernel.Security;

/// <summary>
/// Declares which API-key scope an endpoint needs. User tokens are unaffected (their role decides); a key lacking the scope
/// is answered 403 naming it. The scope declared last wins, so an endpoint can narrow its group's default.
/// </summary>
public static class ScopeEndpointExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScope scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    /// <summary>
    /// A group default by method: GET and HEAD need <paramref name="read"/>, other methods <paramref name="write"/>; with no
    /// <paramref name="write"/> they refuse keys.
    /// </summary>
    public static RouteGroupBuilder RequireScopes(this RouteGroupBuilder group, ApiScope read, ApiScope? write)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
            var reads = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
            if ((reads ? read : write) is { } scope)
            {
                endpoint.Metadata.Add(new RequiredScope(scope));
            }
        });
        return group;
    }
}
