#!/usr/bin/env bash
# Installs cmark's headers (Debian's libcmark-dev) when pkg-config cannot find
# them; does nothing when they are there. Used by the README's two commands.
set -euo pipefail
if pkg-config --exists libcmark 2>/dev/null; then
    exit 0
fi
echo "libcmark not found by pkg-config: installing libcmark-dev with apt" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q pkg-config libcmark-dev
