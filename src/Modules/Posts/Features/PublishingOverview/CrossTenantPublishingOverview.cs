using System.Text.Json;
using Npgsql;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Data;

namespace Platform.Posts.Features.PublishingOverview;

/// <summary>
/// Reads every tenant's publishing state through the owner's functions (migration 0038), which answer only the columns
/// the operators' pages show; the app role's own queries stay bound by row-level security.
/// </summary>
internal sealed class CrossTenantPublishingOverview(DbSession session, NpgsqlDataSource dataSource) : IPublishingOverview
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<QueuedTarget>> DueAndInFlightAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("""
            SELECT tenant_id, post_id, target_id, social_account_id, platform, state, due_at, lateness, lease_until, sending_at, attempts
            FROM posts.overview_due_targets($1)
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = Clamp(limit) });
        return await ReadAllAsync(command, reader => new QueuedTarget(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4),
            Enum.Parse<QueuedTargetState>(reader.GetString(5), ignoreCase: true), reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetTimeSpan(7), NullableTime(reader, 8), NullableTime(reader, 9), reader.GetInt32(10)), cancellationToken);
    }

    public Task<IReadOnlyList<TroubledTarget>> TroubledAsync(int limit, CancellationToken cancellationToken) =>
        ReadTroubledAsync(givenUpOnly: false, limit, cancellationToken);

    public Task<IReadOnlyList<TroubledTarget>> GivenUpAsync(int limit, CancellationToken cancellationToken) =>
        ReadTroubledAsync(givenUpOnly: true, limit, cancellationToken);

    public async Task<IReadOnlyList<PausedAccount>> PausedAccountsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("""
            SELECT tenant_id, social_account_id, paused_by, paused_at, paused_until, consecutive_failures, last_error_kind, waiting_targets
            FROM posts.overview_paused_accounts($1)
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = Clamp(limit) });
        return await ReadAllAsync(command, reader => new PausedAccount(
            reader.GetGuid(0), reader.GetGuid(1), Enum.Parse<AccountPauseSource>(reader.GetString(2), ignoreCase: true),
            reader.GetFieldValue<DateTimeOffset>(3), NullableTime(reader, 4), reader.GetInt32(5), NullableText(reader, 6),
            reader.GetInt64(7)), cancellationToken);
    }

    public PublishingBacklog ReadBacklog() => QueueBacklog.Read(dataSource);

    private async Task<IReadOnlyList<TroubledTarget>> ReadTroubledAsync(bool givenUpOnly, int limit, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("""
            SELECT tenant_id, post_id, target_id, social_account_id, platform, status, error_kind, error_excerpt, attempts,
                   next_attempt_at, updated_at, attempt_log::text
            FROM posts.overview_troubled_targets($1, $2)
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = givenUpOnly });
        command.Parameters.Add(new NpgsqlParameter { Value = Clamp(limit) });
        return await ReadAllAsync(command, reader => new TroubledTarget(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4),
            SnakeCaseEnum<TargetStatus>.FromSnake(reader.GetString(5)), NullableText(reader, 6), NullableText(reader, 7),
            reader.GetInt32(8), NullableTime(reader, 9), reader.GetFieldValue<DateTimeOffset>(10),
            JsonSerializer.Deserialize<List<AttemptSummary>>(reader.GetString(11), Json) ?? []), cancellationToken);
    }

    private static int Clamp(int limit) => Math.Clamp(limit, 1, IPublishingOverview.MaxRows);

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
