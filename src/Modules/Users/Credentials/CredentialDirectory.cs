using Npgsql;
using Platform.SharedKernel.Data;

namespace Platform.Users.Credentials;

/// <summary>
/// The only cross-tenant reads of this module: which tenant an email or a refresh token belongs to, answered
/// by SECURITY DEFINER functions. Everything after runs under that tenant and row-level security.
/// </summary>
internal sealed class CredentialDirectory(DbSession session)
{
    public async Task<(Guid UserId, Guid TenantId)?> FindByEmailAsync(string emailNormalized, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("SELECT user_id, tenant_id FROM users.tenant_of_email($1)", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = emailNormalized });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), reader.GetGuid(1)) : null;
    }

    public async Task<Guid?> TenantOfRefreshTokenAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("SELECT users.tenant_of_refresh_token($1)", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = tokenHash });
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }
}
