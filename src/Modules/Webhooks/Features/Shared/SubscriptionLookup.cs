using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Features.Shared;

internal static class SubscriptionLookup
{
    /// <exception cref="ProblemException">404: no subscription of this tenant has that id.</exception>
    public static async Task<Subscription> FindAsync(this WebhooksDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw ProblemException.NotFound("The webhook subscription");
}
