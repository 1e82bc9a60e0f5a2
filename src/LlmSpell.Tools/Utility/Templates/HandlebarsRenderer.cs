using System.Text.Json.Nodes;
using HandlebarsDotNet;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>Renders Handlebars templates with Handlebars.Net and the helpers of tools.md §5.7.</summary>
internal static class HandlebarsRenderer
{
    public static string Render(string source, JsonObject context, IReadOnlyDictionary<string, string> partials, bool autoescape, bool strict)
    {
        var hb = Handlebars.Create(new HandlebarsConfiguration { NoEscape = !autoescape, ThrowOnUnresolvedBindingExpression = strict });
        hb.RegisterHelper("uppercase", (_, args) => args.Length > 0 ? args[0]?.ToString()?.ToUpperInvariant() : string.Empty);
        hb.RegisterHelper("lowercase", (_, args) => args.Length > 0 ? args[0]?.ToString()?.ToLowerInvariant() : string.Empty);
        hb.RegisterHelper("eq", (_, args) => args.Length >= 2 && Equals(Normalize(args[0]), Normalize(args[1])));
        hb.RegisterHelper("json", (_, args) => TemplateJson.Serialize(args.Length > 0 ? args[0] : null));
        HandlebarsTemplate<object, object> template;
        try
        {
            foreach (var (name, text) in partials)
            {
                hb.RegisterTemplate(name, text);
            }

            template = hb.Compile(source);
        }
        catch (HandlebarsException ex)
        {
            throw ToolFailureException.Failed($"template syntax error: {TeraRenderer.Position(ex.Message)}", "invalid_parameter");
        }

        try
        {
            return template(TemplateModel.ToClr(context)!);
        }
        catch (Exception ex) when (strict && ex.Message.EndsWith(" is undefined", StringComparison.Ordinal))
        {
            // Handlebars.Net reports strict-mode misses as "<name> is undefined".
            throw ToolFailureException.Failed($"undefined variable: {ex.Message}", "invalid_parameter");
        }
        catch (HandlebarsException ex)
        {
            throw ToolFailureException.Failed($"template rendering failed: {TeraRenderer.Position(ex.Message)}");
        }
    }

    private static object? Normalize(object? v) => v switch
    {
        int i => (double)i,
        long l => (double)l,
        double d => d,
        _ => v?.ToString(),
    };
}
