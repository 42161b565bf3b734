using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;

namespace Kiln.Registry;

/// <summary>
/// The Polly pipelines that retry registry traffic with exponential backoff and jitter: one per HTTP request
/// (429, 5xx, dropped connections; Retry-After honoured) and one around multi-request operations such as uploads.
/// </summary>
internal sealed class RetryPolicies
{
    public RetryPolicies(RegistryOptions options, TimeProvider time)
    {
        var maxDelay = options.RetryMaxDelay;
        Request = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(IsDroppedConnection)
                    .Handle<IOException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result?.Headers.RetryAfter, time, maxDelay)),
            })
            .Build();
        Operation = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TransientRegistryException>()
                    .Handle<BrokenBodyException>()
                    .Handle<HttpRequestException>(IsDroppedConnection)
                    .Handle<IOException>(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is TransientRegistryException { RetryAfter: { } after } ? Clamp(after, maxDelay) : null),
            })
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Request { get; }

    public ResiliencePipeline Operation { get; }

    public static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.RequestTimeout || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    /// <summary>The wait a Retry-After header asks for (delta seconds or a date), capped; null when absent.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time, TimeSpan max)
    {
        if (header?.Delta is { } delta)
        {
            return Clamp(delta, max);
        }

        if (header?.Date is { } date)
        {
            return Clamp(date - time.GetUtcNow(), max);
        }

        return null;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;

    private static bool IsDroppedConnection(HttpRequestException e) =>
        e.StatusCode is null && e.HttpRequestError is not HttpRequestError.NameResolutionError and not HttpRequestError.SecureConnectionError;
}
