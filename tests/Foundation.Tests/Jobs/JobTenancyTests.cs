using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

public sealed class JobTenancyTests : OneHostFixture
{
    [Test]
    public async Task A_job_runs_under_the_tenant_in_its_arguments_and_sees_only_that_tenants_rows()
    {
        var alice = await app.RegisterAsync();
        await app.RegisterAsync();
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var probe = Guid.NewGuid();

        var jobId = jobs.Enqueue<TenantProbeJob>(job => job.RunAsync(alice.TenantId, probe));

        var seen = await WaitForAsync(probe);
        seen.Context.ShouldBe(alice.TenantId);
        seen.Visible.ShouldBe([alice.TenantId]);
        app.Services.GetRequiredService<JobStorage>().GetConnection().GetJobParameter(jobId, "TenantId").ShouldContain(alice.TenantId.ToString());
    }

    [Test]
    public void A_job_without_a_tenant_argument_is_refused_when_created()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();

        var error = Should.Throw<BackgroundJobClientException>(() => jobs.Enqueue(() => TenantProbeJob.WithoutTenantAsync()));

        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("tenantId");
    }

    [Test]
    public void A_job_with_an_empty_tenant_is_refused_when_created()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();

        Should.Throw<BackgroundJobClientException>(() => jobs.Enqueue<TenantProbeJob>(job => job.RunAsync(Guid.Empty, Guid.NewGuid())));
    }

    private static async Task<(Guid? Context, List<Guid> Visible)> WaitForAsync(Guid probe)
    {
        for (var i = 0; i < 300; i++)
        {
            if (TenantProbeJob.Seen.TryGetValue(probe, out var seen))
            {
                return seen;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The probe job did not run within 30 s.");
    }
}
