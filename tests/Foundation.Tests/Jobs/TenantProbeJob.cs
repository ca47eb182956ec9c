using System.Collections.Concurrent;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Foundation.Tests.Jobs;

/// <summary>A job that reports which tenant rows it can see without filtering, as any job's query would.</summary>
public sealed class TenantProbeJob(DbSession session, ITenantContext tenant)
{
    public static readonly ConcurrentDictionary<Guid, (Guid? Context, List<Guid> Visible)> Seen = new();

    public async Task RunAsync(Guid tenantId, Guid probeId)
    {
        await session.BeginAsync();
        await using var command = await session.CreateCommandAsync("SELECT id FROM tenants.tenants");
        await using var reader = await command.ExecuteReaderAsync();
        var visible = new List<Guid>();
        while (await reader.ReadAsync())
        {
            visible.Add(reader.GetGuid(0));
        }
        Seen[probeId] = (tenant.TenantId, visible);
    }

    public static Task WithoutTenantAsync() => Task.CompletedTask;
}
