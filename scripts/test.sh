#!/usr/bin/env bash
# The whole test run, as CI runs it (.ci/run): system packages, dependencies,
# typecheck, lint, the unit and integration suite on PGlite under Node 22 and
# again under Node 24, then under the machine's Node (20.19+) the integration
# suite on a throwaway PostgreSQL server, the production build, the browser
# suite against it (restore drills included) and short load and fault runs.
# Any failure fails the run. Why this split: docs/decisions/021-files-in-the-database.md.
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

# Node 22 and 24 from the registry's `node` package, kept in .cache between runs.
node_binary() {
  local dir=".cache/node$1"
  if [ ! -x "$dir/node_modules/node/bin/node" ]; then
    npm install --prefix "$dir" --no-save --no-audit --no-fund "node@$1" >/dev/null
  fi
  echo "$PWD/$dir/node_modules/node/bin/node"
}
banner "Node versions"
node22=$(node_binary 22)
node24=$(node_binary 24)
echo "machine $(node --version), $("$node22" --version), $("$node24" --version)"

banner "Typecheck"
npx tsc --noEmit

banner "Lint"
npx eslint .

# Each run's time is printed, so that the cost of every Node version shows in the log.
for node in "$node22" "$node24"; do
  banner "Unit and integration suite on PGlite, Node $("$node" --version)"
  started=$SECONDS
  PATH="$(dirname "$node"):$PATH" "$node" node_modules/vitest/vitest.mjs run
  echo "Node $("$node" --version): unit and integration suite on PGlite took $((SECONDS - started)) s"
done

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/probity-pg.XXXXXX")
trap 'bash scripts/pg-test-server.sh stop "$pg_dir"' EXIT
TEST_DATABASE_URL=$(bash scripts/pg-test-server.sh start "$pg_dir")
export TEST_DATABASE_URL

banner "Integration suite on PostgreSQL ($TEST_DATABASE_URL), Node $(node --version)"
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
