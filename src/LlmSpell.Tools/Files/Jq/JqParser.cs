using System.Globalization;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>
/// Recursive-descent parser for the jq subset (tools.md §5.12). Precedence, lowest first:
/// <c>|</c>, <c>,</c>, <c>//</c>, <c>or</c>, <c>and</c>, comparisons, <c>+ -</c>, <c>* / %</c>, unary minus, postfix.
/// </summary>
internal sealed partial class JqParser
{
    private static readonly HashSet<string> Unavailable = ["env", "input", "inputs", "debug", "stderr", "input_filename", "include", "import", "$ENV", "$__loc__"];
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private readonly List<JqToken> _tokens;
    private int _pos;

    private JqParser(List<JqToken> tokens) => _tokens = tokens;

    public static JqNode Parse(string program, int offset = 0)
    {
        var parser = new JqParser(JqLexer.Tokenize(program, offset));
        var node = parser.ParsePipe();
        if (parser.Peek.Kind != JqTokenKind.End)
        {
            throw parser.Error();
        }

        return node;
    }

    private JqToken Peek => _tokens[_pos];

    private JqToken Next() => _tokens[_pos++];

    private bool IsPunct(string p) => Peek.Kind == JqTokenKind.Punct && Peek.Text == p;

    private bool IsKeyword(string k) => Peek.Kind == JqTokenKind.Identifier && Peek.Text == k;

    private bool Accept(string p)
    {
        if (IsPunct(p))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(string p)
    {
        if (!Accept(p))
        {
            throw Error($"expected '{p}'");
        }
    }

    private void ExpectKeyword(string k)
    {
        if (!IsKeyword(k))
        {
            throw Error($"expected '{k}'");
        }

        _pos++;
    }

    private JqSyntaxException Error(string? what = null)
    {
        var t = Peek;
        var shown = t.Kind == JqTokenKind.End ? "end of program" : $"'{t.Text}'";
        return new JqSyntaxException($"syntax error: {(what is null ? "unexpected " + shown : what + ", got " + shown)} at position {t.Position}");
    }

    private JqNode ParsePipe()
    {
        var left = ParseComma();
        if (Accept("|"))
        {
            return new JqNode(JqNodeKind.Pipe) { A = left, B = ParsePipe() };
        }

        return left;
    }

    private JqNode ParseComma()
    {
        var left = ParseAlternative();
        while (Accept(","))
        {
            left = new JqNode(JqNodeKind.Comma) { A = left, B = ParseAlternative() };
        }

        return left;
    }

    private JqNode ParseAlternative()
    {
        var left = ParseOr();
        if (IsPunct("?//"))
        {
            throw Error("destructuring alternatives are not supported");
        }

        if (IsPunct("=") || IsPunct("|=") || IsPunct("+=") || IsPunct("-=") || IsPunct("*=") || IsPunct("/=") || IsPunct("%=") || IsPunct("//="))
        {
            var op = Next().Text;
            return new JqNode(JqNodeKind.Update) { Name = op, A = left, B = ParseAlternative() };
        }

        return Accept("//") ? new JqNode(JqNodeKind.Alternative) { A = left, B = ParseAlternative() } : left;
    }

    private JqNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            _pos++;
            left = new JqNode(JqNodeKind.Or) { A = left, B = ParseAnd() };
        }

