using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Diff;

/// <summary>Structural JSON diff (tools.md §5.5): dotted paths, <c>[i]</c> for array elements compared element-wise.</summary>
internal sealed class JsonDiff
{
    public JsonObject Added { get; } = [];

    public JsonObject Removed { get; } = [];

    public JsonObject Modified { get; } = [];

    public JsonArray Unchanged { get; } = [];

    public static JsonDiff Compare(JsonNode? oldValue, JsonNode? newValue)
    {
        var diff = new JsonDiff();
        diff.Walk(oldValue, newValue, string.Empty);
        return diff;
    }

    private void Walk(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (JsonObject oa, JsonObject ob) when oa.Count > 0 || ob.Count > 0:
                foreach (var (key, value) in oa)
                {
                    var child = Child(path, key);
                    if (ob.ContainsKey(key))
                    {
                        Walk(value, ob[key], child);
                    }
                    else
                    {
                        Removed[child] = value?.DeepClone();
                    }
                }

                foreach (var (key, value) in ob.Where(kv => !oa.ContainsKey(kv.Key)))
                {
                    Added[Child(path, key)] = value?.DeepClone();
                }

                break;
            case (JsonArray aa, JsonArray ab) when aa.Count > 0 || ab.Count > 0:
                for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
                {
                    var child = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    if (i >= ab.Count)
                    {
                        Removed[child] = aa[i]?.DeepClone();
                    }
                    else if (i >= aa.Count)
                    {
                        Added[child] = ab[i]?.DeepClone();
                    }
                    else
                    {
                        Walk(aa[i], ab[i], child);
                    }
                }

                break;
            default:
                var leaf = path.Length == 0 ? "$" : path;
                if (JsonValues.DeepEquals(a, b))
                {
                    Unchanged.Add((JsonNode?)leaf);
                }
                else
                {
                    Modified[leaf] = new JsonObject { ["old"] = a?.DeepClone(), ["new"] = b?.DeepClone() };
                }

                break;
        }
    }

    private static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
