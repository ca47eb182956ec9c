using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Billing.Data;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;

namespace Platform.Billing.Features.Shared;

/// <summary>Short units of work around the tenant's billing row, for the endpoints that call Stripe in between.</summary>
internal static class BillingAccounts
{
    public static Task<TenantBilling?> FindAsync(this IServiceScopeFactory scopes, Guid tenantId, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, services => services.GetRequiredService<BillingDbContext>().Accounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TenantId == tenantId, cancellationToken), cancellationToken);

    /// <summary>Billing needs Stripe; without a secret key the paid plans cannot be bought.</summary>
    public static void RequireStripe(StripeOptions options)
    {
        if (!options.IsConfigured)
        {
            throw new ProblemException(503, "Billing unavailable", "Payments are not configured on this installation (Billing:Stripe:SecretKey).");
        }
    }
}
