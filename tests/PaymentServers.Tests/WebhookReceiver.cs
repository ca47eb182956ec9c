using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.PaymentServers.Tests;

/// <summary>A webhook endpoint on a free port that keeps each POST's raw body and Stripe-Signature header.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Body, string Signature)> received = new();
    private WebApplication? app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<(string Body, string Signature)> Received => [.. received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver.app = builder.Build();
        receiver.app.MapPost("/webhooks/stripe", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver.received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["Stripe-Signature"].ToString()));
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        receiver.Url = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/webhooks/stripe";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
