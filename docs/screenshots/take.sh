#!/usr/bin/env bash
# Retakes the README's screenshots from a running demo (make demo), with Debian's Chromium.
set -euo pipefail
base=${1:-http://127.0.0.1:8000}
out=$(dirname "$0")
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --hide-scrollbars --screenshot="$out/$1.png" --window-size="$2" "$base$3" >/dev/null 2>&1
}
for lang in ar en; do
  shot "home-$lang-phone" 390,1400 "/$lang/"
  shot "home-$lang-desktop" 1280,1100 "/$lang/"
  shot "publications-$lang-phone" 390,1400 "/$lang/publications/"
  shot "publications-$lang-desktop" 1280,1100 "/$lang/publications/"
  shot "publication-$lang-phone" 390,1600 "/$lang/publications/racism-incitement-index-may-2021/"
  shot "publication-$lang-desktop" 1280,1300 "/$lang/publications/racism-incitement-index-may-2021/"
done
