using System.Globalization;
using System.Text;

namespace Kiln.Bake.Printing;

/// <summary>Writes JSON text the way Go's json.MarshalIndent(v, "", "  ") does: HTML characters escaped, two-space indent.</summary>
internal sealed class GoJsonWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _empty = new();
    private bool _afterKey;

    public void BeginObject() => Begin('{');

    public void EndObject() => End('}');

    public void BeginArray() => Begin('[');

    public void EndArray() => End(']');

    public void Key(string key)
    {
        NewItem();
        AppendString(key);
        _sb.Append(": ");
        _afterKey = true;
    }

    public void Value(string value)
    {
        Prefix();
        AppendString(value);
    }

    public void Value(bool value)
    {
        Prefix();
        _sb.Append(value ? "true" : "false");
    }

    public void Null()
    {
        Prefix();
        _sb.Append("null");
    }

    public override string ToString() => _sb.ToString();

    private void Begin(char open)
    {
        Prefix();
        _sb.Append(open);
        _empty.Push(true);
    }

    private void End(char close)
    {
        if (!_empty.Pop())
        {
            _sb.Append('\n').Append(' ', _empty.Count * 2);
        }

        _sb.Append(close);
    }

    // A value right after its key stays on the key's line; an array item starts a new line.
    private void Prefix()
    {
        if (_afterKey)
        {
            _afterKey = false;
        }
        else if (_empty.Count > 0)
        {
            NewItem();
        }
    }

    private void NewItem()
    {
        if (!_empty.Pop())
        {
            _sb.Append(',');
        }

        _empty.Push(false);
        _sb.Append('\n').Append(' ', _empty.Count * 2);
    }

    private void AppendString(string s)
    {
        _sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: _sb.Append(c); break;
            }
        }

        _sb.Append('"');
    }
}
