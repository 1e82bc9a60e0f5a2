using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>template_engine (tools.md §5.7): Tera/Jinja via Fluid, Handlebars via Handlebars.Net. No file access.</summary>
internal sealed class TemplateEngineTool : ITool
{
    public const int MaxTemplateBytes = 1024 * 1024;
    public const int MaxContextBytes = 10 * 1024 * 1024;
    public const int MaxOutputChars = 10 * 1024 * 1024;
    private static readonly TimeSpan RenderLimit = TimeSpan.FromSeconds(5);

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "template_engine",
        Description = "Renders Tera/Jinja2 or Handlebars templates with a context",
        Category = "utility",
        SecurityLevel = "restricted",
        Parameters =
        [
            new("input", "string", "Template text (up to 1 MB)", Required: true, Aliases: ["template"]),
            new("context", "object", "Variables", Default: new JsonObject()),
            new("engine", "string", "tera (jinja, jinja2) or handlebars (hbs); auto-detected when absent"),
            new("auto_detect", "boolean", "Detect Handlebars syntax", Default: true),
            new("autoescape", "boolean", "HTML-escape substituted values", Default: false),
            new("strict", "boolean", "Undefined variables raise", Default: false),
            new("partials", "object", "Named partial templates"),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var input = request.RequireString("input");
        if (Encoding.UTF8.GetByteCount(input) > MaxTemplateBytes)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'input': template is larger than {MaxTemplateBytes} bytes");
        }

        var context = request.Object("context") ?? [];
        if (JsonText.Compact(context).Length > MaxContextBytes)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'context': context is larger than {MaxContextBytes} bytes as JSON");
        }

        var engine = Engine(request, input);
        var partials = (request.Object("partials") ?? []).ToDictionary(p => p.Key, p => JsonValues.AsString(p.Value) ?? string.Empty, StringComparer.Ordinal);
        var autoescape = request.Flag("autoescape");
        var strict = request.Flag("strict");
        var work = Task.Run(() => engine == "handlebars"
            ? HandlebarsRenderer.Render(input, context, partials, autoescape, strict)
            : TeraRenderer.Render(input, context, partials, autoescape, strict), cancellationToken);
        string rendered;
        try
        {
            rendered = await work.WaitAsync(RenderLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw ToolFailureException.Failed($"rendering exceeded {RenderLimit.TotalSeconds:0} s", "timeout");
        }

        if (rendered.Length > MaxOutputChars)
        {
            throw ToolFailureException.Failed($"rendered output exceeds {MaxOutputChars} characters");
        }

        return Envelope.Success("render_template", $"Template rendered successfully using {engine} engine", new JsonObject
        {
            ["rendered"] = rendered,
            ["engine"] = engine,
            ["template_length"] = input.Length,
            ["context_size"] = context.Count,
        });
    }

    private static string Engine(ToolRequest request, string input)
    {
        if (request.String("engine") is { } engine)
        {
            return engine.Trim().ToLowerInvariant() switch
            {
                "tera" or "jinja" or "jinja2" => "tera",
                "handlebars" or "hbs" => "handlebars",
                _ => throw ToolFailureException.InvalidParameters($"parameter 'engine': expected one of tera, jinja, jinja2, handlebars, hbs, got '{engine}'"),
            };
        }

        var looksHandlebars = input.Contains("{{#", StringComparison.Ordinal) || input.Contains("{{/", StringComparison.Ordinal)
            || input.Contains("{{>", StringComparison.Ordinal) || input.Contains("{{{", StringComparison.Ordinal);
        return request.Flag("auto_detect", true) && looksHandlebars ? "handlebars" : "tera";
    }
}
