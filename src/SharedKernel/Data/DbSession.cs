using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.SharedKernel.Tenancy;

namespace Platform.SharedKernel.Data;

/// <summary>
/// One unit of work: one pooled connection, one transaction, and the tenant applied to it as a
/// transaction-local setting that the row-level security policies read. Every module DbContext of the
/// scope shares it, so a change that spans modules commits or rolls back as one.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource, TenantContext tenant) : IAsyncDisposable, IDisposable
{
    /// <summary>The setting every RLS policy compares <c>tenant_id</c> with.</summary>
    public const string TenantSetting = "app.tenant_id";

    private readonly List<DbContext> pending = [];
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? transaction;
    private bool committed;

    public bool IsActive => transaction is not null && !committed;

    public NpgsqlConnection Connection => connection ?? throw NotStarted();

    public NpgsqlTransaction Transaction => transaction ?? throw NotStarted();

    public async Task BeginAsync(CancellationToken cancellationToken = default)
    {
        if (transaction is not null)
        {
            throw new InvalidOperationException("The unit of work has already begun.");
        }
        connection = await dataSource.OpenConnectionAsync(cancellationToken);
        transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (tenant.TenantId is { } tenantId)
        {
            await ApplyTenantAsync(tenantId, cancellationToken);
        }
        foreach (var context in pending)
        {
            Attach(context);
        }
        pending.Clear();
    }

    /// <summary>Acts for <paramref name="tenantId"/> from now on, inside the open transaction too.</summary>
    public async Task UseTenantAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        tenant.Set(tenantId);
        if (IsActive)
        {
            await ApplyTenantAsync(tenantId, cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!IsActive)
        {
            throw NotStarted();
        }
        await transaction!.CommitAsync(cancellationToken);
        committed = true;
    }

    /// <summary>Gives the context this session's connection and transaction, now or when the session begins.</summary>
    public void Enlist(DbContext context)
    {
        if (transaction is null)
        {
            pending.Add(context);
        }
        else
        {
            Attach(context);
        }
    }

    public NpgsqlCommand CreateCommand(string sql)
    {
        var command = new NpgsqlCommand(sql, Connection, Transaction);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            // Disposing an uncommitted transaction rolls it back: a failed unit of work leaves nothing behind.
            await transaction.DisposeAsync();
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        transaction?.Dispose();
        connection?.Dispose();
    }

    private void Attach(DbContext context)
    {
        context.Database.SetDbConnection(connection!, contextOwnsConnection: false);
        context.Database.UseTransaction(transaction);
        // A failed save fails the whole unit of work, which rolls back: a savepoint around every save would only add round trips.
        context.Database.AutoSavepointsEnabled = false;
    }

    private async Task ApplyTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand($"SELECT set_config('{TenantSetting}', $1, true)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId.ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static InvalidOperationException NotStarted() =>
        new("No unit of work is open: begin the DbSession before touching the database.");
}
