#!/usr/bin/env bash
# Sets everything up on a fresh machine and runs the platform with local defaults:
# PostgreSQL + Redis (installed and started where missing), the web app, migrations, a demo tenant, then the API and app.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/services.sh up

# The host runs in Production, which refuses missing or published development keys: this installation's own keys
# are made once from /dev/urandom, kept in .data/keys.env (mode 600) and reused on every later run.
keys=.data/keys.env
if [ ! -s "$keys" ]; then
  mkdir -p .data
  (
    umask 077
    random() { head -c 32 /dev/urandom | base64 -w0; }
    {
      echo "Jwt__SigningKey='$(random)'"
      echo "Webhooks__SigningKey='$(random)'"
      echo "SocialAccounts__Encryption__Keys__local1='$(random)'"
      echo "SocialAccounts__Encryption__CurrentKeyId='local1'"
    } >"$keys.new"
    mv "$keys.new" "$keys"
  )
  echo "Generated this installation's keys in $keys"
fi
chmod 600 "$keys"
set -a; . "$keys"; set +a

# The web app first: the host's build copies src/Web/dist beside its binaries and serves it at /.
src/Web/scripts/build.sh
dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly
host="dotnet src/Host/bin/Release/net10.0/Platform.Host.dll"
$host migrate
$host seed-demo
echo "App and API on ${PLATFORM_URL:-http://127.0.0.1:5080}  (OpenAPI: /swagger, jobs: /hangfire)"
exec $host --urls "${PLATFORM_URL:-http://127.0.0.1:5080}"
