using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Shell;

namespace Kiln.Dockerfile.Checks;

/// <summary>A word an instruction expands, its result, and the ARG names declared at that moment.</summary>
internal sealed record ExpandedWord(Word Source, ExpansionResult Result, ImmutableHashSet<string> DeclaredArgs);
