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

# chart.js: the statistics dashboard's stacked bars (an enhancement: the page's tables carry the same figures without
# JavaScript). The UMD build defines window.Chart without a module loader and bundles its one dependency,
# @kurkle/color, whose MIT licence is copied beside Chart.js's (the package names its licence LICENSE.md; it is kept
# as LICENSE like the other libraries here).
dest=src/PublicServices.Web/wwwroot/lib/chart.js
mkdir -p "$dest"
cp node_modules/chart.js/dist/chart.umd.js "$dest/"
cp node_modules/chart.js/LICENSE.md "$dest/LICENSE"
cp node_modules/@kurkle/color/LICENSE.md "$dest/LICENSE-kurkle-color.md"
echo "Vendored chart.js $(node -p "require('./node_modules/chart.js/package.json').version") into $dest"
