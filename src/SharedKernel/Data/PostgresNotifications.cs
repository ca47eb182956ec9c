using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.SharedKernel.Data;

/// <summary>LISTEN on a channel for as long as the host runs, reconnecting when the connection is lost.</summary>
public static class PostgresNotifications
{
    /// <param name="onListening">Runs each time listening (re)starts: whatever was notified meanwhile was missed.</param>
    /// <param name="onLost">Runs when the connection is lost, before reconnecting.</param>
    public static async Task ListenAsync(
        NpgsqlDataSource dataSource, string channel, Action<string> onNotification, Action onListening, Action onLost,
        ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => onNotification(notification.Payload);
                await ExecuteAsync(connection, $"LISTEN {channel}", stoppingToken);
                onListening();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                onLost();
                logger.LogWarning(exception, "Lost the {Channel} listener; reconnecting", channel);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
            finally
            {
                await ReleaseAsync(connection);
            }
        }
    }

    // Pooled connections are not reset on close, so the subscription must not go back to the pool with them.
    private static async Task ReleaseAsync(NpgsqlConnection? connection)
    {
        if (connection is null)
        {
            return;
        }
        try
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, "UNLISTEN *", CancellationToken.None);
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection is not pooled again.
        }
        await connection.DisposeAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
