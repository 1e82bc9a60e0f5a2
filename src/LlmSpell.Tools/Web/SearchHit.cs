namespace LlmSpell.Tools.Web;

/// <summary>One web search result before ranking and filtering.</summary>
internal sealed record SearchHit(string Title, string Url, string Snippet);
