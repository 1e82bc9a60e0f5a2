using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>Renders Tera/Jinja templates: translated to Liquid (<see cref="TeraTranslator"/>), run by Fluid.</summary>
internal static partial class TeraRenderer
{
    private static readonly FluidParser Parser = new();

    public static string Render(string source, JsonObject context, IReadOnlyDictionary<string, string> partials, bool autoescape, bool strict)
    {
        if (!Parser.TryParse(TeraTranslator.Translate(source), out var template, out var error))
        {
            throw ToolFailureException.Failed($"template syntax error: {Position(error)}", "invalid_parameter");
        }

        if (strict)
        {
            StrictCheck.Verify(source, context);
        }

        var translatedPartials = partials.ToDictionary(p => p.Key, p => TeraTranslator.Translate(p.Value), StringComparer.Ordinal);
        var options = new TemplateOptions { FileProvider = new PartialFileProvider(translatedPartials), MaxRecursion = 20, MaxSteps = 5_000_000 };
        options.MemberAccessStrategy = new UnsafeMemberAccessStrategy();
        TemplateFilters.Register(options.Filters);
        var ctx = new TemplateContext(options);
        foreach (var (key, value) in context)
        {
            ctx.SetValue(key, Fluid.Values.FluidValue.Create(TemplateModel.ToClr(value), options));
        }

        try
        {
            return template.Render(ctx, autoescape ? HtmlEncoder.Default : NullEncoder.Default);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ParseException or FileNotFoundException)
        {
            throw ToolFailureException.Failed($"template rendering failed: {Position(ex.Message)}");
        }
    }

    /// <summary>Fluid reports positions as <c>(line:column)</c>; the spec wants <c>line l column c</c>.</summary>
    internal static string Position(string message) => PositionPattern().Replace(message, "line $1 column $2");

    [GeneratedRegex(@"\(?\b(\d+):(\d+)\)?")]
    private static partial Regex PositionPattern();
}
