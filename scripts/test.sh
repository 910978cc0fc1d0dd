#!/usr/bin/env bash
# The whole test run, as CI runs it (.ci/run): system packages, dependencies,
# typecheck, lint, the unit and integration suite on PGlite, the integration
# suite again on a throwaway PostgreSQL server, the production build, the
# browser suite against it, and short load and fault runs. Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-true}"

banner() { printf '\n==== %s ====\n' "$*"; }

banner "System packages"
bash scripts/system-deps.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  banner "Installing dependencies"
  npm ci --no-audit --no-fund
fi

banner "Typecheck"
npx tsc --noEmit

banner "Lint"
npx eslint .

banner "Unit and integration suite on PGlite"
npx vitest run

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/probity-pg.XXXXXX")
trap 'bash scripts/pg-test-server.sh stop "$pg_dir"' EXIT
TEST_DATABASE_URL=$(bash scripts/pg-test-server.sh start "$pg_dir")
export TEST_DATABASE_URL

banner "Integration suite on PostgreSQL ($TEST_DATABASE_URL)"
npx vitest run tests/integration

banner "Production build"
npm run build

banner "Browser and HTTP suite against the production server"
npx vitest run --config vitest.browser.config.ts

# Short profiles (bench/README.md has the full ones): any 5xx, lost write,
# half-applied transition or unclear fault refusal fails the run.
banner "Load and fault checks (CI profile)"
npx tsx bench/load.ts --profile ci
npx tsx bench/faults.ts --profile ci

banner "All tests passed"
