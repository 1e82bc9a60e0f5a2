using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class TemplateEngineTests
{
    private readonly ToolHarness _h = new();

    private async Task<string> Render(string template, string contextJson = "{}", string extra = "")
    {
        var p = new JsonObject { ["input"] = template, ["context"] = JsonNode.Parse(contextJson) };
        if (extra.Length > 0)
        {
            foreach (var (k, v) in JsonNode.Parse(extra)!.AsObject())
            {
                p[k] = v?.DeepClone();
            }
        }

        return (await _h.Result("template_engine", p.ToJsonString()))["rendered"]!.GetValue<string>();
    }

    [Fact]
    public async Task Render_SimplePlaceholder_ReportsTeraEngine()
    {
        var r = await _h.Run("template_engine", """{"input":"Hello {{ name }}! id={{id}}","context":{"name":"World","id":7}}""");
        Assert.Equal("render_template", r["operation"]!.GetValue<string>());
        Assert.Equal("Template rendered successfully using tera engine", r["message"]!.GetValue<string>());
        Assert.Equal("Hello World! id=7", r["result"]!["rendered"]!.GetValue<string>());
        Assert.Equal("tera", r["result"]!["engine"]!.GetValue<string>());
        Assert.Equal(2, r["result"]!["context_size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Tera_FiltersWithCallSyntax()
    {
        Assert.Equal("HELLO|hello|Hello world|Hello World|3|x|a-b|hi there|hel…|3",
            await Render("{{ s | upper }}|{{ s | lower }}|{{ t | capitalize }}|{{ t | title }}|{{ l | length }}|{{ missing | default(value=\"x\") }}|{{ l2 | join(sep=\"-\") }}|{{ g | replace(from=\"hello\", to=\"hi\") }}|{{ s | lower | truncate(length=3) }}|{{ n | round }}",
                """{"s":"Hello","t":"hello WORLD","l":[1,2,3],"l2":["a","b"],"g":"hello there","n":2.5}"""));
    }

    [Fact]
    public async Task Tera_ControlFlow_Loops_Set_Comments_Raw()
    {
        const string tpl = "{# note #}{% set greeting = \"Hi\" %}{% for u in users %}{% if loop.first %}[{% endif %}{{ greeting }} {{ u.name }}{% if not loop.last %}, {% else %}]{% endif %}{% endfor %}"
            + "{% if \"b\" in tags %} has-b{% elif x > 1 %} big{% else %} none{% endif %}{% raw %} {{ literal }}{% endraw %}";
        Assert.Equal("[Hi Ann, Hi Bob] has-b {{ literal }}", await Render(tpl, """{"users":[{"name":"Ann"},{"name":"Bob"}],"tags":["a","b"],"x":0}"""));
    }

    [Fact]
    public async Task Tera_MapIteration_AndIndexPaths()
    {
        Assert.Equal("a=1;b=2;|2|v", await Render("{% for k, v in m %}{{ k }}={{ v }};{% endfor %}|{{ l[1] }}|{{ o[\"k\"] }}", """{"m":{"a":1,"b":2},"l":[1,2],"o":{"k":"v"}}"""));
    }

    [Fact]
    public async Task Autoescape_EscapesUnlessSafe()
    {
        Assert.Equal("&lt;b&gt;|<b>", await Render("{{ h }}|{{ h | safe }}", """{"h":"<b>"}""", """{"autoescape":true}"""));
        Assert.Equal("<b>", await Render("{{ h }}", """{"h":"<b>"}"""));
    }

    [Fact]
    public async Task Partials_AreIncludedFromTheParameter()
    {
        Assert.Equal("[Head Ann]", await Render("[{% include \"head\" %}]", """{"n":"Ann"}""", """{"partials":{"head":"Head {{ n }}"}}"""));
        Assert.Equal("<Head Ann>", await Render("<{{> head}}>", """{"n":"Ann"}""", """{"partials":{"head":"Head {{n}}"}}"""));
    }

    [Fact]
    public async Task Handlebars_AutoDetected_WithHelpers()
    {
        var r = await _h.Result("template_engine", """{"input":"{{#each items}}{{@index}}:{{uppercase this}} {{/each}}{{#if flag}}yes{{else}}no{{/if}}{{#unless flag}}!{{/unless}} {{#if (eq a 1)}}one{{/if}} {{{raw}}}","context":{"items":["a","b"],"flag":true,"a":1,"raw":"<i>"}}""");
        Assert.Equal("handlebars", r["engine"]!.GetValue<string>());
        Assert.Equal("0:A 1:B yes one <i>", r["rendered"]!.GetValue<string>());
    }

    [Fact]
    public async Task JsonHelperAndJsonEncodeFilter_WriteContextValuesAsJson()
    {
        const string context = """{"items":[1,"a<bé",true,null,2.5],"o":{"k":"v","n":[1,{"x":null}]}}""";
        Assert.Equal("""[1,"a\u003Cb\u00E9",true,null,2.5]|{"k":"v","n":[1,{"x":null}]}|""" + "\"a\\u003Cb\\u00E9\"",
            await Render("{{{json items}}}|{{{json o}}}|{{{json items.[1]}}}", context, """{"engine":"handlebars"}"""));
        Assert.Equal("""[1,"a\u003Cb\u00E9",true,null,2.5]|{"k":"v","n":[1,{"x":null}]}|2.50""",
            await Render("{{ items | json_encode }}|{{ o | json_encode }}|{{ 2.50 | json_encode }}", context));
    }

    [Fact]
    public async Task Strict_UndefinedVariableRaises_DefaultRendersEmpty()
    {
        Assert.Equal("[]", await Render("[{{ nope }}]"));
        Assert.Equal("Tool 'template_engine' failed: variable 'nope' not found in context (strict mode)",
            await _h.Raises("template_engine", """{"input":"{{ nope }}","strict":true}"""));
        Assert.Equal("ok", await Render("{% for x in l %}{{ x }}{% endfor %}{{ a.b }}", """{"l":["o"],"a":{"b":"k"}}""", """{"strict":true}"""));
    }

    [Fact]
    public async Task SyntaxError_RaisesWithLineAndColumn()
    {
        var message = await _h.Raises("template_engine", """{"input":"line one\n{% if x %}unclosed"}""");
        Assert.StartsWith("Tool 'template_engine' failed: template syntax error:", message, StringComparison.Ordinal);
        Assert.Matches(@"line \d+ column \d+", message);
    }

    [Fact]
    public async Task BadParameters_Raise()
    {
        Assert.Equal("Tool 'template_engine' invalid parameters: missing required parameter 'input'", await _h.Raises("template_engine", """{"context":{}}"""));
        Assert.Equal("Tool 'template_engine' invalid parameters: parameter 'context': expected object, got string", await _h.Raises("template_engine", """{"input":"x","context":"no"}"""));
        Assert.StartsWith("Tool 'template_engine' invalid parameters: parameter 'engine'", await _h.Raises("template_engine", """{"input":"x","engine":"mustache"}"""), StringComparison.Ordinal);
        var big = new JsonObject { ["input"] = new string('x', 1024 * 1024 + 1) }.ToJsonString();
        Assert.Equal("Tool 'template_engine' invalid parameters: parameter 'input': template is larger than 1048576 bytes", await _h.Raises("template_engine", big));
    }
}
