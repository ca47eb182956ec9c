using Npgsql;
using Platform.Posts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>
/// One cheap read of the due index (a global table of ids and times, no tenant's data): how many targets are queued,
/// how many are due with no dispatcher holding them, and how late the oldest of those is. Synchronous: its readers
/// (metric gauges, dashboard metrics) are synchronous callbacks. The statement has its own short timeout.
/// </summary>
internal static class QueueBacklog
{
    public static PublishingBacklog Read(NpgsqlDataSource dataSource)
    {
        using var command = dataSource.CreateCommand("""
            SELECT count(*),
                   count(*) FILTER (WHERE due_at <= clock_timestamp() AND (lease_until IS NULL OR lease_until < clock_timestamp())),
                   coalesce(clock_timestamp() - min(due_at)
                       FILTER (WHERE due_at <= clock_timestamp() AND (lease_until IS NULL OR lease_until < clock_timestamp())), interval '0')
            FROM posts.publish_queue
            """);
        command.CommandTimeout = 2;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new PublishingBacklog(reader.GetInt64(0), reader.GetInt64(1), reader.GetTimeSpan(2));
    }
}
