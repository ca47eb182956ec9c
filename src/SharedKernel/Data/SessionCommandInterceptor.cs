using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.SharedKernel.Data;

/// <summary>Lets the <see cref="DbSession"/> put its tenant in front of an EF command, so it costs no round trip of its own.</summary>
internal sealed class SessionCommandInterceptor : DbCommandInterceptor
{
    public static readonly SessionCommandInterceptor Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prepare(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await DbSession.PrepareCommandAsync(command, eventData.CommandSource, async: true, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Prepare(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await DbSession.PrepareCommandAsync(command, eventData.CommandSource, async: true, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prepare(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await DbSession.PrepareCommandAsync(command, eventData.CommandSource, async: true, cancellationToken);
        return result;
    }

    // With async: false nothing inside awaits, so the task has completed by the time it returns.
    private static void Prepare(DbCommand command, CommandEventData eventData) =>
        DbSession.PrepareCommandAsync(command, eventData.CommandSource, async: false, CancellationToken.None).GetAwaiter().GetResult();
}
