using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Utility.Text;

/// <summary>Line-oriented operations and counting for text_manipulator.</summary>
internal static partial class TextLayout
{
    /// <summary>Length in user-perceived characters (grapheme clusters).</summary>
    public static int Length(string s) => new StringInfo(s).LengthInTextElements;

    public static string Reverse(string s)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }

        elements.Reverse();
        return string.Concat(elements);
    }

    public static string Substring(string s, long start, long? end)
    {
        var info = new StringInfo(s);
        var len = info.LengthInTextElements;
        var from = (int)Math.Clamp(start, 0, len);
        var to = (int)Math.Clamp(end ?? len, from, len);
        return info.SubstringByTextElements(from, to - from);
    }

    public static string Sanitize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static string Truncate(string s, long max, string suffix)
    {
        var len = Length(s);
        if (len <= max)
        {
            return s;
        }

        var keep = (int)Math.Max(0, max - Length(suffix));
        return new StringInfo(s).SubstringByTextElements(0, keep) + suffix;
    }

    public static string Indent(string s, long spaces)
    {
        var pad = new string(' ', (int)Math.Clamp(spaces, 0, 1000));
        return string.Join('\n', s.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }

    public static string Dedent(string s)
    {
        var lines = s.Split('\n');
        var common = lines.Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart(' ', '\t').Length)
            .DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= common ? l[common..] : l.TrimStart(' ', '\t')));
    }

    public static string NormalizeWhitespace(string s) => Whitespace().Replace(s, " ").Trim();

    public static string WordWrap(string s, long width)
    {
        var w = (int)Math.Max(1, width);
        var output = new List<string>();
        foreach (var paragraph in s.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > w)
                {
                    output.Add(line.ToString());
                    line.Clear();
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            output.Add(line.ToString());
        }

        return string.Join('\n', output);
    }

    public static (int Words, int Lines, int Sentences) Count(string s)
    {
        var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var lines = s.Length == 0 ? 0 : s.TrimEnd('\n').Split('\n').Length;
        var sentences = SentenceEnd().Count(s);
        if (sentences == 0 && s.Trim().Length > 0)
        {
            sentences = 1;
        }
        else if (s.Trim().Length > 0 && !SentenceEnd().IsMatch(s.TrimEnd()[^1..]))
        {
            sentences++;
        }

        return (words, lines, sentences);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[.!?]+")]
    private static partial Regex SentenceEnd();
}
