using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Billing.Plans;
using Platform.SharedKernel.Data;

namespace Platform.Billing.Features.ListPlans;

/// <summary>The public catalogue of plans and their limits, for the pricing page; it reads configuration, not the database.</summary>
internal static class ListPlansEndpoint
{
    public static void Map(IEndpointRouteBuilder billing) =>
        billing.MapGet("/plans", Handle)
            .AllowAnonymous()
            .WithOwnUnitsOfWork()
            .WithName("ListPlans")
            .Produces<IReadOnlyList<PlanView>>();

    private static IResult Handle(PlanCatalog catalog) =>
        Results.Ok(catalog.All.Select(p => new PlanView(p.Name, p.Plan.IsPaid, catalog.Limits(p.Name))).ToList());
}
