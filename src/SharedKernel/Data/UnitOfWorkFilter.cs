using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.SharedKernel.Data;

/// <summary>
/// Wraps an endpoint in the request's unit of work: begins it before the handler and commits only when
/// the handler answered with success, before that answer is written. A 4xx answer or an exception rolls back.
/// GET and HEAD only read (HTTP says they are safe), so their unit of work is read only and needs no transaction.
/// An endpoint that waits on an outside service declares <see cref="OwnUnitsOfWork"/> and gets none: it opens short
/// ones itself, so it holds no connection while it waits. Either way the database work of the request counts against
/// <see cref="RequestConnectionAdmission"/>.
/// </summary>
public sealed class UnitOfWorkFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        RequestConnectionAdmission.EnterRequestFlow();
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OwnUnitsOfWork>() is not null)
        {
            return await next(context);
        }
        var session = context.HttpContext.RequestServices.GetRequiredService<DbSession>();
        var cancellationToken = context.HttpContext.RequestAborted;
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await session.BeginReadOnlyAsync(cancellationToken);
        }
        else
        {
            await session.BeginAsync(cancellationToken);
        }
        var result = await next(context);
        if (IsSuccess(result) && session.IsActive)
        {
            await session.CommitAsync(cancellationToken);
        }
        return result;
    }

    private static bool IsSuccess(object? result) => result switch
    {
        INestedHttpResult nested => IsSuccess(nested.Result),
        IStatusCodeHttpResult { StatusCode: >= 400 } => false,
        _ => true,
    };
}
