namespace Platform.Webhooks.Tests;

/// <summary>Row-level security on the webhook tables, through the app role the host connects as.</summary>
public sealed class WebhookTablesIsolationTests
{
    private PlatformApp app = null!;
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();
    private readonly Guid subscriptionId = Guid.NewGuid();
    private readonly Guid deliveryId = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp();
        _ = app.Services; // the host migrates on start
        await app.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO webhooks.subscriptions (id, tenant_id, url, event_types, active, secret_salt, created_at, updated_at)
            VALUES ($1, $2, 'https://93.184.215.14/hooks', ARRAY['post.published'], true, 'salt', now(), now())
            """, subscriptionId, tenantA);
        await app.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO webhooks.deliveries (id, tenant_id, subscription_id, event_id, event_type, body, status, attempts_made, attempt_limit, created_at, updated_at)
            VALUES ($1, $2, $3, gen_random_uuid(), 'ping', '{}', 'Succeeded', 1, 8, now(), now())
            """, deliveryId, tenantA, subscriptionId);
        await app.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO webhooks.delivery_attempts (delivery_id, attempt, tenant_id, attempted_at, status_code, latency_ms)
            VALUES ($1, 1, $2, now(), 204, 12)
            """, deliveryId, tenantA);
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [TestCase("webhooks.subscriptions")]
    [TestCase("webhooks.deliveries")]
    [TestCase("webhooks.delivery_attempts")]
    public Task Another_tenant_sees_no_rows_and_cannot_change_them(string table) =>
        TenantIsolation.AssertIsolatedAsync(app.Database, table, tenantA, tenantB);

    [Test]
    public Task Writing_a_subscription_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB, """
            INSERT INTO webhooks.subscriptions (id, tenant_id, url, event_types, active, secret_salt, created_at, updated_at)
            VALUES (gen_random_uuid(), $1, 'https://93.184.215.14/hooks', ARRAY['post.published'], true, 'salt', now(), now())
            """, tenantA);
}
