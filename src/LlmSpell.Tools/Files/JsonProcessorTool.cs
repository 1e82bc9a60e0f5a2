using System.Text.Json.Nodes;
using Json.Schema;
using LlmSpell.Components;
using LlmSpell.Tools.Files.Jq;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Files;

/// <summary>json_processor (tools.md §5.12): jq queries, JSON Schema validation (JsonSchema.Net) and JSON Lines streams.</summary>
internal sealed class JsonProcessorTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "json_processor",
        Description = "Query and transform JSON with jq, validate it against a JSON Schema, or process JSON Lines",
        Category = "data",
        Parameters =
        [
            new("operation", "string", "query (aliases transform, jq), validate or stream", Default: "query", Enum: ["query", "transform", "jq", "validate", "stream"]),
            new("input", "any", "JSON value (a string holding valid JSON is parsed)", Required: true),
            new("query", "string", "jq program", Default: "."),
            new("schema", "any", "JSON Schema (draft-07 or 2020-12), required for validate"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var operation = request.Operation ?? "query";
        if (!request.Parameters.ContainsKey("input") && operation != "stream")
        {
            throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        }

        return Task.FromResult(operation switch
        {
            "query" or "transform" or "jq" => Query(request, cancellationToken),
            "validate" => Validate(request),
            "stream" => Stream(request, cancellationToken),
            _ => throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of query, validate, stream, got '{operation}'"),
        });
    }

    private ComponentOutput Query(ToolRequest request, CancellationToken ct)
    {
        var input = ParseInput(request["input"]);
        var outputs = RunJq(request.String("query") ?? ".", input, ct);
        var result = outputs.Count == 1 ? outputs[0] : new JsonArray([.. outputs]);
        return Envelope.Success("query", $"Query produced {outputs.Count} result(s)", new JsonObject { ["result"] = result, ["output_count"] = outputs.Count });
    }

    private ComponentOutput Stream(ToolRequest request, CancellationToken ct)
    {
        var text = request.String("input") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        var program = Compile(request.String("query") ?? ".");
        var results = new JsonArray();
        var lineCount = 0;
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            lineCount++;
            JsonNode? value;
            try
            {
                value = JsonText.Parse(line);
            }
            catch (JsonParseException ex)
            {
                throw ToolFailureException.Failed($"invalid JSON on line {lineNumber}: {ex.Message}");
            }

            foreach (var o in Evaluate(program, value, ct))
            {
                results.Add(o);
            }
        }

        return Envelope.Success("stream", $"Processed {lineCount} lines", new JsonObject { ["results"] = results, ["line_count"] = lineCount });
    }

    private static ComponentOutput Validate(ToolRequest request)
    {
        var input = ParseInput(request["input"]);
        var schemaNode = ParseInput(request["schema"] ?? throw ToolFailureException.InvalidParameters("missing required parameter 'schema'"));
        JsonSchema schema;
        try
        {
            schema = JsonSchema.FromText(JqValues.ToJson(schemaNode));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'schema': not a valid JSON Schema: {ex.Message}");
        }

        var evaluation = schema.Evaluate(input, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new JsonArray();
        foreach (var detail in evaluation.Details.Where(d => d.Errors is { Count: > 0 }))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                var path = detail.InstanceLocation.ToString();
                errors.Add((JsonNode)new JsonObject { ["path"] = path.Length == 0 ? "/" : path, ["message"] = message, ["keyword"] = keyword });
            }
        }

        var valid = evaluation.IsValid;
        return Envelope.Success("validate", valid ? "JSON is valid" : $"JSON is invalid ({errors.Count} errors)", new JsonObject { ["is_valid"] = valid, ["errors"] = errors });
    }

    /// <summary>A string holding valid JSON is parsed; anything else is used as given.</summary>
    private static JsonNode? ParseInput(JsonNode? input)
    {
        if (JsonValues.Classify(input) == ValueKind.String)
        {
            var s = JsonValues.AsString(input)!;
            try
            {
                return JsonText.Parse(s);
            }
            catch (JsonParseException ex)
            {
                var trimmed = s.TrimStart();
                if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
                {
                    throw ToolFailureException.Failed($"invalid JSON input: {ex.Message}");
                }

                return JsonValue.Create(s);
            }
        }

        return input?.DeepClone();
    }

    private List<JsonNode?> RunJq(string program, JsonNode? input, CancellationToken ct)
    {
        var max = services.Config.GetInt("tools.data.max_json_depth", 128);
        if (Depth(input, 0, max) > max)
        {
            throw ToolFailureException.Failed($"JSON input is nested deeper than tools.data.max_json_depth ({max})");
        }

        return Evaluate(Compile(program), input, ct);
    }

    private static long Depth(JsonNode? node, long depth, long max) => depth > max ? depth : node switch
    {
        JsonObject o => o.Select(p => Depth(p.Value, depth + 1, max)).DefaultIfEmpty(depth + 1).Max(),
        JsonArray a => a.Select(e => Depth(e, depth + 1, max)).DefaultIfEmpty(depth + 1).Max(),
        _ => depth,
    };

    private static JqNode Compile(string program)
    {
        try
        {
            return JqParser.Parse(program);
        }
        catch (JqSyntaxException ex)
        {
            throw ToolFailureException.Failed($"jq: {ex.Message}", "invalid_expression");
        }
    }

    private List<JsonNode?> Evaluate(JqNode program, JsonNode? input, CancellationToken ct)
    {
        try
        {
            return [.. new JqEvaluator(services.Time, ct).Eval(program, input, JqEnv.Empty).Select(JqValues.Clone)];
        }
        catch (JqException ex)
        {
            throw ToolFailureException.Failed($"jq: {ex.Message}", "invalid_expression");
        }
    }
}