        return left;
    }

    private JqNode ParseAnd()
    {
        var left = ParseComparison();
        while (IsKeyword("and"))
        {
            _pos++;
            left = new JqNode(JqNodeKind.And) { A = left, B = ParseComparison() };
        }

        return left;
    }

    private JqNode ParseComparison()
    {
        var left = ParseAdditive();
        if (Peek.Kind == JqTokenKind.Punct && Comparisons.Contains(Peek.Text))
        {
            var op = Next().Text;
            return new JqNode(JqNodeKind.Binary) { Name = op, A = left, B = ParseAdditive() };
        }

        return left;
    }

    private JqNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsPunct("+") || IsPunct("-"))
        {
            var op = Next().Text;
            left = new JqNode(JqNodeKind.Binary) { Name = op, A = left, B = ParseMultiplicative() };
        }

        return left;
    }

    private JqNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (IsPunct("*") || IsPunct("/") || IsPunct("%"))
        {
            var op = Next().Text;
            left = new JqNode(JqNodeKind.Binary) { Name = op, A = left, B = ParseUnary() };
        }

        return left;
    }

    private JqNode ParseUnary() =>
        Accept("-") ? new JqNode(JqNodeKind.Negate) { A = ParseUnary() } : ParsePostfix(allowBind: true);

    private JqNode ParsePostfix(bool allowBind)
    {
        var term = ParsePrimary();
        while (true)
        {
            if (Peek.Kind == JqTokenKind.Field)
            {
                term = new JqNode(JqNodeKind.Field) { A = term, Name = Next().Text };
            }
            else if (IsPunct(".") && _tokens[_pos + 1].Kind == JqTokenKind.String)
            {
                _pos++;
                term = new JqNode(JqNodeKind.Index) { A = term, B = ParsePrimary() };
            }
            else if (IsPunct(".") && _tokens[_pos + 1] is { Kind: JqTokenKind.Punct, Text: "[" })
            {
                _pos++;
            }
            else if (Accept("["))
            {
                term = ParseBracket(term);
            }
            else if (Accept("?"))
            {
                term = new JqNode(JqNodeKind.Try) { A = term };
            }
            else
            {
                break;
            }
        }

        if (allowBind && IsKeyword("as"))
        {
            _pos++;
            var name = Peek.Kind == JqTokenKind.Variable ? Next().Text : throw Error("expected a variable after 'as'");
            Expect("|");
            return new JqNode(JqNodeKind.Bind) { A = term, Name = name, B = ParsePipe() };
        }

        return term;
    }

    private JqNode ParseBracket(JqNode target)
    {
        if (Accept("]"))
        {
            return new JqNode(JqNodeKind.Iterate) { A = target };
        }

        if (Accept(":"))
        {
            var to = ParsePipe();
            Expect("]");
            return new JqNode(JqNodeKind.Slice) { A = target, C = to };
        }

        var index = ParsePipe();
        if (Accept(":"))
        {
            var to = IsPunct("]") ? null : ParsePipe();
            Expect("]");
            return new JqNode(JqNodeKind.Slice) { A = target, B = index, C = to };
        }

        Expect("]");
        return new JqNode(JqNodeKind.Index) { A = target, B = index };
    }

    private JqNode ParsePrimary()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case JqTokenKind.Number:
                _pos++;
                return new JqNode(JqNodeKind.Literal) { Value = JqValues.Num(double.Parse(t.Text, CultureInfo.InvariantCulture)) };
            case JqTokenKind.String:
                _pos++;
                return StringNode(t);
            case JqTokenKind.Field:
                _pos++;
                return new JqNode(JqNodeKind.Field) { A = JqNode.Identity, Name = t.Text };
            case JqTokenKind.Variable:
                _pos++;
                return Unavailable.Contains("$" + t.Text)
                    ? throw new JqSyntaxException($"unknown function '${t.Text}/0'")
                    : new JqNode(JqNodeKind.Variable) { Name = t.Text };
            case JqTokenKind.Format:
                _pos++;
                return new JqNode(JqNodeKind.Call) { Name = "@" + t.Text };
            case JqTokenKind.Identifier:
                return ParseKeywordOrCall();
        }

        if (Accept(".."))
        {
            return new JqNode(JqNodeKind.RecurseAll);
        }

        if (Accept("."))
        {
            return Peek.Kind == JqTokenKind.String ? new JqNode(JqNodeKind.Index) { A = JqNode.Identity, B = StringNode(Next()) } : JqNode.Identity;
        }

        if (Accept("("))
        {
            var inner = ParsePipe();
            Expect(")");
            return inner;
        }

        if (Accept("["))
        {
            if (Accept("]"))
            {
                return new JqNode(JqNodeKind.ArrayConstruct);
            }

            var body = ParsePipe();
            Expect("]");
            return new JqNode(JqNodeKind.ArrayConstruct) { A = body };
        }

        if (Accept("{"))
        {
            return ParseObject();
        }

        throw Error();
    }

    private static JqNode StringNode(JqToken t)
    {
        if (t.Parts is not { Count: > 1 } parts)
        {
            return new JqNode(JqNodeKind.Literal) { Value = JsonValue.Create(t.Text) };
        }

        var nodes = parts.Select(p => p.IsCode ? Parse(p.Text, p.Position) : new JqNode(JqNodeKind.Literal) { Value = JsonValue.Create(p.Text) }).ToList();
        return new JqNode(JqNodeKind.Interpolation) { Args = nodes };
    }
}
