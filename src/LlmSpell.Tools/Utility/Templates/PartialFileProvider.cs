using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>
/// Serves <c>partials</c> to Fluid's <c>include</c> from memory, so templates never read files
/// (tools.md §5.7). Fluid looks names up with a <c>.liquid</c> extension added.
/// </summary>
internal sealed class PartialFileProvider(IReadOnlyDictionary<string, string> partials) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.TrimStart('/');
        if (partials.TryGetValue(name, out var text) || (name.EndsWith(".liquid", StringComparison.Ordinal) && partials.TryGetValue(name[..^7], out text)))
        {
            return new MemoryFileInfo(name, Encoding.UTF8.GetBytes(text));
        }

        return new NotFoundFileInfo(name);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFileInfo(string name, byte[] content) : IFileInfo
    {
        public bool Exists => true;

        public long Length => content.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
