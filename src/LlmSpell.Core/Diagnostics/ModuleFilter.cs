using System.Text.RegularExpressions;
using LlmSpell.Security;

namespace LlmSpell.Diagnostics;

/// <summary>A Debug module filter rule: exact, prefix, glob or regex.</summary>
public sealed record ModuleFilter(string Pattern, string Kind, bool Enabled)
{
    /// <summary>Kind for plain patterns: glob when they contain wildcards, else prefix ("webapp" covers "webapp.state").</summary>
    public static string InferKind(string pattern) => pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal) ? "glob" : "prefix";

    public bool Matches(string module) => Kind switch
    {
        "exact" => string.Equals(module, Pattern, StringComparison.Ordinal),
        "prefix" => module == Pattern || module.StartsWith(Pattern + ".", StringComparison.Ordinal) || module.StartsWith(Pattern, StringComparison.Ordinal),
        "regex" => SafeRegex(module),
        _ => Glob.Matches(Pattern, module),
    };

    private bool SafeRegex(string module)
    {
        try
        {
            return Regex.IsMatch(module, Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
