using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl;

/// <summary>The attributes and nested blocks of a file or block, each in source order.</summary>
internal sealed record HclBody(ImmutableArray<HclAttribute> Attributes, ImmutableArray<HclBlock> Blocks, SourceSpan Span)
{
    public HclAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOfType(string type) => Blocks.Where(b => b.Type == type);
}
