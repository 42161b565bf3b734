using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>One name of an ARG, with its raw default when '=' was given.</summary>
internal sealed record ArgDeclaration(Word Name, Word? Default);
