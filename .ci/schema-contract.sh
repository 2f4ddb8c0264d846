#!/usr/bin/env bash
# The schema contract: schema/schema.graphql against the previous commit, or against
# $SCHEMA_CONTRACT_BASE (e.g. origin/main for a merge request; it must exist). Breaking changes fail
# unless schema/CHANGES.md marks them as intended.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${SCHEMA_CONTRACT_BASE:-}" ]; then
  exec node -r @swc-node/register scripts/schema-contract.ts --base "$SCHEMA_CONTRACT_BASE"
fi

has_previous() { git rev-parse --verify --quiet 'HEAD~1^{commit}' >/dev/null; }
if ! has_previous && [ "$(git rev-parse --is-shallow-repository)" = true ]; then
  # CI checkouts are often shallow (depth 1): fetch the commit before this one if the remote allows.
  GIT_TERMINAL_PROMPT=0 git fetch --quiet --deepen=1 >/dev/null 2>&1 || true
fi
if ! has_previous; then
  echo "schema contract: no previous commit (the first commit, or a shallow clone that could not be deepened): nothing to compare, passed"
  exit 0
fi
exec node -r @swc-node/register scripts/schema-contract.ts --base HEAD~1
