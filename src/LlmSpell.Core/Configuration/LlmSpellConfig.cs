using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Configuration;

/// <summary>
/// The effective configuration of a run: the file, environment overrides and CLI flags applied,
/// defaults filled in. Values are read by dotted path (<c>rag.vector_storage.dimensions</c>).
/// </summary>
public sealed class LlmSpellConfig
{
    public LlmSpellConfig(JsonObject root, string? path)
    {
        Root = root;
        Path = path;
    }

    /// <summary>The whole configuration tree (secrets included; see <see cref="Redacted"/>).</summary>
    public JsonObject Root { get; }

    /// <summary>The file the configuration came from, or null for built-in defaults.</summary>
    public string? Path { get; }

    /// <summary>Configuration with defaults only (no file, no environment).</summary>
    public static LlmSpellConfig Defaults() => ConfigLoader.FromText("", null, new Dictionary<string, string>()).Config;

    public JsonNode? Get(string path) => JsonValues.AtPath(Root, path, oneBasedArrays: false);

    public string? GetString(string path) => JsonValues.AsString(Get(path));

    public long GetInt(string path, long fallback = 0) => JsonValues.AsInteger(Get(path)) ?? fallback;

    public long? GetIntOrNull(string path) => JsonValues.AsInteger(Get(path));

    public double? GetDouble(string path) => JsonValues.AsDouble(Get(path));

    public bool GetBool(string path, bool fallback = false) => JsonValues.AsBool(Get(path)) ?? fallback;

    public IReadOnlyList<string> GetStrings(string path) =>
        Get(path) is JsonArray arr ? arr.Select(n => JsonValues.AsString(n) ?? n?.ToJsonString() ?? "").ToList() : [];

    public IReadOnlyList<long> GetInts(string path) =>
        Get(path) is JsonArray arr ? arr.Select(n => JsonValues.AsInteger(n) ?? 0).ToList() : [];

    public JsonObject? GetSection(string path) => Get(path) as JsonObject;

    /// <summary>Sets a value at a dotted path, creating tables as needed.</summary>
    public void Set(string path, JsonNode? value)
    {
        var segments = path.Split('.');
        var obj = Root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (obj[segments[i]] is not JsonObject child)
            {
                child = new JsonObject();
                obj[segments[i]] = child;
            }

            obj = child;
        }

        obj[segments[^1]] = value;
    }

    /// <summary>Configured provider entry names (after layout normalisation), sorted.</summary>
    public IReadOnlyList<string> ProviderNames =>
        GetSection("providers") is { } p
            ? p.Where(kv => kv.Value is JsonObject && kv.Key != "providers").Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// The run time limit: the first non-zero of runtime.script_timeout_seconds,
    /// engines.lua.timeout_ms and runtime.security.max_execution_time_ms (runtime.md §10.3).
    /// </summary>
    public TimeSpan? RunTimeLimit
    {
        get
        {
            var s = GetInt("runtime.script_timeout_seconds");
            if (s > 0)
            {
                return TimeSpan.FromSeconds(s);
            }

            var ms = GetInt("engines.lua.timeout_ms");
            if (ms > 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }

            ms = GetInt("runtime.security.max_execution_time_ms");
            return ms > 0 ? TimeSpan.FromMilliseconds(ms) : null;
        }
    }

    /// <summary>Lua memory limit (engines.lua.max_memory_bytes, else runtime.security.max_memory_bytes).</summary>
    public long LuaMemoryLimit
    {
        get
        {
            var m = GetInt("engines.lua.max_memory_bytes");
            return m > 0 ? m : GetInt("runtime.security.max_memory_bytes");
        }
    }

    /// <summary>A copy with secrets replaced by "***" and provider keys replaced by has_api_key.</summary>
    public JsonObject Redacted()
    {
        var copy = (JsonObject)Root.DeepClone();
        Redact(copy);
        if (copy["providers"] is JsonObject providers)
        {
            foreach (var (_, entry) in providers)
            {
                if (entry is JsonObject e && e.ContainsKey("api_key"))
                {
                    e.Remove("api_key");
                    e["has_api_key"] = true;
                }
            }
        }

        return copy;
    }

    private static void Redact(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var key in obj.Select(kv => kv.Key).ToList())
        {
            var lower = key.ToLowerInvariant();
            if (lower == "api_key" || lower.EndsWith("_password", StringComparison.Ordinal) || lower == "password" ||
                lower.EndsWith("_token", StringComparison.Ordinal) || lower.EndsWith("_secret", StringComparison.Ordinal) ||
                (lower.EndsWith("_api_key", StringComparison.Ordinal)))
            {
                if (obj[key] is JsonValue)
                {
                    obj[key] = "***";
                }
            }
            else
            {
                Redact(obj[key]);
            }
        }
    }

    internal static string Describe(double d) => d.ToString(CultureInfo.InvariantCulture);
}
