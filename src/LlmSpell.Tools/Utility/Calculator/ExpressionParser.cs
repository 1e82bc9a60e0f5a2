using System.Globalization;

namespace LlmSpell.Tools.Utility.Calculator;

/// <summary>
/// Evaluates the calculator language of tools.md §5.2 by recursive descent.
/// Hand-written on purpose: the spec fixes an exact grammar (C-style logic operators, right
/// associative <c>^</c>, <c>log(b, x)</c>, 1/0 comparisons) and limits (nesting ≤ 100); expression
/// libraries on the mirror (NCalc and friends) use different operators and precedence, and adapting
/// them would be more code than this parser.
/// </summary>
internal sealed class ExpressionParser
{
    public const int MaxDepth = 100;

    private readonly string _text;
    private readonly IReadOnlyDictionary<string, double> _variables;
    private readonly CancellationToken _cancellation;
    private int _pos;
    private int _depth;

    private ExpressionParser(string text, IReadOnlyDictionary<string, double> variables, CancellationToken cancellation)
    {
        _text = text;
        _variables = variables;
        _cancellation = cancellation;
    }

    /// <summary>Evaluates <paramref name="text"/>; problems throw <see cref="ExpressionException"/>.</summary>
    public static double Evaluate(string text, IReadOnlyDictionary<string, double> variables, CancellationToken cancellation = default)
    {
        var p = new ExpressionParser(text, variables, cancellation);
        p.SkipSpace();
        if (p._pos >= text.Length)
        {
            throw new ExpressionException("empty expression");
        }

        var value = p.ParseOr();
        p.SkipSpace();
        return p._pos < text.Length ? throw p.Error($"unexpected '{text[p._pos]}'") : value;
    }

    private double ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            var right = ParseAnd();
            left = Truth(left) || Truth(right) ? 1 : 0;
        }

        return left;
    }

    private double ParseAnd()
    {
        var left = ParseComparison();
        while (Accept("&&"))
        {
            var right = ParseComparison();
            left = Truth(left) && Truth(right) ? 1 : 0;
        }

        return left;
    }

    private double ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (Accept("=="))
            {
                left = left == ParseAdditive() ? 1 : 0;
            }
            else if (Accept("!="))
            {
                left = left != ParseAdditive() ? 1 : 0;
            }
            else if (Accept("<="))
            {
                left = left <= ParseAdditive() ? 1 : 0;
            }
            else if (Accept(">="))
            {
                left = left >= ParseAdditive() ? 1 : 0;
            }
            else if (Accept("<"))
            {
                left = left < ParseAdditive() ? 1 : 0;
            }
            else if (Accept(">"))
            {
                left = left > ParseAdditive() ? 1 : 0;
            }
            else
            {
                return left;
            }
        }
    }

    private double ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (Accept("+"))
            {
                left += ParseMultiplicative();
            }
            else if (Accept("-"))
            {
                left -= ParseMultiplicative();
            }
            else
            {
                return left;
            }
        }
    }

    private double ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Accept("*"))
            {
                left *= ParseUnary();
            }
            else if (Accept("/"))
            {
                left /= ParseUnary();
            }
            else if (Accept("%"))
            {
                left %= ParseUnary();
            }
            else
            {
                return left;
            }
        }
    }

    private double ParseUnary()
    {
        Enter();
        try
        {
            if (Accept("-"))
            {
                return -ParseUnary();
            }

            if (Accept("+"))
            {
                return ParseUnary();
            }

            if (!Peek("!=") && Accept("!"))
            {
                return Truth(ParseUnary()) ? 0 : 1;
            }

            return ParsePower();
        }
        finally
        {
            _depth--;
        }
    }

    private double ParsePower()
    {
        var b = ParsePrimary();
        if (Accept("^"))
        {
            // Right-associative, and binds tighter than unary minus on its left: -2^2 = -4.
            return Math.Pow(b, ParseUnary());
        }

        return b;
    }

    private double ParsePrimary()
    {
        _cancellation.ThrowIfCancellationRequested();
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of expression");
        }

        var c = _text[_pos];
        if (Accept("("))
        {
            Enter();
            var inner = ParseOr();
            _depth--;
            return Accept(")") ? inner : throw Error("expected ')'");
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            return ParseNumber();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            var name = _text[start.._pos];
            if (Accept("("))
            {
                return CallFunction(name, ParseArguments());
            }

            if (_variables.TryGetValue(name, out var v))
            {
                return v;
            }

            return name switch
            {
                "pi" => Math.PI,
                "e" => Math.E,
                _ => throw new ExpressionException($"unknown variable '{name}'"),
            };
        }

        throw Error($"unexpected '{c}'");
    }

    private List<double> ParseArguments()
    {
        var args = new List<double>();
        if (Accept(")"))
        {
            return args;
        }

        Enter();
        do
        {
            args.Add(ParseOr());
        }
        while (Accept(","));
        _depth--;
        return Accept(")") ? args : throw Error("expected ')'");
    }

    private double ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            var save = _pos;
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        var token = _text[start.._pos];
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new ExpressionException($"invalid number '{token}' at position {start + 1}");
    }

    private static double CallFunction(string name, List<double> a) => CalculatorFunctions.Call(name, a);

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ExpressionException($"expression nested deeper than {MaxDepth} levels");
        }
    }

    private static bool Truth(double d) => d != 0 && !double.IsNaN(d);

    private bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0;
    }

    private bool Accept(string token)
    {
        if (!Peek(token))
        {
            return false;
        }

        _pos += token.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private ExpressionException Error(string what) => new($"syntax error at position {_pos + 1}: {what}");
}
