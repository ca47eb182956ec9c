using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.SharedKernel.Validation;

/// <summary>Validates the endpoint's <typeparamref name="TRequest"/> argument; a failure answers 400 with errors per field.</summary>
public sealed class ValidationFilter<TRequest> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return Results.Problem(statusCode: 400, title: "Bad request", detail: "The request body is missing.");
        }
        var outcome = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (!outcome.IsValid)
        {
            return Results.ValidationProblem(
                outcome.ToDictionary(),
                title: "The request is not valid.");
        }
        return await next(context);
    }
}
