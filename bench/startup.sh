#!/usr/bin/env bash
# Whole-process start-up benchmark: `llmspell run hello.lua` (the launcher's Native AOT build, and
# the ReadyToRun/JIT build of LLMSPELL_JIT=1) next to Debian's lua5.4 and a bare .NET console app
# (published ReadyToRun, and Native AOT), measured in the same hyperfine run.
# Writes bench/results/startup.md. Usage: bench/startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-40}"
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v lua5.4 >/dev/null || need+=(lua5.4)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
"$root/llmspell" --version >/dev/null
dotnet publish "$root/src/LlmSpell.Cli/LlmSpell.Cli.csproj" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$root/artifacts/llmspell-jit" -nologo -v quiet >/dev/null
dotnet publish "$root/bench/bare-console/bare-console.csproj" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$root/artifacts/bare-console" -nologo -v quiet >/dev/null
dotnet publish "$root/bench/bare-console/bare-console.csproj" -c Release -r linux-x64 \
  -p:PublishAot=true -o "$root/artifacts/bare-console-aot" -nologo -v quiet >/dev/null
mkdir -p "$root/bench/results"
cd "$root"
hyperfine --warmup 5 --runs "$runs" -N \
  --command-name "lua5.4 hello.lua" "lua5.4 bench/hello.lua" \
  --command-name "bare .NET console (R2R)" "artifacts/bare-console/bare-console" \
  --command-name "bare .NET console (Native AOT)" "artifacts/bare-console-aot/bare-console" \
  --command-name "llmspell run hello.lua (Native AOT, default)" "artifacts/llmspell/llmspell run bench/hello.lua" \
  --command-name "llmspell run hello.lua (R2R/JIT, LLMSPELL_JIT=1)" "artifacts/llmspell-jit/llmspell run bench/hello.lua" \
  --export-markdown bench/results/startup.md --export-json artifacts/startup.json
