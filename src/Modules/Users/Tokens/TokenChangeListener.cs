using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Users.Tokens;

/// <summary>Drops cached token versions when PostgreSQL says a user's tokens changed on any host.</summary>
internal sealed class TokenChangeListener(NpgsqlDataSource dataSource, AccessTokenGate gate, ILogger<TokenChangeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (Guid.TryParse(notification.Payload, out var userId))
                    {
                        gate.Forget(userId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {AccessTokenGate.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Changes made while we were not listening are unknown: start afresh.
                gate.ForgetAll();
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
                gate.ForgetAll();
                logger.LogWarning(exception, "Lost the user_tokens listener; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }
}
