#!/usr/bin/env bash
# Debian's chromium for the real-browser tests. Installed when it is missing and this runs as root
# with apt (as CI does); elsewhere it says so and the browser tests skip.
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; then
    exit 0
  fi
  echo "install_browser: apt-get could not install chromium; the browser tests will skip" >&2
else
  echo "install_browser: no chromium (apt-get install chromium as root); the browser tests will skip" >&2
fi
exit 0
