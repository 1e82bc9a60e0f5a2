using System.Text.Json.Nodes;
using LlmSpell.Scripting;

namespace LlmSpell.State.Globals;

/// <summary><c>Session.builder()</c>: collects creation options; <c>:build()</c> creates the session and returns its id.</summary>
internal sealed class SessionBuilder(Func<ScriptArgs, JsonObject, object?> create) : ScriptObject
{
    private static readonly ScriptObjectType BuilderType = new ScriptObjectType("SessionBuilder", allowDotForm: true)
        .Method<SessionBuilder>("name", (b, a) => b.With("name", a.String(0, "name")))
        .Method<SessionBuilder>("description", (b, a) => b.With("description", a.String(0, "description")))
        .Method<SessionBuilder>("tag", (b, a) => b.Tag(a.String(0, "tag")))
        .Method<SessionBuilder>("tags", (b, a) => b.With("tags", a.Table(0, "tags")))
        .Method<SessionBuilder>("metadata", (b, a) => b.With("metadata", a.Object(0, "metadata")))
        .Method<SessionBuilder>("parent", (b, a) => b.With("parent_session_id", a.String(0, "id")))
        .Method<SessionBuilder>("build", (b, a) => b._create(a, (JsonObject)b._opts.DeepClone()));

    private readonly Func<ScriptArgs, JsonObject, object?> _create = create;
    private readonly JsonObject _opts = [];

    public override ScriptObjectType Type => BuilderType;

    private SessionBuilder With(string key, JsonNode value)
    {
        _opts[key] = value.DeepClone();
        return this;
    }

    private SessionBuilder Tag(string tag)
    {
        if (_opts["tags"] is not JsonArray tags)
        {
            tags = [];
            _opts["tags"] = tags;
        }

        tags.Add((JsonNode?)tag);
        return this;
    }
}
