namespace Platform.Billing.Tests;

/// <summary>A fixture of tests sharing one host and one local Stripe; each test registers tenants of its own.</summary>
public abstract class BillingFixture
{
    internal BillingApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartApp() => App = await BillingApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopApp() => await App.DisposeAsync();
}
