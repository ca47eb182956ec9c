using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Platform.SharedKernel.Tenancy;

namespace Platform.SharedKernel.Data;

/// <summary>
/// One unit of work: one pooled connection, one transaction, and the tenant applied to it as a
/// transaction-local setting that the row-level security policies read. Every module DbContext of the
/// scope shares it, so a change that spans modules commits or rolls back as one.
/// </summary>
/// <remarks>
/// Round trips are the largest cost of a short request, so the session spends none of its own: Npgsql sends
/// BEGIN with the first command, and the tenant rides in that command's round trip as a leading
/// <c>CALL platform_session.enter(...)</c> (<see cref="SessionCommandInterceptor"/>). A read-only unit of work
/// (<see cref="BeginReadOnlyAsync"/>) has no transaction at all: each query carries the tenant and a read-only
/// flag in its own implicit transaction, which PostgreSQL ends, and so clears, with the query.
/// A unit of work opened in a request's flow first takes a slot of <see cref="RequestConnectionAdmission"/> (when the host
/// registered one) and waits for a connection only that long: a saturated pool answers 503, not a long wait.
/// </remarks>
public sealed class DbSession(NpgsqlDataSource dataSource, TenantContext tenant, RequestConnectionAdmission? admission = null)
    : IAsyncDisposable, IDisposable
{
    /// <summary>The setting every RLS policy compares <c>tenant_id</c> with.</summary>
    public const string TenantSetting = "app.tenant_id";

    private const string TenantParameter = "platform_session_tenant";

    private static readonly ConditionalWeakTable<DbConnection, DbSession> Sessions = new();

    private readonly List<DbContext> contexts = [];
    private List<ICommitCheck>? commitChecks;
    private List<Action>? afterCommit;
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? transaction;
    private IDisposable? requestSlot;
    private bool readOnly;
    private bool tenantApplied;
    private bool completed;

    public bool IsActive => connection is not null && !completed;

    public NpgsqlConnection Connection => connection ?? throw NotStarted();

    /// <summary>The open transaction; a read-only session has one only after a raw command asked for it.</summary>
    public NpgsqlTransaction? Transaction => transaction;

    /// <summary>Begins a unit of work that may write: one transaction, committed by <see cref="CommitAsync"/>.</summary>
    public async Task BeginAsync(CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        transaction = await connection!.BeginTransactionAsync(cancellationToken);
        AttachContexts();
    }

    /// <summary>
    /// Begins a unit of work that only reads. Each query runs in its own implicit transaction that carries the
    /// tenant and is read only, so a write fails instead of half-happening; one round trip a query, no commit.
    /// </summary>
    public async Task BeginReadOnlyAsync(CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        readOnly = true;
        AttachContexts();
    }

    /// <summary>Acts for <paramref name="tenantId"/> from now on, inside the open transaction too.</summary>
    public async Task UseTenantAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        tenant.Set(tenantId);
        if (tenantApplied && IsActive)
        {
            await ApplyAsync(async: true, cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!IsActive)
        {
            throw NotStarted();
        }
        if (commitChecks is { Count: > 0 } checks)
        {
            await CommitCheckedAsync(checks, cancellationToken);
        }
        else if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        completed = true;
        foreach (var action in afterCommit ?? [])
        {
            action();
        }
        afterCommit = null;
    }

    /// <summary>Sends <paramref name="check"/>'s statements with the COMMIT, in its round trip; when one raises nothing commits.</summary>
    public void OnCommitting(ICommitCheck check)
    {
        if (transaction is null)
        {
            throw new InvalidOperationException("Only a unit of work that writes commits with checks.");
        }
        (commitChecks ??= []).Add(check);
    }

    private async Task CommitCheckedAsync(List<ICommitCheck> checks, CancellationToken cancellationToken)
    {
        commitChecks = null;
        await using var batch = await CreateBatchAsync(cancellationToken);
        foreach (var check in checks)
        {
            check.AddTo(batch);
        }
        // Npgsql follows the server's transaction state, so the transaction counts as completed once this COMMIT ran.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException failure)
        {
            foreach (var check in checks)
            {
                if (check.Explain(failure) is { } explained)
                {
                    throw explained;
                }
            }
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once this unit of work commits, never when it rolls back: for handing something that
    /// must only follow a committed change to in-memory work (a queue drained elsewhere), since the connection is still held.
    /// </summary>
    public void OnCommitted(Action action) => (afterCommit ??= []).Add(action);

    /// <summary>Gives the context this session's connection and transaction, now or when the session begins.</summary>
    public void Enlist(DbContext context)
    {
        contexts.Add(context);
        if (connection is not null)
        {
            Attach(context);
        }
    }

    /// <summary>
    /// A raw command on the unit of work, with the tenant already applied. Raw commands use positional parameters,
    /// which cannot share a round trip with the tenant, so the first one applies it on its own; in a read-only
    /// session it opens a read-only transaction for the rest of the unit of work.
    /// </summary>
    public async ValueTask<NpgsqlCommand> CreateCommandAsync(string sql, CancellationToken cancellationToken = default)
    {
        await EnsureTransactionAsync(cancellationToken);
        if (!tenantApplied)
        {
            await ApplyAsync(async: true, cancellationToken);
        }
        return new NpgsqlCommand(sql, connection, transaction);
    }

    /// <summary>
    /// Raw commands on the unit of work sent in one round trip. When the tenant is not applied yet it leads the batch
    /// instead of costing a round trip of its own, so the caller must execute the batch before any other command.
    /// </summary>
    public async ValueTask<NpgsqlBatch> CreateBatchAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTransactionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection, transaction);
        if (!tenantApplied)
        {
            var enter = new NpgsqlBatchCommand(EnterStatement("$1"));
            enter.Parameters.Add(TenantValue(name: null));
            batch.BatchCommands.Add(enter);
            tenantApplied = true;
        }
        return batch;
    }

    private async ValueTask EnsureTransactionAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            throw NotStarted();
        }
        if (transaction is null)
        {
            transaction = await connection!.BeginTransactionAsync(cancellationToken);
            foreach (var context in contexts)
            {
                context.Database.UseTransaction(transaction);
            }
        }
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
            Sessions.Remove(connection);
            await connection.DisposeAsync();
        }
        requestSlot?.Dispose();
    }

    public void Dispose()
    {
        transaction?.Dispose();
        if (connection is not null)
        {
            Sessions.Remove(connection);
            connection.Dispose();
        }
        requestSlot?.Dispose();
    }

    /// <summary>The unit of work <paramref name="owner"/> belongs to, if it is one's.</summary>
    internal static DbSession? Of(DbConnection owner) => Sessions.TryGetValue(owner, out var session) ? session : null;

    /// <summary>Puts the tenant (and the read-only flag) in front of an EF command of this session, when it needs them.</summary>
    internal static async ValueTask PrepareCommandAsync(DbCommand command, CommandSource source, bool async, CancellationToken cancellationToken)
    {
        if (command.Connection is { } owner && Sessions.TryGetValue(owner, out var session))
        {
            await session.PrepareAsync(command, source, async, cancellationToken);
        }
    }

    private async ValueTask PrepareAsync(DbCommand command, CommandSource source, bool async, CancellationToken cancellationToken)
    {
        if (tenantApplied)
        {
            return;
        }
        if (source == CommandSource.SaveChanges)
        {
            if (transaction is null)
            {
                throw new InvalidOperationException("A read-only unit of work (a GET or HEAD request) cannot save changes.");
            }
            // EF checks each statement's row count by its position in the batch: a leading CALL would shift them.
            await ApplyAsync(async, cancellationToken);
            return;
        }
        // Without a transaction every statement is its own, so each needs the prefix; within one, the first does.
        tenantApplied = transaction is not null;
        command.CommandText = EnterStatement("@" + TenantParameter) + ";\n" + command.CommandText;
        command.Parameters.Add(TenantValue(TenantParameter));
    }

    private async Task ApplyAsync(bool async, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(EnterStatement("$1"), connection, transaction);
        command.Parameters.Add(TenantValue(name: null));
        if (async)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            command.ExecuteNonQuery();
        }
        tenantApplied = true;
    }

    private string EnterStatement(string tenantPlaceholder) =>
        $"CALL platform_session.enter({tenantPlaceholder}, {(readOnly ? "true" : "false")})";

    private NpgsqlParameter TenantValue(string? name) => new()
    {
        ParameterName = name ?? string.Empty,
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text,
        Value = (object?)tenant.TenantId?.ToString() ?? DBNull.Value,
    };

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (connection is not null)
        {
            throw new InvalidOperationException("The unit of work has already begun.");
        }
        connection = admission is not null && RequestConnectionAdmission.IsRequestFlow
            ? await OpenForRequestAsync(admission, cancellationToken)
            : await dataSource.OpenConnectionAsync(cancellationToken);
        Sessions.AddOrUpdate(connection, this);
    }

    // The pool's own wait (its Timeout, 15 s by default) is far longer than a request should hang: the admission's wait bounds it.
    private async Task<NpgsqlConnection> OpenForRequestAsync(RequestConnectionAdmission requests, CancellationToken cancellationToken)
    {
        var slot = await requests.EnterAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(requests.Wait);
        try
        {
            var opened = await dataSource.OpenConnectionAsync(deadline.Token);
            requestSlot = slot;
            return opened;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested &&
                                      error is OperationCanceledException or NpgsqlException { InnerException: TimeoutException })
        {
            slot.Dispose();
            throw new DatabaseBusyException(RequestConnectionAdmission.RetryAfter, error);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    private void AttachContexts()
    {
        foreach (var context in contexts)
        {
            Attach(context);
        }
    }

    private void Attach(DbContext context)
    {
        context.Database.SetDbConnection(connection!, contextOwnsConnection: false);
        if (transaction is not null)
        {
            context.Database.UseTransaction(transaction);
        }
        // A failed save fails the whole unit of work, which rolls back: a savepoint around every save would only add round trips.
        context.Database.AutoSavepointsEnabled = false;
    }

    private static InvalidOperationException NotStarted() =>
        new("No unit of work is open: begin the DbSession before touching the database.");
}
