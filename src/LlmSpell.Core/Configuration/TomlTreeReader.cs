using System.Text.Json.Nodes;
using Tomlyn;
using Tomlyn.Parsing;

namespace LlmSpell.Configuration;

/// <summary>
/// Reads TOML text into the neutral model, remembering where each key was written so that
/// warnings and type errors can point at file:line:column.
/// </summary>
internal static class TomlTreeReader
{
    public sealed record Result(JsonObject Root, Dictionary<string, (int Line, int Column)> Positions);

    /// <exception cref="ConfigException">Syntax error or duplicate key.</exception>
    public static Result Read(string text, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // No configuration file: skip the parser's start-up cost entirely.
            return new Result(new JsonObject(), new Dictionary<string, (int, int)>(StringComparer.Ordinal));
        }

        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        JsonObject? root = null;
        var stack = new Stack<(JsonNode Node, string Path)>();
        string? pendingName = null;
        (int, int) pendingPos = (1, 1);

        try
        {
            var parser = TomlParser.Create(text, new TomlSerializerOptions { SourceName = sourceName });
            while (parser.MoveNext())
            {
                var e = parser.Current;
                switch (e.Kind)
                {
                    case TomlParseEventKind.PropertyName:
                        pendingName = parser.GetPropertyName();
                        pendingPos = (e.Line, e.Column);
                        break;
                    case TomlParseEventKind.StartTable:
                        if (stack.Count == 0)
                        {
                            root = new JsonObject();
                            stack.Push((root, ""));
                        }
                        else
                        {
                            stack.Push(OpenContainer(stack.Peek(), ref pendingName, pendingPos, positions, isArray: false, sourceName));
                        }

                        break;
                    case TomlParseEventKind.StartArray:
                        stack.Push(OpenContainer(stack.Peek(), ref pendingName, pendingPos, positions, isArray: true, sourceName));
                        break;
                    case TomlParseEventKind.EndTable:
                    case TomlParseEventKind.EndArray:
                        stack.Pop();
                        break;
                    case TomlParseEventKind.String:
                    case TomlParseEventKind.Integer:
                    case TomlParseEventKind.Float:
                    case TomlParseEventKind.Boolean:
                    case TomlParseEventKind.DateTime:
                        JsonNode value = e.Kind switch
                        {
                            TomlParseEventKind.String => JsonValue.Create(parser.GetString()!),
                            TomlParseEventKind.Integer => JsonValue.Create(e.GetInt64()),
                            TomlParseEventKind.Float => JsonValue.Create(e.GetDouble()),
                            TomlParseEventKind.Boolean => JsonValue.Create(e.GetBoolean()),
                            _ => JsonValue.Create(e.GetTomlDateTime().ToString()),
                        };
                        Add(stack.Peek(), ref pendingName, pendingPos, positions, value, sourceName);
                        break;
                }
            }
        }
        catch (TomlException ex)
        {
            var reason = ex.Message;
            var marker = reason.IndexOf(": error : ", StringComparison.Ordinal);
            if (marker >= 0)
            {
                reason = reason[(marker + 10)..];
            }

            throw new ConfigException([$"configuration error: {sourceName}:{ex.Line}:{ex.Column}: {reason.Trim()}"]);
        }

        return new Result(root ?? new JsonObject(), positions);
    }

    private static (JsonNode, string) OpenContainer((JsonNode Node, string Path) parent, ref string? name, (int, int) pos,
        Dictionary<string, (int, int)> positions, bool isArray, string source)
    {
        if (parent.Node is JsonArray arr)
        {
            JsonNode item = isArray ? new JsonArray() : new JsonObject();
            arr.Add(item);
            return (item, $"{parent.Path}[{arr.Count - 1}]");
        }

        var obj = (JsonObject)parent.Node;
        var key = name ?? "";
        name = null;
        var path = parent.Path.Length == 0 ? key : parent.Path + "." + key;
        if (obj.TryGetPropertyValue(key, out var existing) && existing is not null)
        {
            // Tables and arrays of tables may be reopened ([a.b] after [a], [[x]] repeated).
            if ((isArray && existing is JsonArray) || (!isArray && existing is JsonObject))
            {
                return (existing, path);
            }

            throw new ConfigException([$"configuration error: {source}:{pos.Item1}:{pos.Item2}: duplicate key '{path}'"]);
        }

        JsonNode created = isArray ? new JsonArray() : new JsonObject();
        obj[key] = created;
        positions.TryAdd(path, pos);
        return (created, path);
    }

    private static void Add((JsonNode Node, string Path) parent, ref string? name, (int, int) pos,
        Dictionary<string, (int, int)> positions, JsonNode value, string source)
    {
        if (parent.Node is JsonArray arr)
        {
            arr.Add(value);
            return;
        }

        var obj = (JsonObject)parent.Node;
        var key = name ?? "";
        name = null;
        var path = parent.Path.Length == 0 ? key : parent.Path + "." + key;
        if (obj.ContainsKey(key))
        {
            throw new ConfigException([$"configuration error: {source}:{pos.Item1}:{pos.Item2}: duplicate key '{path}'"]);
        }

        obj[key] = value;
        positions[path] = pos;
    }
}
