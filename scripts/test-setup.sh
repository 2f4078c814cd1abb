#!/usr/bin/env bash
# Installs what the test suite drives beyond pip, where it is missing: headless Chromium for the
# page tests, raptor2's `rapper` as an independent Turtle parser. Needs apt-get (root or sudo);
# tests that need a missing tool are skipped with the reason when it cannot be installed.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
echo "test set-up: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null 2>&1 || true
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "test set-up: could not install ${need[*]}; the tests that need them will be skipped"
exit 0
