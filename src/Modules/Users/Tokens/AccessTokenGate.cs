using Npgsql;
using Platform.Users.Contracts;

namespace Platform.Users.Tokens;

/// <summary>
/// One round trip per request to a SECURITY DEFINER function: the request has no unit of work yet, and the
/// answer must reflect a logout or deactivation made a moment ago on any instance.
/// </summary>
internal sealed class AccessTokenGate(NpgsqlDataSource dataSource) : IAccessTokenGate
{
    public async ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT users.access_token_is_current($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = tokenVersion });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
