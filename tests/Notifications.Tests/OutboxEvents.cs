using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.TestKit;

namespace Platform.Notifications.Tests;

/// <summary>Raises an integration event as its module would: written to the outbox in a committed unit of work of its tenant.</summary>
internal static class OutboxEvents
{
    public static Task RaiseAsync<TEvent>(this PlatformApp app, TEvent raised) where TEvent : IntegrationEvent =>
        app.Services.GetRequiredService<IServiceScopeFactory>().RunAsync(raised.TenantId, async services =>
        {
            await services.GetRequiredService<Outbox>().AddAsync([raised], CancellationToken.None);
            return true;
        }, CancellationToken.None);
}
