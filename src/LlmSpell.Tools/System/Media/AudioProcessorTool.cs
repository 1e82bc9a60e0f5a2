using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>audio_processor (tools.md §5.26): format detection, header metadata and PCM WAV conversion.</summary>
internal sealed class AudioProcessorTool(ToolServices services) : ITool
{
    private const int HeadBytes = 1 << 20;
    private static readonly string[] Operations = ["detect", "metadata", "convert"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "audio_processor",
        Description = "Detect audio formats, read header metadata (WAV, FLAC, MP3, Ogg Vorbis, M4A) and convert PCM WAV",
        Category = "media",
        Parameters =
        [
            Param.Enum("operation", "what to do", Operations, def: "metadata"),
            Param.Str("file_path", "input file (sandboxed)"),
            Param.Str("source_path", "convert: input file (sandboxed)"),
            Param.Str("target_path", "convert: output file (sandboxed)"),
            Param.Str("target_format", "convert: output format (wav)"),
            Param.Int("sample_rate", "convert: output sample rate"),
            Param.Int("channels", "convert: output channel count"),
            Param.Int("bit_depth", "convert: 8, 16, 24 or 32"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = SysText.Operation(request, Operations, "metadata");
        return Task.FromResult(op == "convert" ? Convert(request) : Inspect(op, request));
    }

    private ComponentOutput Inspect(string op, ToolRequest request)
    {
        var given = request.String("file_path") ?? request.String("source_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'file_path'");
        var path = MediaFiles.AdmitInput(services, given);
        var head = MediaFiles.Head(path, HeadBytes);
        var format = MediaFormats.DetectAudio(head, path);
        if (op == "detect")
        {
            return Envelope.Success(op, $"Detected audio format {format}", new JsonObject { ["file_path"] = given, ["format"] = format, ["supported"] = format != "unknown" });
        }

        var size = new FileInfo(path).Length;
        var info = format switch
        {
            "wav" => WavFile.Parse(head)?.Describe(),
            "flac" => FlacParser.Parse(head, size),
            "mp3" => Mp3Parser.Parse(head, size),
            "ogg" => OggParser.Parse(head, Tail(path, 65536)),
            "m4a" => M4a(path),
            _ => null,
        } ?? new AudioInfo();
        var metadata = new JsonObject { ["format"] = format };
        Add(metadata, "duration_seconds", info.DurationSeconds);
        Add(metadata, "sample_rate", info.SampleRate);
        Add(metadata, "channels", info.Channels);
        Add(metadata, "bit_depth", info.BitDepth);
        Add(metadata, "bit_rate", info.BitRate);
        Add(metadata, "title", info.Title);
        Add(metadata, "artist", info.Artist);
        Add(metadata, "album", info.Album);
        Add(metadata, "year", info.Year);
        metadata["file_size"] = size;
        var message = info.DurationSeconds is { } d ? $"Audio {format}, {d:0.###} s" : $"Audio {format}";
        return Envelope.Success(op, message, new JsonObject { ["file_path"] = given, ["metadata"] = metadata });
    }

    private ComponentOutput Convert(ToolRequest request)
    {
        var given = request.String("source_path") ?? request.String("file_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'source_path'");
        var targetGiven = request.String("target_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'target_path'");
        var path = MediaFiles.AdmitInput(services, given);
        var target = services.AdmitWritePath(targetGiven);
        var data = MediaFiles.ReadAll(path);
        var from = MediaFormats.DetectAudio(data, path);
        var to = (request.String("target_format") ?? Path.GetExtension(target).TrimStart('.')).Trim().ToLowerInvariant();
        var wav = from == "wav" ? WavFile.Parse(data) : null;
        if (to != "wav" || wav is null || !wav.IsPcm || wav.BitsPerSample is not (8 or 16 or 24 or 32) || wav.Channels < 1 || wav.DataOffset < 0)
        {
            var source = from == "wav" && wav is { IsPcm: false } ? "wav (non-PCM)" : from;
            throw ToolFailureException.Failed($"unsupported: conversion {source} → {(to.Length == 0 ? "unknown" : to)} is not supported", "unsupported");
        }

        var rate = (int)(SysText.OptInt(request, "sample_rate") ?? wav.SampleRate);
        var channels = (int)(SysText.OptInt(request, "channels") ?? wav.Channels);
        var bits = (int)(SysText.OptInt(request, "bit_depth") ?? wav.BitsPerSample);
        if (rate is < 1000 or > 384_000 || channels is < 1 or > 8 || bits is not (8 or 16 or 24 or 32))
        {
            throw ToolFailureException.InvalidParameters("convert needs sample_rate 1000..384000, channels 1..8 and bit_depth 8, 16, 24 or 32");
        }

        var frames = PcmCodec.Resample(PcmCodec.MapChannels(wav.ReadSamples(data), wav.Channels, channels), wav.SampleRate, rate);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, PcmCodec.WriteWav(frames, channels, rate, bits));
        var duration = Math.Round((double)frames.Length / rate, 3);
        var result = new JsonObject { ["source_path"] = given, ["target_path"] = targetGiven, ["format"] = "wav", ["duration_seconds"] = duration };
        return Envelope.Success("convert", $"Converted {given} to {targetGiven} ({rate} Hz, {channels} ch, {bits} bit)", result);
    }

    private static AudioInfo? M4a(string path)
    {
        var moov = IsoBmffFile.LoadMoov(path);
        if (moov is null)
        {
            return null;
        }

        var info = new AudioInfo();
        if (IsoBmff.Find(moov, 0, moov.Length, "moov/mvhd") is { } mvhd)
        {
            var (scale, duration) = IsoBmff.TimeHeader(moov, mvhd);
            info.DurationSeconds = scale > 0 ? Math.Round((double)duration / scale, 3) : null;
        }

        foreach (var trak in IsoBmff.All(moov, 8, moov.Length, "trak"))
        {
            if (IsoBmff.Handler(moov, trak) == "soun" && IsoBmff.SampleEntry(moov, trak) is { } entry && entry.End - entry.Start >= 28)
            {
                info.Channels = (moov[entry.Start + 16] << 8) | moov[entry.Start + 17];
                info.BitDepth = (moov[entry.Start + 18] << 8) | moov[entry.Start + 19];
                info.SampleRate = (moov[entry.Start + 24] << 8) | moov[entry.Start + 25];
                break;
            }
        }

        info.Title = IsoBmff.Tag(moov, "\u00a9nam");
        info.Artist = IsoBmff.Tag(moov, "\u00a9ART");
        info.Album = IsoBmff.Tag(moov, "\u00a9alb");
        info.Year = IsoBmff.Tag(moov, "\u00a9day");
        return info;
    }

    private static byte[] Tail(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var length = (int)Math.Min(count, stream.Length);
        stream.Position = stream.Length - length;
        var buffer = new byte[length];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static void Add(JsonObject target, string name, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s when s.Length > 0:
                target[name] = s;
                break;
            case int i:
                target[name] = i;
                break;
            case long l:
                target[name] = l;
                break;
            case double d:
                target[name] = d;
                break;
        }
    }
}
