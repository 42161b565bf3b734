using System.Net;
using Kiln.Diagnostics;

namespace Kiln.Registry;

/// <summary>A registry answer worth retrying (429 or 5xx) raised inside a multi-request operation such as an upload.</summary>
internal sealed class TransientRegistryException(string message, HttpStatusCode status, TimeSpan? retryAfter)
    : KilnException(ErrorCodes.RegistryRequestFailed, message)
{
    public HttpStatusCode Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
