#!/bin/sh
# Runs check_scenario_schema.js with node and the npm tools pinned in tests/tools. Skips (77) only
# when node is not installed; missing npm tools are a failure, as scripts/setup.sh installs them.
# Usage: run.sh SOURCE_DIR INSTALLED_SCHEMA
set -eu
src=$1
command -v node >/dev/null || { echo "SKIP: node is not installed (scripts/setup.sh)"; exit 77; }
for module in ajv yaml; do
	[ -f "$src/tests/tools/node_modules/$module/package.json" ] || {
		echo "FAIL: the npm test tool '$module' is missing from tests/tools; run scripts/setup.sh"
		exit 1
	}
done
exec node "$src/tests/schema/check_scenario_schema.js" "$src/docs/scenario.schema.json" \
	"$src/tests/tools" "$src/tests/data" "$src/scenarios/sample" "$src/docs/scenario-format.md" "$2"
