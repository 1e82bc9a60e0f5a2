using System.Globalization;

namespace LlmSpell.Scripting.Lua;

/// <summary>Number formatting exactly as stock Lua 5.4 <c>tostring</c> ("%.14g", ".0" for integral floats).</summary>
internal static class LuaNumbers
{
    public static string Format(double d)
    {
        if (double.IsNaN(d))
        {
            return double.IsNegative(d) ? "-nan" : "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        var s = d.ToString("G14", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal))
        {
            // C prints at least two exponent digits: 1e+20, 1e-05.
            var e = s.IndexOf('E', StringComparison.Ordinal);
            var mantissa = s[..e];
            var exp = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }

        if (!s.Contains('.', StringComparison.Ordinal))
        {
            s += ".0";
        }

        return s;
    }
}
