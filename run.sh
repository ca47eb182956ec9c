#!/usr/bin/env bash
# Sets everything up on a fresh machine and runs the platform with local defaults:
# PostgreSQL + Redis (installed and started where missing), migrations, a demo tenant, then the API.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/services.sh up
dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly
host="dotnet src/Host/bin/Release/net10.0/Platform.Host.dll"
$host migrate
$host seed-demo
echo "API on ${PLATFORM_URL:-http://127.0.0.1:5080}  (OpenAPI: /swagger, jobs: /hangfire)"
exec $host --urls "${PLATFORM_URL:-http://127.0.0.1:5080}"
