#!/usr/bin/env bash
# Refresh axe-core, the accessibility engine the site tests inject into every page
# (tests/site/test_a11y.py). Only the tests use it; the book never serves it.
# Needs Node's npm. Run from the repository root:  bash scripts/vendor-axe.sh
set -euo pipefail
AXE=4.14.1
out=tests/site/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "axe-core@$AXE" >/dev/null && tar xzf "axe-core-$AXE.tgz" )
mkdir -p "$out"
cp "$tmp/package/axe.min.js" "$out/axe.min.js"
cp "$tmp/package/LICENSE" "$out/axe-core.LICENSE.txt"
echo "vendored axe-core $AXE into $out:"; ls -l "$out"
