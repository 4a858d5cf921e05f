#!/usr/bin/env bash
# Refresh the JavaScript the book and the reports serve themselves (no CDN at run time).
# Needs Node's npm. Run from the repository root:  bash scripts/vendor-js.sh
# Then rebuild the book and run `make test`: the browser tests check that charts and
# widgets still render with every third-party request blocked.
set -euo pipefail
VEGA=6.4.0           # keep in step with altair.VEGA_VERSION (major) used by plnlib
VEGA_LITE=6.4.1      # altair.VEGALITE_VERSION
VEGA_EMBED=7.3.0     # altair.VEGAEMBED_VERSION (major)
HTML_MANAGER=1.0.15  # ipywidgets._version.__html_manager_version__ range
PAPAPARSE=5.7.1      # CSV reading on the Team results page
EXCELJS=4.4.0        # XLSX reading there, loaded only when an .xlsx file is opened
out=plnlib/web/assets/site/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "vega@$VEGA" "vega-lite@$VEGA_LITE" "vega-embed@$VEGA_EMBED" \
    "@jupyter-widgets/html-manager@$HTML_MANAGER" "papaparse@$PAPAPARSE" "exceljs@$EXCELJS" >/dev/null )
unpack() { mkdir -p "$tmp/$1" && tar xzf "$tmp/$2" -C "$tmp/$1"; }
unpack vega "vega-$VEGA.tgz"
unpack vl "vega-lite-$VEGA_LITE.tgz"
unpack ve "vega-embed-$VEGA_EMBED.tgz"
unpack hm "jupyter-widgets-html-manager-$HTML_MANAGER.tgz"
unpack pp "papaparse-$PAPAPARSE.tgz"
unpack xl "exceljs-$EXCELJS.tgz"
cp "$tmp/vega/package/build/vega.min.js" "$out/vega.min.js"
cp "$tmp/vega/package/LICENSE" "$out/vega.LICENSE.txt"
cp "$tmp/vl/package/build/vega-lite.min.js" "$out/vega-lite.min.js"
cp "$tmp/vl/package/LICENSE" "$out/vega-lite.LICENSE.txt"
cp "$tmp/ve/package/build/vega-embed.min.js" "$out/vega-embed.min.js"
cp "$tmp/ve/package/LICENSE" "$out/vega-embed.LICENSE.txt"
cp "$tmp/hm/package/dist/embed.js" "$out/html-manager-embed.js"
cp "$tmp/hm/package/dist/embed.js.LICENSE.txt" "$out/html-manager-embed.js.LICENSE.txt"
cp "$tmp/pp/package/papaparse.min.js" "$out/papaparse.min.js"
cp "$tmp/pp/package/LICENSE" "$out/papaparse.LICENSE.txt"
cp "$tmp/xl/package/dist/exceljs.min.js" "$out/exceljs.min.js"
cp "$tmp/xl/package/LICENSE" "$out/exceljs.LICENSE.txt"
# the widget manager's icon fonts (Font Awesome), fetched relative to the script
cp "$tmp"/hm/package/dist/*.woff2 "$tmp"/hm/package/dist/*.woff "$out/"
echo "vendored into $out:"; ls -l "$out"
