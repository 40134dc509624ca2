#!/usr/bin/env bash
# Entry point of `npm start` and `npm test` on a fresh clone: installs the npm
# dependencies when they are missing or the lockfile changed, then hands over
# to the TypeScript command line (scripts/src/cli.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "govtrace: Node.js is not installed (Node 20.9 or newer is needed)." >&2
  exit 1
fi

stamp="node_modules/.govtrace-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # `npm install`, not `npm ci`: the registry here does not serve some other
  # platforms' optional binaries (e.g. @unrs/resolver-binding-darwin-*), so
  # they cannot be in the lockfile and `npm ci` refuses it as out of sync.
  # With a lockfile present, `npm install` installs exactly its versions.
  echo "[govtrace] installing npm dependencies (npm install from package-lock.json; about a minute the first time)…"
  npm install --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
fi

exec node_modules/.bin/tsx scripts/src/cli.ts "$@"
