#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser), with a Chinese font so
# that screenshots (test/artifacts/) can be read and judged — without one every 汉字 is a box.
# Installs what is missing when this user can use apt-get; otherwise says exactly what to run.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[[ -x "$chromium" ]] || missing+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]]; then
  missing+=(fonts-noto-cjk)
fi
if [[ ${#missing[@]} -eq 0 ]]; then exit 0; fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${missing[*]} (Debian) for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "The browser tests need Chromium at $chromium: run 'sudo apt-get install chromium fonts-noto-cjk' (or set CHROMIUM_PATH)." >&2
  exit 1
else
  echo "setup: no Chinese font found; screenshots will show boxes ('sudo apt-get install fonts-noto-cjk')." >&2
fi
