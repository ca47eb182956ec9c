using Microsoft.EntityFrameworkCore;
using Platform.AI.Contracts;
using Platform.AI.Data;
using Platform.AI.Generation;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;

namespace Platform.AI.Features.GenerateImage;

/// <summary>Calls the image provider for a PENDING request and settles it; the tenant comes from the job's argument.</summary>
internal sealed class ImageGenerationJob(DbSession session, AiDbContext db, AiGenerator generator)
{
    public async Task RunAsync(Guid tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        await session.BeginAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        // A retried job whose first run already ended must not call the provider (or charge) again.
        if (request is not { Status: AiRequestStatus.Pending })
        {
            return;
        }
        try
        {
            await generator.RunAsync(tenantId, requestId, AiTask.FromJson(request.Input), cancellationToken);
        }
        catch (ProblemException)
        {
            // Provider failure or rejected output: already recorded on the request, which is what the client polls.
        }
    }
}
