using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.SharedKernel.Data;

namespace Platform.Users.Tokens;

/// <summary>Drops cached token versions when PostgreSQL says a user's tokens changed on any host.</summary>
internal sealed class TokenChangeListener(NpgsqlDataSource dataSource, AccessTokenGate gate, ILogger<TokenChangeListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PostgresNotifications.ListenAsync(
        dataSource,
        AccessTokenGate.Channel,
        onNotification: payload =>
        {
            if (Guid.TryParse(payload, out var userId))
            {
                gate.Forget(userId);
            }
        },
        // Changes made while we were not listening are unknown: start afresh.
        onListening: gate.ForgetAll,
        onLost: gate.ForgetAll,
        logger,
        stoppingToken);
}
