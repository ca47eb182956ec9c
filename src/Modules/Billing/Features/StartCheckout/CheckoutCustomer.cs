using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Billing.Provider;
using Platform.SharedKernel.Data;

namespace Platform.Billing.Features.StartCheckout;

/// <summary>
/// The tenant's one Stripe customer. Creating it is keyed by the tenant, so racing checkouts get the same customer from
/// Stripe; storing it keeps an id already stored, so the row never holds two.
/// </summary>
internal static class CheckoutCustomer
{
    public static async Task<string> EnsureAsync(IServiceScopeFactory scopes, StripeGateway stripe, Guid tenantId, CancellationToken cancellationToken)
    {
        var created = await stripe.CreateCustomerAsync(tenantId, cancellationToken);
        return await scopes.RunAsync(tenantId, async services =>
        {
            await using var command = await services.GetRequiredService<DbSession>().CreateCommandAsync("""
                INSERT INTO billing.accounts (tenant_id, stripe_customer_id, plan, status, updated_at)
                VALUES ($1, $2, $3, 'none', now())
                ON CONFLICT (tenant_id) DO UPDATE SET stripe_customer_id = COALESCE(billing.accounts.stripe_customer_id, EXCLUDED.stripe_customer_id)
                RETURNING stripe_customer_id
                """, cancellationToken);
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = created });
            command.Parameters.Add(new NpgsqlParameter { Value = BillingOptions.FreePlan });
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);
    }
}
