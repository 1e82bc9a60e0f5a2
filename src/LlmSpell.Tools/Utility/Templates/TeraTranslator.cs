using System.Text;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>
/// Rewrites the Tera/Jinja subset of tools.md §5.7 into Liquid for Fluid (the closest well-kept
/// engine on .NET). Liquid already shares paths, literals, comparisons, and/or, for/if, raw and
/// whitespace control; the differences are rewritten tag by tag: <c>elif</c>, <c>set</c>,
/// <c>if not</c>, <c>x in y</c>, <c>for k, v in map</c>, <c>loop.*</c>, filter call syntax
/// <c>f(a=1)</c> and <c>{# comments #}</c>. A position map keeps syntax-error
/// locations pointing at the original text.
/// </summary>
internal static partial class TeraTranslator
{
    public static string Translate(string source)
    {
        var sb = new StringBuilder(source.Length + 64);
        var blocks = new Stack<string>();
        var pos = 0;
        while (pos < source.Length)
        {
            var open = source.IndexOf('{', pos);
            if (open < 0 || open + 1 >= source.Length)
            {
                sb.Append(source, pos, source.Length - pos);
                break;
            }

            sb.Append(source, pos, open - pos);
            var kind = source[open + 1];
            if (kind is not ('{' or '%' or '#'))
            {
                sb.Append('{');
                pos = open + 1;
                continue;
            }

            var closeToken = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
            var close = source.IndexOf(closeToken, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                // Leave it to the Liquid parser to report the unterminated tag with its position.
                sb.Append(source, open, source.Length - open);
                break;
            }

            var tag = source[open..(close + 2)];
            pos = close + 2;
            if (kind == '#')
            {
                sb.Append(Newlines(tag));
                continue;
            }

            if (kind == '%' && RawOpen().IsMatch(tag))
            {
                var end = RawClose().Match(source, pos);
                var stop = end.Success ? end.Index + end.Length : source.Length;
                sb.Append(tag).Append(source, pos, stop - pos);
                pos = stop;
                continue;
            }

            sb.Append(kind == '{' ? Expression(tag) : Statement(tag, blocks));
        }

        return sb.ToString();
    }

    private static string Expression(string tag) => Filters(LoopVariables(tag));

    private static string Statement(string tag, Stack<string> blocks)
    {
        var m = TagParts().Match(tag);
        if (!m.Success)
        {
            return tag;
        }

        var (open, name, body, close) = (m.Groups["open"].Value, m.Groups["name"].Value, m.Groups["body"].Value, m.Groups["close"].Value);
        string Make(string n, string b) => $"{open} {n}{(b.Length > 0 ? " " + b : string.Empty)} {close}";
        body = Filters(LoopVariables(body));
        switch (name)
        {
            case "if":
                if (NotPrefix().Match(body) is { Success: true } not)
                {
                    blocks.Push("unless");
                    return Make("unless", Condition(not.Groups[1].Value));
                }

                blocks.Push("if");
                return Make("if", Condition(body));
            case "elif":
                return Make("elsif", Condition(body));
            case "endif":
                return Make(blocks.Count > 0 && blocks.Pop() == "unless" ? "endunless" : "endif", string.Empty);
            case "for":
                blocks.Push("for");
                if (ForPair().Match(body) is { Success: true } pair)
                {
                    var item = $"__kv_{pair.Groups["k"].Value}";
                    return Make("for", $"{item} in {pair.Groups["src"].Value}") +
                        $"{{% assign {pair.Groups["k"].Value} = {item}[0] %}}{{% assign {pair.Groups["v"].Value} = {item}[1] %}}";
                }

                return Make("for", body);
            case "endfor":
                if (blocks.Count > 0)
                {
                    blocks.Pop();
                }

                return Make("endfor", string.Empty);
            case "set":
                return Make("assign", body);
            default:
                return Make(name, body);
        }
    }

    /// <summary><c>a in b</c> becomes <c>b contains a</c> (Liquid has no <c>in</c>).</summary>
    private static string Condition(string body) => InOperator().Replace(body, "${b} contains ${a}");

    private static string LoopVariables(string text) => LoopVar().Replace(text, "forloop.");

    /// <summary><c>| f(a=1, b="x")</c> becomes <c>| f: a: 1, b: "x"</c>; <c>| safe</c> becomes <c>| raw</c>.</summary>
    private static string Filters(string text)
    {
        var withArgs = FilterCall().Replace(text, m =>
        {
            var args = NamedArg().Replace(m.Groups["args"].Value, "${n}: ");
            return args.Trim().Length == 0 ? $"| {m.Groups["name"].Value}" : $"| {m.Groups["name"].Value}: {args}";
        });
        return SafeFilter().Replace(withArgs, "| raw");
    }

    private static string Newlines(string s) => new('\n', s.Count(c => c == '\n'));

    [GeneratedRegex(@"^\{%-?\s*raw\s*-?%\}$")]
    private static partial Regex RawOpen();

    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}")]
    private static partial Regex RawClose();

    [GeneratedRegex(@"^(?<open>\{%-?)\s*(?<name>\w+)\s*(?<body>.*?)\s*(?<close>-?%\})$", RegexOptions.Singleline)]
    private static partial Regex TagParts();

    [GeneratedRegex(@"^not\s+(.+)$", RegexOptions.Singleline)]
    private static partial Regex NotPrefix();

    [GeneratedRegex(@"^(?<k>\w+)\s*,\s*(?<v>\w+)\s+in\s+(?<src>.+)$", RegexOptions.Singleline)]
    private static partial Regex ForPair();

    [GeneratedRegex(@"(?<a>""[^""]*""|'[^']*'|[\w.\[\]""']+)\s+in\s+(?<b>[\w.\[\]""']+)")]
    private static partial Regex InOperator();

    [GeneratedRegex(@"\bloop\.")]
    private static partial Regex LoopVar();

    [GeneratedRegex(@"\|\s*(?<name>\w+)\s*\((?<args>[^()]*)\)")]
    private static partial Regex FilterCall();

    [GeneratedRegex(@"(?<n>\b\w+)\s*=(?!=)\s*")]
    private static partial Regex NamedArg();

    [GeneratedRegex(@"\|\s*safe\b")]
    private static partial Regex SafeFilter();
}
