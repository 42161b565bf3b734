using Kiln.Diagnostics;

namespace Kiln.Registry;

/// <summary>The connection broke while a body was being read; fetching again from the start may succeed.</summary>
internal sealed class BrokenBodyException(string message, Exception inner)
    : KilnException(ErrorCodes.RegistrySizeMismatch, message, inner: inner);
