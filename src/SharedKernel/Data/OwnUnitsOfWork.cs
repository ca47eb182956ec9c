using Microsoft.AspNetCore.Builder;

namespace Platform.SharedKernel.Data;

/// <summary>
/// Endpoint metadata: the handler opens its own short units of work (<see cref="UnitOfWork.RunAsync{T}(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory, Guid?, Func{IServiceProvider, Task{T}}, CancellationToken)"/>)
/// around an outside call, so <see cref="UnitOfWorkFilter"/> opens none for the whole request.
/// </summary>
public sealed class OwnUnitsOfWork
{
    public static readonly OwnUnitsOfWork Instance = new();

    private OwnUnitsOfWork()
    {
    }
}

public static class OwnUnitsOfWorkExtensions
{
    /// <summary>The request holds no connection of its own; its handler opens short units of work where it needs the database.</summary>
    public static TBuilder WithOwnUnitsOfWork<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OwnUnitsOfWork.Instance);
}
