using Npgsql;

namespace Platform.Webhooks.Sending;

/// <summary>
/// The dispatcher's cross-tenant path to the deliveries: the schema owner's functions, which answer ids and times only
/// (content is read in each tenant's own scope), never row-level security switched off.
/// </summary>
internal sealed class DueDeliveries(NpgsqlDataSource dataSource)
{
    /// <summary>Marks up to <paramref name="count"/> due deliveries Sending, no subscription above <paramref name="perSubscription"/> at once.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int count, int perSubscription, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT tenant_id, delivery_id, attempt FROM webhooks.claim_due_deliveries($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = perSubscription });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2)));
        }
        return claimed;
    }

    /// <summary>Time until the next delivery falls due: negative when one is due (its subscription may be at its limit), null when none waits.</summary>
    public async Task<TimeSpan?> UntilNextAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT webhooks.until_next_delivery()");
        return await command.ExecuteScalarAsync(cancellationToken) is TimeSpan until ? until : null;
    }

    /// <summary>The tenants with an attempt that started before <paramref name="before"/> and was never recorded.</summary>
    public async Task<IReadOnlyList<Guid>> TenantsWithStalledAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT webhooks.tenants_with_deliveries_sending_since($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = before });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(reader.GetGuid(0));
        }
        return tenants;
    }
}
