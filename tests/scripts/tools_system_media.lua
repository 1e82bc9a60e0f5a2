-- audio/image/video processors: error paths that need no media files (tools.md §5.26-§5.28).
-- Media parsing is covered by the C# tests with generated files. Needs the tool pipeline.

for _, tool in ipairs({ "audio_processor", "image_processor", "video_processor" }) do
  assert.raises("Tool '" .. tool .. "' failed: security violation: path '/etc/hostname'",
    Tool.invoke, tool, { operation = "detect", file_path = "/etc/hostname" })
  assert.raises("Tool '" .. tool .. "' failed: file '/tmp/llmspell-no-such-media.bin' does not exist",
    Tool.invoke, tool, { operation = "metadata", file_path = "/tmp/llmspell-no-such-media.bin" })
  assert.raises("Tool '" .. tool .. "' invalid parameters", Tool.invoke, tool, { operation = "explode", file_path = "/tmp/x" })
end
