#!/bin/sh
# Installs what the browser quality gates (tests/browser/) need, and nothing
# more: Debian's Chromium, a Java runtime (for the Nu Html Checker) and the
# pinned npm packages from package-lock.json.
#
# Idempotent: apt-get runs only when /usr/bin/chromium (or $CHROMIUM_PATH) or
# `java` is missing; `npm ci` runs only when node_modules is missing or older
# than package-lock.json. No browser build is ever downloaded: Chromium comes
# from Debian, playwright-core only drives it.
#
# Usage: sh scripts/install-system-deps.sh   (from anywhere)
set -eu

cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

missing=""
if [ ! -x "$CHROMIUM" ]; then
    # fonts-liberation is only a Recommends of chromium-common: without it a
    # --no-install-recommends install may render pages with no usable font.
    missing="$missing chromium fonts-liberation"
fi
if ! command -v java >/dev/null 2>&1; then
    missing="$missing default-jre-headless"
fi

if [ -n "$missing" ]; then
    echo "install-system-deps: installing Debian packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-system-deps: missing:$missing; need root or sudo to run apt-get." >&2
        echo "install-system-deps: run as root: apt-get update && apt-get install -y$missing" >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "install-system-deps: missing:$missing, and apt-get is not available; install them by hand." >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update
    # shellcheck disable=SC2086
    $SUDO apt-get install -y --no-install-recommends $missing
    if [ ! -x "$CHROMIUM" ]; then
        echo "install-system-deps: $CHROMIUM still missing after apt-get install." >&2
        exit 1
    fi
    if ! command -v java >/dev/null 2>&1; then
        echo "install-system-deps: java still missing after apt-get install." >&2
        exit 1
    fi
else
    echo "install-system-deps: chromium and java present"
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "install-system-deps: npm not found; install Node.js 20+ first." >&2
    exit 1
fi

# --ignore-scripts: none of the pinned packages needs an install script, and
# vnu-jar's postinstall would try to download a Java runtime when none is on
# PATH (we use Debian's).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    echo "install-system-deps: npm ci"
    npm ci --no-audit --no-fund --ignore-scripts
    touch node_modules
else
    echo "install-system-deps: node_modules up to date"
fi
