using Microsoft.Extensions.DependencyInjection;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;

namespace Platform.Billing.Tests;

/// <summary>
/// Plan limits are cached on every host: a plan changed by Stripe's webhook on one host is read anew on another host that
/// had cached the old plan, as soon as the webhook has been answered.
/// </summary>
public sealed class PlanAcrossHostsTests : BillingFixture
{
    [Test]
    public async Task A_plan_changed_through_one_host_is_read_anew_on_the_other()
    {
        await using var reading = new PlatformApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = App.Database.AppConnectionString,
            ["ConnectionStrings:Owner"] = App.Database.OwnerConnectionString,
            ["Redis:InstanceName"] = App.Database.Name + ":",
            ["Hangfire:ServerEnabled"] = "false",
            ["Outbox:ProcessorEnabled"] = "false",
        });
        var owner = await App.RegisterAsync();
        (await PlanOnAsync(reading, owner.TenantId)).Plan.ShouldBe("free");
        (await PlanOnAsync(reading, owner.TenantId)).Plan.ShouldBe("free");

        var change = await App.SubscribeAsync(owner, "pro");

        App.Stripe.Webhooks.Deliveries.Where(d => change.EventIds.Contains(d.EventId)).ShouldAllBe(d => d.Status == 200);
        var limits = await PlanOnAsync(reading, owner.TenantId);
        limits.Plan.ShouldBe("pro");
        limits.ConnectedAccounts.ShouldBe(10);
    }

    private static async Task<PlanLimits> PlanOnAsync(PlatformApp host, Guid tenantId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.UseTenantAsync(tenantId);
        await session.BeginReadOnlyAsync();
        return await scope.ServiceProvider.GetRequiredService<ITenantPlanLimits>().GetAsync(CancellationToken.None);
    }
}
