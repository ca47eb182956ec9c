using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.SharedKernel.Validation;

public static class ValidationEndpointExtensions
{
    /// <summary>Runs the registered FluentValidation validator of <typeparamref name="TRequest"/> before the handler.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>()
            .ProducesValidationProblem();
}
