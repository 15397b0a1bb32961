#!/usr/bin/env bash
# Retakes the README's screenshots from a running demo (make demo), with Debian's Chromium.
set -euo pipefail
base=${1:-http://127.0.0.1:8000}
out=$(dirname "$0")
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --hide-scrollbars --screenshot="$out/$1.png" --window-size="$2" "$base$3" >/dev/null 2>&1
}
both() {  # name, address: a phone and a desktop screenshot
  shot "$1-phone" 390,1400 "$2"
  shot "$1-desktop" 1280,1100 "$2"
}
for lang in ar en he; do
  both "home-$lang" "/$lang/"
  both "publications-$lang" "/$lang/publications/"
  both "publication-$lang" "/$lang/publications/racism-incitement-index-may-2021/"
done
both events-ar /ar/events/
both event-ar /ar/events/regional-digital-rights-conference-2027/
both campaign-en /en/campaigns/safe-online-childhood/
both topics-ar /ar/topics/
both not-found-en /en/no-such-page/
both about-ar /ar/about/
both team-ar /ar/team/
both partners-en /en/partners/
both contact-he /he/contact/
shot impact-ar 1280,1600 /ar/impact/
# The report's print version: Chromium's command line cannot ask for print styles, Playwright can.
"$out/../../.venv/bin/python" - "$base" "$out" <<'PY'
import sys

from playwright.sync_api import sync_playwright

base, out = sys.argv[1], sys.argv[2]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.goto(f"{base}/ar/impact/")
    page.screenshot(path=f"{out}/impact-print-ar.png", full_page=True)
    browser.close()
PY
