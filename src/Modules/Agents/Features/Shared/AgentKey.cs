using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Agents.Features.Shared;

/// <summary>The API key an agent called with: its tenant, and the user who created it, on whose behalf it acts.</summary>
internal sealed record AgentKey(Guid TenantId, Guid KeyId, Guid UserId)
{
    /// <summary>The endpoint admits API keys alone (<see cref="Policies.ApiKey"/>), so each of these claims is there.</summary>
    public static AgentKey Of(ClaimsPrincipal caller) => new(
        caller.TenantId() ?? throw new InvalidOperationException("The caller has no tenant."),
        caller.ApiKeyId() ?? throw new InvalidOperationException("The caller is not an API key."),
        caller.RequiredUserId());

    /// <summary>Sets the key's tenant and user on the scope's tenant context, as authentication does for a request.</summary>
    public IServiceProvider Enter(IServiceProvider services)
    {
        services.GetRequiredService<TenantContext>().Set(TenantId, UserId);
        return services;
    }
}
