#!/usr/bin/env bash
# Refreshes the browser libraries committed under src/PublicServices.Web/wwwroot/lib from npm, pinned by package.json
# and package-lock.json. Only needed when a version changes: the build and the tests use the committed copies.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

# json-logic-js: the same rule engine the server follows, so pages can show or hide fields as the applicant types.
dest=src/PublicServices.Web/wwwroot/lib/json-logic-js
mkdir -p "$dest"
cp node_modules/json-logic-js/logic.js node_modules/json-logic-js/LICENSE "$dest/"
echo "Vendored json-logic-js $(node -p "require('./node_modules/json-logic-js/package.json').version") into $dest"
