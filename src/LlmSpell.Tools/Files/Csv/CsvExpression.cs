using System.Globalization;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files.Csv;

/// <summary>
/// The add_columns expression language (column names, numbers, + - * /, parentheses). Hand-written:
/// the grammar is five rules, and a general expression library (NCalc and the like) would accept
/// functions and syntax the spec does not allow.
/// </summary>
internal sealed class CsvExpression
{
    private readonly string _text;
    private readonly Func<string, double> _column;
    private int _pos;

    private CsvExpression(string text, Func<string, double> column)
    {
        _text = text;
        _column = column;
    }

    public static double Evaluate(string text, Func<string, double> column)
    {
        var e = new CsvExpression(text, column);
        var v = e.Sum();
        e.SkipSpace();
        return e._pos == text.Length ? v : throw e.Error();
    }

    private ToolFailureException Error() =>
        ToolFailureException.Failed($"invalid expression '{_text}' at position {_pos}", "invalid_expression");

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Accept(char c)
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private double Sum()
    {
        var v = Product();
        while (true)
        {
            if (Accept('+'))
            {
                v += Product();
            }
            else if (Accept('-'))
            {
                v -= Product();
            }
            else
            {
                return v;
            }
        }
    }

    private double Product()
    {
        var v = Unary();
        while (true)
        {
            if (Accept('*'))
            {
                v *= Unary();
            }
            else if (Accept('/'))
            {
                var d = Unary();
                v = d == 0 ? throw ToolFailureException.Failed($"division by zero in expression '{_text}'", "invalid_expression") : v / d;
            }
            else
            {
                return v;
            }
        }
    }

    private double Unary() => Accept('-') ? -Unary() : Primary();

    private double Primary()
    {
        if (Accept('('))
        {
            var v = Sum();
            return Accept(')') ? v : throw Error();
        }

        SkipSpace();
        var start = _pos;
        if (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }

            return double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (_pos < _text.Length && (_text[_pos] is '"' or '`' or '['))
        {
            var close = _text[_pos] == '[' ? ']' : _text[_pos];
            var end = _text.IndexOf(close, _pos + 1);
            if (end < 0)
            {
                throw Error();
            }

            var name = _text[(_pos + 1)..end];
            _pos = end + 1;
            return _column(name);
        }

        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return _pos > start ? _column(_text[start.._pos]) : throw Error();
    }
}
