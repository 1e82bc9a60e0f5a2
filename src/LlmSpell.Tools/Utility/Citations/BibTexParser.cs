using System.Globalization;
using System.Text;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.Citations;

/// <summary>
/// Reads BibTeX: <c>@type{key, field = {…} | "…" | number | macro # …}</c>, <c>@string</c> macros,
/// month macros; <c>@comment</c> and <c>@preamble</c> are skipped. Hand-written because the
/// BibTeX readers on NuGet are unmaintained and the grammar is small; errors carry the line.
/// </summary>
internal sealed class BibTexParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private readonly string _text;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    private int _pos;

    private BibTexParser(string text)
    {
        _text = text;
        foreach (var m in Months)
        {
            _macros[m] = m;
        }
    }

    /// <summary>Raw entries: type, key, and fields (lower-case names, values with braces kept).</summary>
    public static List<(string Type, string Key, Dictionary<string, string> Fields)> Parse(string text)
    {
        var p = new BibTexParser(text);
        var entries = new List<(string, string, Dictionary<string, string>)>();
        while (true)
        {
            var at = p._text.IndexOf('@', p._pos);
            if (at < 0)
            {
                return entries;
            }

            p._pos = at + 1;
            var type = p.Identifier().ToLowerInvariant();
            p.SkipSpace();
            var open = p.Next();
            if (open is not ('{' or '('))
            {
                throw p.Error($"expected '{{' after '@{type}'");
            }

            var close = open == '{' ? '}' : ')';
            if (type is "comment" or "preamble")
            {
                p._pos--;
                p.Balanced(open, close);
                continue;
            }

            if (type == "string")
            {
                var (name, value) = p.Field();
                p._macros[name] = value;
                p.SkipSpace();
                p.Expect(close);
                continue;
            }

            var key = p.Until(',', close).Trim();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                p.SkipSpace();
                if (p.Peek() == ',')
                {
                    p._pos++;
                    continue;
                }

                if (p.Peek() == close)
                {
                    p._pos++;
                    break;
                }

                var (name, value) = p.Field();
                fields[name] = value;
            }

            entries.Add((type, key, fields));
        }
    }

    private (string Name, string Value) Field()
    {
        SkipSpace();
        var name = Identifier().ToLowerInvariant();
        if (name.Length == 0)
        {
            throw Error("expected a field name");
        }

        SkipSpace();
        Expect('=');
        var value = new StringBuilder();
        while (true)
        {
            SkipSpace();
            var c = Peek();
            if (c == '{')
            {
                value.Append(Balanced('{', '}')[1..^1]);
            }
            else if (c == '"')
            {
                value.Append(Quoted());
            }
            else if (char.IsAsciiDigit(c))
            {
                value.Append(Identifier());
            }
            else
            {
                var macro = Identifier();
                value.Append(_macros.TryGetValue(macro, out var v) ? v : throw Error($"undefined macro '{macro}'"));
            }

            SkipSpace();
            if (Peek() != '#')
            {
                return (name, value.ToString());
            }

            _pos++;
        }
    }

    private string Balanced(char open, char close)
    {
        var start = _pos;
        Expect(open);
        var depth = 1;
        while (depth > 0)
        {
            var c = Next();
            if (c == '\0')
            {
                _pos = start;
                throw Error($"unbalanced '{open}'");
            }

            depth += c == open ? 1 : c == close ? -1 : 0;
        }

        return _text[start.._pos];
    }

    private string Quoted()
    {
        var start = _pos;
        Expect('"');
        var depth = 0;
        while (true)
        {
            var c = Next();
            if (c == '\0')
            {
                _pos = start;
                throw Error("unterminated string");
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == '"' && depth == 0)
            {
                return _text[(start + 1)..(_pos - 1)];
            }
        }
    }

    private string Identifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or ':' or '.' or '+' or '/'))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private string Until(char a, char b)
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] != a && _text[_pos] != b)
        {
            _pos++;
        }

        return _pos < _text.Length ? _text[start.._pos] : throw Error("unterminated entry");
    }

    private void Expect(char c)
    {
        if (Next() != c)
        {
            _pos--;
            throw Error($"expected '{c}'");
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private char Next() => _pos < _text.Length ? _text[_pos++] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private ToolFailureException Error(string what)
    {
        var line = _text.AsSpan(0, Math.Min(_pos, _text.Length)).Count('\n') + 1;
        return ToolFailureException.Failed($"invalid BibTeX at line {line.ToString(CultureInfo.InvariantCulture)}: {what}", "invalid_parameter");
    }
}
