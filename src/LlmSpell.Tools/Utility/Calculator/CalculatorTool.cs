using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Calculator;

/// <summary>
/// calculator (tools.md §5.2). Never raises: every problem, including a missing input or an
/// unknown operation, is a failure envelope, so the descriptor opts out of pipeline validation.
/// </summary>
internal sealed class CalculatorTool : ITool
{
    public const int MaxInputLength = 10_000;
    private static readonly TimeSpan EvaluationLimit = TimeSpan.FromSeconds(5);

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "calculator",
        Description = "Evaluates arithmetic, comparison and logic expressions with functions and variables",
        Category = "utility",
        ValidatesOwnParameters = true,
        Parameters =
        [
            new("operation", "string", "evaluate, validate or functions", Default: "evaluate"),
            new("input", "string", "The expression", Aliases: ["expression"]),
            new("variables", "object", "Named numeric values"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation ?? "evaluate";
        return Task.FromResult(op switch
        {
            "evaluate" or "validate" => Evaluate(request, op, cancellationToken),
            "functions" => Functions(),
            _ => Envelope.Failure(op, $"unknown operation '{op}'; valid operations are evaluate, validate, functions", "invalid_parameter"),
        });
    }

    private static ComponentOutput Evaluate(ToolRequest request, string op, CancellationToken cancellationToken)
    {
        var input = request.String("input") ?? request.String("expression");
        if (string.IsNullOrWhiteSpace(input))
        {
            return Envelope.Failure(op, "missing required parameter 'input'", "invalid_parameter");
        }

        if (input.Length > MaxInputLength)
        {
            return Envelope.Failure(op, $"expression is {input.Length} characters, exceeding the limit of {MaxInputLength}", "invalid_parameter");
        }

        var variables = new Dictionary<string, double>(StringComparer.Ordinal);
        var variablesOut = new JsonObject();
        if (request["variables"] is JsonObject vars)
        {
            foreach (var (k, v) in vars)
            {
                if (JsonValues.AsDouble(v) is not { } d || !JsonValues.IsNumber(v))
                {
                    return Envelope.Failure(op, $"variable '{k}' must be a number", "invalid_parameter");
                }

                variables[k] = d;
                variablesOut[k] = v!.DeepClone();
            }
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(EvaluationLimit);
        double value;
        try
        {
            value = ExpressionParser.Evaluate(input, variables, limit.Token);
        }
        catch (ExpressionException ex)
        {
            return op == "validate"
                ? Envelope.Success(op, "Expression is invalid", new JsonObject { ["input"] = input, ["valid"] = false, ["error"] = ex.Message })
                : Envelope.Failure(op, ex.Message, "invalid_expression");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Envelope.Failure(op, "evaluation exceeded 5 s", "invalid_expression");
        }

        if (op == "validate")
        {
            return Envelope.Success(op, "Expression is valid", new JsonObject { ["input"] = input, ["valid"] = true });
        }

        var (result, type) = Number(value);
        return Envelope.Success(op, "Expression evaluated successfully", new JsonObject
        {
            ["input"] = input,
            ["result"] = result,
            ["result_type"] = type,
            ["variables"] = variablesOut,
        });
    }

    /// <summary>The result rule of §5.2: exact integers below 2^53 as integers, non-finite values as strings.</summary>
    internal static (JsonNode Value, string Type) Number(double value)
    {
        if (double.IsNaN(value))
        {
            return (JsonValue.Create("NaN"), "special");
        }

        if (double.IsInfinity(value))
        {
            return (JsonValue.Create(value > 0 ? "Infinity" : "-Infinity"), "special");
        }

        return value == Math.Floor(value) && Math.Abs(value) < 9007199254740992d
            ? (JsonValue.Create((long)value), "integer")
            : (JsonValue.Create(value), "float");
    }

    private static ComponentOutput Functions()
    {
        var functions = new JsonObject();
        foreach (var (name, description) in CalculatorFunctions.Descriptions)
        {
            functions[name] = description;
        }

        JsonNode?[] operators = ["+", "-", "*", "/", "%", "^", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!"];
        return Envelope.Success("functions", "Available functions", new JsonObject
        {
            ["functions"] = functions,
            ["operators"] = new JsonArray(operators),
            ["constants"] = new JsonArray("pi", "e"),
        });
    }
}
