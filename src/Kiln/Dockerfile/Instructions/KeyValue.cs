using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>A key and its raw value from ENV or LABEL; Legacy marks the <c>KEY name value</c> form.</summary>
internal sealed record KeyValue(Word Key, Word Value, bool Legacy);
