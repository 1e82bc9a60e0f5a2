using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

internal static class JqGrouping
{
    /// <summary>Groups a key-sorted list into runs of equal keys (group_by, unique_by).</summary>
    public static List<List<(JsonNode? Key, JsonNode? Value)>> GroupAdjacent(this List<(JsonNode? Key, JsonNode? Value)> sorted)
    {
        var groups = new List<List<(JsonNode?, JsonNode?)>>();
        foreach (var item in sorted)
        {
            if (groups.Count > 0 && JqValues.Equal(groups[^1][0].Item1, item.Key))
            {
                groups[^1].Add(item);
            }
            else
            {
                groups.Add([item]);
            }
        }

        return groups;
    }
}
