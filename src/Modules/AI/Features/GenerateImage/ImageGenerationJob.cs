using Platform.AI.Contracts;
using Platform.AI.Generation;
using Platform.SharedKernel.Errors;

namespace Platform.AI.Features.GenerateImage;

/// <summary>
/// Calls the image provider for a PENDING request and settles it; the tenant comes from the job's argument. It holds
/// no connection while the provider works: the ledger reads and settles in short units of work of its own.
/// </summary>
internal sealed class ImageGenerationJob(AiLedger ledger, AiGenerator generator)
{
    public async Task RunAsync(Guid tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await ledger.FindAsync(tenantId, requestId, cancellationToken);
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
