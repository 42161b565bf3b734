using System.Collections.Immutable;
using System.Text;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// Collects the words of an expansion: unquoted whitespace (including whitespace produced by a
/// variable's value) separates words, quoted and escaped text never does, and empty words are dropped.
/// </summary>
internal sealed class WordAccumulator
{
    private readonly ImmutableArray<string>.Builder _words = ImmutableArray.CreateBuilder<string>();
    private readonly StringBuilder _word = new();
    private bool _inWord;

    /// <summary>Adds a character that splits words when it is whitespace.</summary>
    public void Add(Rune ch)
    {
        if (Rune.IsWhiteSpace(ch))
        {
            if (_inWord && _word.Length != 0)
            {
                Flush();
            }

            return;
        }

        AddRaw(ch);
    }

    public void Add(string text)
    {
        foreach (var ch in text.EnumerateRunes())
        {
            Add(ch);
        }
    }

    /// <summary>Adds a character that is part of the current word whatever it is.</summary>
    public void AddRaw(Rune ch)
    {
        _word.Append(ch.ToString());
        _inWord = true;
    }

    public void AddRaw(string text)
    {
        _word.Append(text);
        _inWord = true;
    }

    public ImmutableArray<string> ToWords()
    {
        if (_word.Length > 0)
        {
            Flush();
        }

        return _words.ToImmutable();
    }

    private void Flush()
    {
        _words.Add(_word.ToString());
        _word.Clear();
        _inWord = false;
    }
}
