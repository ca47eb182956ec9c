using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.AI.Generation;
using Platform.Media.Contracts;
using Platform.SharedKernel.Tenancy;

namespace Platform.AI.Features.GenerateImage;

/// <summary>
/// Keeps a generated image in the tenant's media library, so it can be published like an upload, and answers the
/// library item's id in place of the image's bytes (which would otherwise sit in the request's row). The prompt and cost
/// stay on the AI request; the prompt becomes the item's alt text.
/// </summary>
internal sealed class LibraryImages(IServiceScopeFactory scopes, AiLedger ledger)
{
    public async Task<JsonObject> KeepAsync(Guid tenantId, Guid requestId, JsonObject output, byte[] image, AiTask task, CancellationToken cancellationToken)
    {
        var request = await ledger.FindAsync(tenantId, requestId, cancellationToken);
        await using var scope = scopes.CreateTenantScope(tenantId);
        var item = await scope.ServiceProvider.GetRequiredService<IMediaLibrary>()
            .StoreAsync(image, AltText(task.Text), request?.UserId ?? Guid.Empty, cancellationToken);
        var kept = (JsonObject)output.DeepClone();
        kept.Remove("image");
        kept["mediaId"] = item.Id;
        kept["contentType"] = item.ContentType;
        kept["sizeBytes"] = item.SizeBytes;
        return kept;
    }

    // The library's alt text is at most 1500 characters; a prompt rarely is, but may be.
    private static string AltText(string prompt)
    {
        var text = prompt.Trim();
        return text.Length <= 1500 ? text : text[..1500];
    }
}
