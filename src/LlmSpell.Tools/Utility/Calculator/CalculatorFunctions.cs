namespace LlmSpell.Tools.Utility.Calculator;

/// <summary>The functions of the calculator language (tools.md §5.2), with their descriptions.</summary>
internal static class CalculatorFunctions
{
    private static readonly Dictionary<string, (string Description, int MinArgs, int MaxArgs, Func<List<double>, double> Fn)> Table = new(StringComparer.Ordinal)
    {
        ["sqrt"] = ("square root", 1, 1, a => Math.Sqrt(a[0])),
        ["cbrt"] = ("cube root", 1, 1, a => Math.Cbrt(a[0])),
        ["exp"] = ("e raised to x", 1, 1, a => Math.Exp(a[0])),
        ["ln"] = ("natural logarithm", 1, 1, a => Math.Log(a[0])),
        ["log"] = ("log(x): base-10 logarithm; log(b, x): logarithm of x in base b", 1, 2, a => a.Count == 1 ? Math.Log10(a[0]) : Math.Log(a[1]) / Math.Log(a[0])),
        ["log2"] = ("base-2 logarithm", 1, 1, a => Math.Log2(a[0])),
        ["log10"] = ("base-10 logarithm", 1, 1, a => Math.Log10(a[0])),
        ["abs"] = ("absolute value", 1, 1, a => Math.Abs(a[0])),
        ["sign"] = ("sign (-1, 0 or 1)", 1, 1, a => double.IsNaN(a[0]) ? double.NaN : Math.Sign(a[0])),
        ["floor"] = ("round down", 1, 1, a => Math.Floor(a[0])),
        ["ceil"] = ("round up", 1, 1, a => Math.Ceiling(a[0])),
        ["round"] = ("round to nearest (halves away from zero)", 1, 1, a => Math.Round(a[0], MidpointRounding.AwayFromZero)),
        ["int"] = ("truncate toward zero", 1, 1, a => Math.Truncate(a[0])),
        ["min"] = ("smallest argument", 1, int.MaxValue, a => a.Min()),
        ["max"] = ("largest argument", 1, int.MaxValue, a => a.Max()),
        ["sin"] = ("sine (radians)", 1, 1, a => Math.Sin(a[0])),
        ["cos"] = ("cosine (radians)", 1, 1, a => Math.Cos(a[0])),
        ["tan"] = ("tangent (radians)", 1, 1, a => Math.Tan(a[0])),
        ["asin"] = ("arc sine", 1, 1, a => Math.Asin(a[0])),
        ["acos"] = ("arc cosine", 1, 1, a => Math.Acos(a[0])),
        ["atan"] = ("arc tangent", 1, 1, a => Math.Atan(a[0])),
        ["atan2"] = ("atan2(y, x): angle of the point (x, y)", 2, 2, a => Math.Atan2(a[0], a[1])),
        ["sinh"] = ("hyperbolic sine", 1, 1, a => Math.Sinh(a[0])),
        ["cosh"] = ("hyperbolic cosine", 1, 1, a => Math.Cosh(a[0])),
        ["tanh"] = ("hyperbolic tangent", 1, 1, a => Math.Tanh(a[0])),
        ["hypot"] = ("hypot(a, b): sqrt(a^2 + b^2)", 2, 2, a => Math.Sqrt((a[0] * a[0]) + (a[1] * a[1]))),
        ["pi"] = ("the constant pi", 0, 0, _ => Math.PI),
        ["e"] = ("the constant e", 0, 0, _ => Math.E),
    };

    /// <summary>Function names and descriptions, for the <c>functions</c> operation.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Descriptions =>
        Table.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.Description));

    public static double Call(string name, List<double> args)
    {
        if (!Table.TryGetValue(name, out var f))
        {
            throw new ExpressionException($"unknown function '{name}'");
        }

        if (args.Count < f.MinArgs || args.Count > f.MaxArgs)
        {
            var expected = f.MinArgs == f.MaxArgs ? f.MinArgs.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : f.MaxArgs == int.MaxValue ? $"at least {f.MinArgs}" : $"{f.MinArgs} to {f.MaxArgs}";
            throw new ExpressionException($"function '{name}' expects {expected} argument(s), got {args.Count}");
        }

        return f.Fn(args);
    }
}
