using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Host.Pipeline.RateLimiting;
using Platform.SharedKernel.Caching;
using Platform.TestKit;
using Shouldly;
using StackExchange.Redis;

namespace Platform.Foundation.Tests.Pipeline;

/// <summary>
/// Redis answering badly must not refuse traffic: whatever the client throws (not only its own RedisException), the
/// counter falls back to counting in the process. The failures are the ones seen under load from a real connection.
/// </summary>
public sealed class RateLimitRedisFailureTests
{
    [TestCase(typeof(TaskCanceledException))]
    [TestCase(typeof(InvalidOperationException))]
    [TestCase(typeof(RedisTimeoutException))]
    public async Task A_failing_redis_call_falls_back_to_the_process_counter(Type failure)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestDatabase.RedisConnectionString);
        using var fallback = new MemoryRateLimitCounter();
        var counter = new RedisRateLimitCounter(FailingScripts.Around(redis, failure), new RedisNamespace($"fail-{Guid.NewGuid():N}:"),
            fallback, NullLogger<RedisRateLimitCounter>.Instance);

        var first = await counter.HitAsync("caller", limit: 1, TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await counter.HitAsync("caller", limit: 1, TimeSpan.FromMinutes(1), CancellationToken.None);

        first.Allowed.ShouldBeTrue();
        second.Allowed.ShouldBeFalse("the process counter still enforces the limit");
    }

    /// <summary>The real connection, except that evaluating a script throws <see cref="Failure"/>.</summary>
    public class FailingScripts : DispatchProxy
    {
        private object target = null!;
        private Type failure = null!;

        public static IConnectionMultiplexer Around(IConnectionMultiplexer connection, Type failure) => Wrap(connection, failure);

        private static T Wrap<T>(T target, Type failure) where T : class
        {
            var proxy = Create<T, FailingScripts>();
            var self = (FailingScripts)(object)proxy;
            self.target = target;
            self.failure = failure;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IDatabaseAsync.ScriptEvaluateAsync))
            {
                var exception = failure == typeof(RedisTimeoutException)
                    ? new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent)
                    : (Exception)Activator.CreateInstance(failure)!;
                return Task.FromException<RedisResult>(exception);
            }
            var result = method.Invoke(target, args);
            return method.Name == nameof(IConnectionMultiplexer.GetDatabase) ? Wrap((IDatabase)result!, failure) : result;
        }
    }
}
