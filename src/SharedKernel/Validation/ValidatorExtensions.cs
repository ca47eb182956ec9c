using FluentValidation;
using Platform.SharedKernel.Errors;

namespace Platform.SharedKernel.Validation;

public static class ValidatorExtensions
{
    /// <summary>
    /// Validates input that arrives other than as an endpoint's body (a contract call); a failure is the 400 problem the
    /// endpoints' <see cref="ValidationFilter{TRequest}"/> answers, with the errors by field.
    /// </summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var outcome = await validator.ValidateAsync(request, cancellationToken);
        if (!outcome.IsValid)
        {
            throw new ProblemException(400, "The request is not valid.", string.Join(" ", outcome.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")),
                new Dictionary<string, object?> { ["errors"] = outcome.ToDictionary() });
        }
    }
}
