# Sourced by the PublishLab scripts: services up (unless another worktree's are already answering), then the host and the lab built.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! { redis-cli -p "${PLATFORM_REDIS_PORT:-56379}" ping >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p "${PLATFORM_PG_PORT:-55432}"; }; then
  scripts/services.sh up
fi
dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build tools/PublishLab/PublishLab.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
lab() { dotnet tools/PublishLab/bin/Release/net10.0/Platform.PublishLab.dll "$@"; }
echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
