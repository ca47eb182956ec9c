namespace Platform.Billing.Tests;

/// <summary>Row-level security on the billing tables, and the one narrow way across it, through the app role.</summary>
public sealed class BillingTablesIsolationTests : BillingFixture
{
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task AddRows()
    {
        await App.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO billing.accounts (tenant_id, stripe_customer_id, plan, status, updated_at) VALUES ($1, 'cus_tenant_a', 'pro', 'active', now())
            """, tenantA);
        await App.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO billing.processed_events (event_id, tenant_id, event_type, processed_at) VALUES ('evt_tenant_a', $1, 'invoice.paid', now())
            """, tenantA);
    }

    [TestCase("billing.accounts")]
    [TestCase("billing.processed_events")]
    public Task Another_tenant_sees_no_rows_and_cannot_change_them(string table) =>
        TenantIsolation.AssertIsolatedAsync(App.Database, table, tenantA, tenantB);

    [Test]
    public async Task Writing_a_row_for_another_tenant_is_rejected()
    {
        await TenantIsolation.AssertWriteRefusedAsync(App.Database, tenantB,
            "INSERT INTO billing.accounts (tenant_id, plan, status, updated_at) VALUES ($1, 'free', 'none', now())", tenantA);
        await TenantIsolation.AssertWriteRefusedAsync(App.Database, tenantB,
            "INSERT INTO billing.processed_events (event_id, tenant_id, event_type, processed_at) VALUES ('evt_x', $1, 'invoice.paid', now())", tenantA);
    }

    [Test]
    public async Task The_customer_lookup_answers_only_the_tenant_id()
    {
        (await App.Database.ScalarAsTenantAsync(tenantB, "SELECT billing.tenant_of_customer('cus_tenant_a')")).ShouldBe(tenantA);
        (await App.Database.ScalarAsTenantAsync(tenantB, "SELECT billing.tenant_of_customer('cus_nobody')")).ShouldBeNull();
        (await App.Database.ScalarAsTenantAsync(tenantB, "SELECT count(*) FROM billing.accounts")).ShouldBe(0L);
    }
}
