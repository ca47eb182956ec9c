using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Notifications.Live;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Notifications.Features.Stream;

/// <summary>
/// The signed-in user's live events as server-sent events: new in-app notifications of theirs, and their tenant's post and
/// account changes. Holds no database connection; ends when the client leaves or the host stops.
/// </summary>
internal static class StreamEndpoint
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    public static void Map(IEndpointRouteBuilder notifications)
    {
        notifications.MapGet("/stream", StreamAsync)
            .WithName("StreamNotifications")
            .WithSummary("Server-sent events: the caller's new notifications and the tenant's post and account changes, live.")
            .WithDescription("Events are named notification, post or account; send Last-Event-ID to resume after an event. People only: API keys are refused.")
            .WithOwnUnitsOfWork()
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task StreamAsync(
        HttpContext context, LiveEventRelay relay, IOptions<LiveStreamOptions> options, IHostApplicationLifetime lifetime)
    {
        var resumeAfter = ResumePoint(context.Request);
        var userId = context.User.RequiredUserId();
        var tenantId = context.User.TenantId() ?? throw ProblemException.Forbidden("The caller belongs to no tenant.");
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ends.Token;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // Subscribed before reading the replay, so nothing published in between is missed; what both hold is written once.
        using var subscription = relay.Subscribe(tenantId, userId);
        var writer = new ServerSentEventWriter(context.Response);
        try
        {
            await writer.StartAsync(Retry, cancellationToken);
            var written = resumeAfter ?? LiveEventId.Zero;
            if (resumeAfter is { } after)
            {
                foreach (var missed in await relay.ReplayAsync(tenantId, userId, after, cancellationToken))
                {
                    await writer.WriteAsync(missed, cancellationToken);
                    written = missed.Id;
                }
                await writer.FlushAsync(cancellationToken);
            }
            await PumpAsync(subscription, writer, written, options.Value.HeartbeatInterval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left or the host is stopping: the stream simply ends.
        }
    }

    private static async Task PumpAsync(
        LiveSubscription subscription, ServerSentEventWriter writer, LiveEventId written, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(heartbeat);
            bool open;
            try
            {
                open = await subscription.Messages.WaitToReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await writer.WriteHeartbeatAsync(cancellationToken);
                continue;
            }
            if (!open)
            {
                return;
            }
            while (subscription.Messages.TryRead(out var message))
            {
                if (message.Id > written)
                {
                    await writer.WriteAsync(message, cancellationToken);
                    written = message.Id;
                }
            }
            await writer.FlushAsync(cancellationToken);
        }
    }

    private static LiveEventId? ResumePoint(HttpRequest request)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        if (header.Length == 0)
        {
            return null;
        }
        return LiveEventId.TryParse(header.Trim(), out var id)
            ? id
            : throw ProblemException.BadRequest("Last-Event-ID must be the id of an event this stream sent (milliseconds-sequence).");
    }
}
