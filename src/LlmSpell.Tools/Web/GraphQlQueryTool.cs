using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>graphql_query (tools.md §5.13): queries, mutations and cached introspection.</summary>
internal sealed class GraphQlQueryTool(ToolServices services) : ITool
{
    private static readonly TimeSpan IntrospectionTtl = TimeSpan.FromHours(1);

    private const string IntrospectionQuery = """
        query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
          types { kind name description fields(includeDeprecated: true) { name description args { name type { kind name ofType { kind name } } }
            type { kind name ofType { kind name ofType { kind name } } } } } } }
        """;


    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "graphql_query",
        Description = "Run a GraphQL query or mutation against an endpoint, or fetch its schema by introspection (cached for 1 hour per endpoint).",
        Category = "api",
        SecurityLevel = "privileged",
        RequiresNetwork = true,
        Parameters =
        [
            new("operation", "string", "query, mutation or introspection (subscription is unsupported).", Default: "query", Enum: ["query", "mutation", "introspection", "subscription"]),
            new("endpoint", "string", "GraphQL endpoint URL.", Required: true),
            new("input", "string", "GraphQL document (required unless introspection).", Aliases: ["query"]),
            new("variables", "object", "Variables."),
            new("operation_name", "string", "Operation name."),
            new("headers", "object", "Request headers."),
            new("timeout_seconds", "integer", "Request time limit in seconds.", Default: 30),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var operation = request.Operation ?? "query";
        if (operation == "subscription")
        {
            throw ToolFailureException.Failed("subscriptions are not supported (unsupported)", "unsupported");
        }

        if (operation is not ("query" or "mutation" or "introspection"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of query, mutation, introspection, got '{request.String("operation")}'");
        }

        var endpoint = request.String("endpoint") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'endpoint'");
        var gateway = NetworkServices.Gateway(services);
        gateway.Policy.Check(endpoint);
        if (operation == "introspection")
        {
            var schemas = NetworkServices.Shared(services, _ => new GraphQlSchemaCache()).Entries;
            if (schemas.TryGetValue(endpoint, out var cached) && services.Time.GetUtcNow() - cached.At < IntrospectionTtl)
            {
                return Introspection(endpoint, cached.Schema, true);
            }

            var data = await PostAsync(gateway, request, endpoint, IntrospectionQuery, null, cancellationToken);
            var schema = data.Result["data"]?["__schema"]?.DeepClone();
            schemas[endpoint] = (schema, services.Time.GetUtcNow());
            return Introspection(endpoint, schema, false);
        }

        var document = request.String("input") ?? request.String("query") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        var (status, result) = await PostAsync(gateway, request, endpoint, document, request.String("operation_name"), cancellationToken);
        var envelope = new JsonObject
        {
            ["operation"] = operation,
            ["endpoint"] = endpoint,
            ["status_code"] = status,
            ["result"] = result,
        };
        return Envelope.Success(operation, $"GraphQL {operation} to {endpoint} completed", envelope);
    }

    private static ComponentOutput Introspection(string endpoint, JsonNode? schema, bool cached) =>
        Envelope.Success("introspection", cached ? $"GraphQL schema of {endpoint} (cached)" : $"GraphQL schema of {endpoint}", new JsonObject
        {
            ["operation"] = "introspection",
            ["endpoint"] = endpoint,
            ["result"] = new JsonObject { ["schema"] = schema?.DeepClone(), ["cached"] = cached },
        });

    private async Task<(int Status, JsonObject Result)> PostAsync(HttpGateway gateway, ToolRequest request, string endpoint, string document, string? operationName, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["query"] = document };
        if (request["variables"] is JsonObject vars)
        {
            payload["variables"] = vars.DeepClone();
        }
        else if (request["variables"] is { } bad and not JsonArray { Count: 0 })
        {
            throw ToolFailureException.InvalidParameters($"parameter 'variables': expected object, got {Values.JsonValues.ScriptTypeName(bad)}");
        }

        if (operationName is not null)
        {
            payload["operationName"] = operationName;
        }

        var headers = WebParams.StringMap(request, "headers");
        headers.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        headers.Add(new("Content-Type", "application/json"));
        headers.Add(new("Accept", "application/json"));
        var response = await gateway.SendOrRaiseAsync(new NetRequest
        {
            Url = endpoint,
            Method = "POST",
            Headers = headers,
            Body = Encoding.UTF8.GetBytes(payload.ToJsonString()),
            Timeout = WebParams.Seconds(request, "timeout_seconds", 30),
        }, cancellationToken);
        if (!response.IsSuccess)
        {
            throw ToolFailureException.Failed($"GraphQL endpoint {endpoint} returned HTTP {response.StatusCode} {response.StatusText}", "http_error");
        }

        if (WebParams.TryJson(response.Text, out var ok) is not JsonObject body || !ok)
        {
            throw ToolFailureException.Failed($"GraphQL endpoint {endpoint} returned a response that is not a JSON object");
        }

        var hasData = body["data"] is not null;
        if (body["errors"] is JsonArray { Count: > 0 } errors && !hasData)
        {
            var first = errors[0]?["message"]?.ToString() ?? errors[0]?.ToJsonString() ?? "unknown error";
            throw ToolFailureException.Failed($"GraphQL errors: {first}", "query_failed");
        }

        var result = new JsonObject();
        foreach (var key in new[] { "data", "errors", "extensions" })
        {
            if (body[key] is { } value)
            {
                result[key] = value.DeepClone();
            }
        }

        return ((int)response.StatusCode, result);
    }
}
