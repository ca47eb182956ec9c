using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;

namespace Platform.Posts.Features.CreatePost;

internal static class CreatePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/", HandleAsync)
        .WithName("CreatePost")
        .WithSummary("Saves a draft; the answer lists each target's content-rule problems, if any.")
        .WithDescription(MediaPayload.OpenApiDescription)
        .RequireAuthorization(Policies.Editor)
        .Validate<PostPayload>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Created<PostResponse>> HandleAsync(
        PostPayload payload, HttpContext context, DraftCreation drafts, CancellationToken cancellationToken)
    {
        var post = await drafts.CreateAsync(payload, context.User.RequiredUserId(), cancellationToken);
        return TypedResults.Created($"/api/v1/posts/{post.Id}", post);
    }
}
