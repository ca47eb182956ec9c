using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Features.Shared;
using Platform.SocialAccounts.Platforms.Pinterest;
using Platform.SocialAccounts.RateLimits;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Features.ListBoards;

/// <summary>
/// The boards of a connected Pinterest account, so the user can choose where a pin goes (the target's <c>boardId</c>).
/// Read from Pinterest on each call: boards change there, not here.
/// </summary>
internal static class ListBoardsEndpoint
{
    private const int LongestBookmark = 2048;

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/boards", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("ListPinterestBoards");

    public static async Task<Ok<BoardsResponse>> HandleAsync(Guid id, string? bookmark, AccountCalls calls, CancellationToken cancellationToken)
    {
        if (bookmark is { Length: > LongestBookmark })
        {
            throw ProblemException.BadRequest($"bookmark is at most {LongestBookmark} characters: pass back the one the previous page answered.");
        }
        try
        {
            var page = await calls.CallAsync(id, PlatformOperation.Read, OnlyPinterest,
                (client, credentials) => ((PinterestClient)client).ListBoardsAsync(credentials, bookmark, cancellationToken), cancellationToken);
            return TypedResults.Ok(new BoardsResponse([.. page.Boards.Select(b => new BoardDto(b.Id, b.Name, b.Description, b.Privacy))], page.Bookmark));
        }
        catch (KeyNotFoundException)
        {
            throw ProblemException.NotFound("The social account");
        }
        catch (PlatformException failure)
        {
            throw ConnectionProblems.FromAccountRead(failure);
        }
    }

    private static void OnlyPinterest(SocialPlatform platform)
    {
        if (!Platforms.PlatformCatalog.Default[platform].Can(Platforms.PlatformCapabilities.Boards))
        {
            throw ProblemException.BadRequest($"Boards belong to Pinterest accounts; this is a {platform} account.");
        }
    }
}
