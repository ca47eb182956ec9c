using Npgsql;

namespace Platform.Host.Database;

/// <summary>
/// With an admin connection, creates the owner and app roles and the database where missing, and keeps
/// the app role powerless: no superuser, no BYPASSRLS, no role or database creation.
/// </summary>
internal sealed class RoleBootstrapper(DatabaseOptions options, ILogger logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (options.Admin is null)
        {
            logger.LogInformation("No admin connection configured; assuming the roles and database exist.");
            return;
        }
        var owner = options.OwnerRole;
        var app = options.AppRole;
        var admin = new NpgsqlConnectionStringBuilder(options.Admin) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await EnsureRoleAsync(connection, owner.Username!, owner.Password, "LOGIN NOSUPERUSER NOBYPASSRLS", cancellationToken);
        await EnsureRoleAsync(connection, app.Username!, app.Password, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT", cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = owner.Database! });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {Quote(owner.Database!)} OWNER {Quote(owner.Username!)}", cancellationToken);
                logger.LogInformation("Created database {Database}", owner.Database);
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another host created it meanwhile.
            }
        }
    }

    /// <summary>
    /// Creates the role if missing; an existing role keeps its password and is only corrected when it has
    /// gained powers it must not have. Hosts and test runs bootstrapping at once race here, so a role created
    /// meanwhile is no error.
    /// </summary>
    private static async Task EnsureRoleAsync(NpgsqlConnection connection, string role, string? password, string attributes, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = role });
        var tooPowerful = await exists.ExecuteScalarAsync(cancellationToken);
        if (tooPowerful is bool powerful)
        {
            if (powerful)
            {
                await ExecuteAsync(connection, $"ALTER ROLE {Quote(role)} {attributes}", cancellationToken);
            }
            return;
        }
        var passwordClause = password is null ? "" : $" PASSWORD {Literal(password)}";
        try
        {
            await ExecuteAsync(connection, $"CREATE ROLE {Quote(role)} {attributes}{passwordClause}", cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // DDL takes no parameters: identifiers and literals are quoted the way PostgreSQL's quote_ident/quote_literal do.
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
