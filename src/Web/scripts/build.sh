#!/usr/bin/env bash
# Builds the web app into src/Web/dist, which the host's build copies beside its binaries and serves at /.
# npm ci runs only when package-lock.json differs from the one last installed (its hash is kept in node_modules).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v npm >/dev/null || { echo "[web] Node.js and npm are needed to build the web app" >&2; exit 1; }
stamp=node_modules/.installed-lock.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "[web] installing packages from package-lock.json" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" > "$stamp"
fi
npm run --silent build
