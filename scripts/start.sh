#!/usr/bin/env bash
# One command from a fresh clone to a running Probity on the embedded database
# with demo data: installs dependencies if needed, builds, and serves.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies…"
  npm ci --no-audit --no-fund
fi
if [ ! -f build/server/index.js ] || [ -n "$(find app db machines -newer build/server/index.js -type f -print -quit)" ]; then
  echo "Building…"
  npm run build >/dev/null
fi
export NODE_ENV="${NODE_ENV:-production}"
exec node scripts/serve.mjs
