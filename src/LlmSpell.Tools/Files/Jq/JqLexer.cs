using System.Globalization;
using System.Text;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Tokenises a jq program (the subset of tools.md §5.12).</summary>
internal static class JqLexer
{
    private static readonly string[] Puncts = ["?//", "|=", "+=", "-=", "*=", "/=", "%=", "//=", "==", "!=", "<=", ">=", "//", "..", "|", ",", ".", "[", "]", "{", "}", "(", ")", ":", ";", "<", ">", "+", "-", "*", "/", "%", "?", "="];

    public static List<JqToken> Tokenize(string src, int offset = 0)
    {
        var tokens = new List<JqToken>();
        var i = 0;
        while (true)
        {
            while (i < src.Length && (char.IsWhiteSpace(src[i]) || src[i] == '#'))
            {
                if (src[i] == '#')
                {
                    while (i < src.Length && src[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }

            if (i >= src.Length)
            {
                tokens.Add(new JqToken(JqTokenKind.End, "", offset + i));
                return tokens;
            }

            var c = src[i];
            var start = i;
            if (c == '"')
            {
                tokens.Add(ReadString(src, ref i, offset));
            }
            else if (c == '.' && i + 1 < src.Length && (IsIdentStart(src[i + 1]) ))
            {
                i++;
                while (i < src.Length && IsIdentPart(src[i]))
                {
                    i++;
                }

                tokens.Add(new JqToken(JqTokenKind.Field, src[(start + 1)..i], offset + start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < src.Length && char.IsAsciiDigit(src[i + 1])))
            {
                while (i < src.Length && (char.IsAsciiDigit(src[i]) || src[i] == '.'))
                {
                    i++;
                }

                if (i < src.Length && (src[i] == 'e' || src[i] == 'E'))
                {
                    i++;
                    if (i < src.Length && (src[i] == '+' || src[i] == '-'))
                    {
                        i++;
                    }

                    while (i < src.Length && char.IsAsciiDigit(src[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new JqToken(JqTokenKind.Number, src[start..i], offset + start));
            }
            else if (c == '$' || c == '@' || IsIdentStart(c))
            {
                i++;
                while (i < src.Length && (IsIdentPart(src[i]) || (src[i] == ':' && i + 1 < src.Length && src[i + 1] == ':')))
                {
                    i += src[i] == ':' ? 2 : 1;
                }

                var kind = c == '$' ? JqTokenKind.Variable : c == '@' ? JqTokenKind.Format : JqTokenKind.Identifier;
                var text = c is '$' or '@' ? src[(start + 1)..i] : src[start..i];
                if (text.Length == 0)
                {
                    throw new JqSyntaxException($"unexpected '{c}' at position {offset + start}");
                }

                tokens.Add(new JqToken(kind, text, offset + start));
            }
            else
            {
                var p = Puncts.FirstOrDefault(p => string.CompareOrdinal(src, i, p, 0, p.Length) == 0)
                    ?? throw new JqSyntaxException($"unexpected character '{c}' at position {offset + start}");
                i += p.Length;
                tokens.Add(new JqToken(JqTokenKind.Punct, p, offset + start));
            }
        }
    }

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static JqToken ReadString(string src, ref int i, int offset)
    {
        var start = i;
        i++;
        var parts = new List<(bool, string, int)>();
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= src.Length)
            {
                throw new JqSyntaxException($"unterminated string starting at position {offset + start}");
            }

            var c = src[i];
            if (c == '"')
            {
                i++;
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= src.Length)
            {
                throw new JqSyntaxException($"unterminated string starting at position {offset + start}");
            }

            var e = src[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'u' when i + 4 <= src.Length:
                    sb.Append((char)int.Parse(src.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case '(':
                    parts.Add((false, sb.ToString(), 0));
                    sb.Clear();
                    var depth = 1;
                    var codeStart = i;
                    while (i < src.Length && depth > 0)
                    {
                        if (src[i] == '"')
                        {
                            ReadString(src, ref i, offset);
                            continue;
                        }

                        depth += src[i] == '(' ? 1 : src[i] == ')' ? -1 : 0;
                        i++;
                    }

                    if (depth > 0)
                    {
                        throw new JqSyntaxException($"unterminated interpolation at position {offset + codeStart}");
                    }

                    parts.Add((true, src[codeStart..(i - 1)], offset + codeStart));
                    break;
                default:
                    throw new JqSyntaxException($"invalid escape '\\{e}' at position {offset + i - 2}");
            }
        }

        parts.Add((false, sb.ToString(), 0));
        return new JqToken(JqTokenKind.String, parts.Count == 1 ? (string)parts[0].Item2 : src[start..i], offset + start, parts);
    }
}
