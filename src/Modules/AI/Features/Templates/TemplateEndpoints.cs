using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.AI.Data;
using Platform.AI.Features.Shared;
using Platform.AI.Moderation;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.Templates;

/// <summary>Tenant prompt templates: create, list, get, replace, delete.</summary>
internal static class TemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder ai)
    {
        var templates = ai.MapGroup("/templates");
        templates.MapPost("", CreateAsync).Validate<TemplateRequest>().RequireAuthorization(Policies.Editor)
            .WithName("CreatePromptTemplate").Produces<TemplateView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        templates.MapGet("", ListAsync).RequireAuthorization(Policies.Viewer)
            .WithName("ListPromptTemplates").Produces<PagedList<TemplateView>>();
        templates.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Viewer)
            .WithName("GetPromptTemplate").Produces<TemplateView>().ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPut("/{id:guid}", UpdateAsync).Validate<TemplateRequest>().RequireAuthorization(Policies.Editor)
            .WithName("UpdatePromptTemplate").Produces<TemplateView>().ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Policies.Editor)
            .WithName("DeletePromptTemplate").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(
        TemplateRequest request, AiDbContext db, ITenantContext tenant, ContentModerator moderator, TimeProvider clock, CancellationToken cancellationToken)
    {
        await EnsureAcceptableAsync(moderator, request, cancellationToken);
        await EnsureNameFreeAsync(db, request.Name, null, cancellationToken);
        var now = clock.GetUtcNow();
        var template = new PromptTemplate { Id = Guid.CreateVersion7(), TenantId = tenant.RequiredTenantId, CreatedAt = now };
        Apply(template, request, now);
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/api/v1/ai/templates/{template.Id}", TemplateView.From(template));
    }

    private static async Task<IResult> ListAsync(TemplateCatalog templates, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var paging = new PageRequest(page, pageSize);
        var all = await templates.ListAsync(cancellationToken);
        return Results.Ok(new PagedList<TemplateView>(all.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, all.Count));
    }

    private static async Task<IResult> GetAsync(Guid id, TemplateCatalog templates, CancellationToken cancellationToken) =>
        Results.Ok(await templates.FindAsync(id, cancellationToken) ?? throw ProblemException.NotFound("The prompt template"));

    private static async Task<IResult> UpdateAsync(
        Guid id, TemplateRequest request, AiDbContext db, ContentModerator moderator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var template = await FindAsync(db, id, cancellationToken);
        await EnsureAcceptableAsync(moderator, request, cancellationToken);
        await EnsureNameFreeAsync(db, request.Name, id, cancellationToken);
        Apply(template, request, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(TemplateView.From(template));
    }

    private static async Task<IResult> DeleteAsync(Guid id, AiDbContext db, CancellationToken cancellationToken)
    {
        db.Templates.Remove(await FindAsync(db, id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static void Apply(PromptTemplate template, TemplateRequest request, DateTimeOffset now)
    {
        template.Name = request.Name.Trim();
        template.Body = request.Body;
        template.BrandVoice = request.BrandVoice;
        template.Audience = request.Audience;
        template.CallToAction = request.CallToAction;
        template.UpdatedAt = now;
    }

    private static async Task<PromptTemplate> FindAsync(AiDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Templates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ProblemException.NotFound("The prompt template");

    /// <summary>A template is user-submitted content that will steer every generation using it: moderate it once, here.</summary>
    private static async Task EnsureAcceptableAsync(ContentModerator moderator, TemplateRequest request, CancellationToken cancellationToken)
    {
        var text = string.Join('\n', new[] { request.Name, request.Body, request.BrandVoice, request.Audience, request.CallToAction }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var verdict = await moderator.CheckAsync(text, cancellationToken);
        if (!verdict.Allowed)
        {
            throw new ProblemException(422, "Content rejected", $"The template was rejected: {verdict.Reason}.");
        }
    }

    private static async Task EnsureNameFreeAsync(AiDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (await db.Templates.AnyAsync(t => t.Name == trimmed && t.Id != except, cancellationToken))
        {
            throw ProblemException.Conflict($"A template named '{trimmed}' already exists.");
        }
    }
}
