#!/usr/bin/env bash
# Screenshot a `wirehouse report` HTML page with headless Chromium, to check the charts render.
#   scripts/screenshot_report.sh REPORT.html OUT.png
# Set CHROMIUM to use another binary. Chromium runs with a throwaway profile and its network
# features off: the page is self-contained, so nothing should be fetched.
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT.png" >&2
    exit 2
fi
report=$1
out=$2
if [ ! -f "$report" ]; then
    echo "$report: no such file; write it with \`wirehouse report\` first" >&2
    exit 1
fi
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
    echo "chromium not found; install it (apt-get install -y chromium) or set CHROMIUM" >&2
    exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
report_path=$(realpath "$report")
out_path=$(realpath -m "$out")
mkdir -p "$(dirname "$out_path")"
rm -f "$out_path"
# file:// URLs need spaces and percent signs escaped.
report_url="file://$(printf '%s' "$report_path" | sed -e 's/%/%25/g' -e 's/ /%20/g')"

# Headless Chromium logs D-Bus complaints on machines without a session bus; keep its log
# and show it only when no screenshot came out.
log="$profile/chromium.log"
status=0
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1400,4000 --screenshot="$out_path" "$report_url" \
    >"$log" 2>&1 || status=$?

if [ ! -s "$out_path" ]; then
    cat "$log" >&2
    echo "chromium (exit $status) wrote no screenshot to $out_path" >&2
    exit 1
fi
echo "Wrote $out_path"
