#!/usr/bin/env bash
# Builds the release binary of growth for Linux x86_64 that a CI image runs
# without Swift installed: the Swift runtime linked in (--static-swift-stdlib)
# and cmark and jemalloc linked statically (Debian's libcmark-dev and
# libjemalloc-dev ship libcmark.a and libjemalloc.a). Then
# checks with ldd that it needs nothing but the C library and its companions.
#
#   Scripts/release.sh [OUT]     default OUT: .build-release/growth-linux-x86_64
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
out=${1:-.build-release/growth-linux-x86_64}
scratch=.build-release
libs="$PWD/$scratch/static-libs"
mkdir -p "$libs" "$scratch/pkgconfig" "$(dirname "$out")"
# SwiftPM links cmark and jemalloc with what pkg-config says. A .pc file whose
# libdir holds only the archive makes the linker take the static library.
static_pc() {
    local archive system_pc
    archive=$(find /usr/lib -name "$2.a" | head -n 1)
    system_pc=$(find /usr/lib /usr/share -name "$1.pc" | head -n 1)
    [ -n "$archive" ] && [ -n "$system_pc" ] || { echo "release: $2.a not found (apt-get install $3)" >&2; exit 1; }
    ln -sf "$archive" "$libs/$2.a"
    sed "s|^libdir=.*|libdir=$libs|" "$system_pc" > "$scratch/pkgconfig/$1.pc"
}
static_pc libcmark libcmark libcmark-dev
static_pc jemalloc libjemalloc libjemalloc-dev
PKG_CONFIG_PATH="$PWD/$scratch/pkgconfig" swift build -c release --scratch-path "$scratch/build" \
    --static-swift-stdlib --product growth
cp "$scratch/build/release/growth" "$out"
strip "$out" 2>/dev/null || true

# Only libc, libm, libstdc++, libgcc_s, the loader (and the kernel's vDSO).
allowed='^(linux-vdso\.so|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|ld-linux-x86-64\.so|/lib64/ld-linux-x86-64\.so)'
needed=$(ldd "$out" | awk '{print $1}')
unexpected=$(echo "$needed" | grep -Ev "$allowed" || true)
if [ -n "$unexpected" ]; then
    echo "release: $out needs libraries a stock CI image may lack:" >&2
    echo "$unexpected" >&2
    exit 1
fi
echo "release: $out ($(du -h "$out" | cut -f1)) needs only:"
echo "$needed" | sed 's/^/  /'
"$out" --version >/dev/null 2>&1 || "$out" --help >/dev/null
echo "release: version $("$out" --version 2>/dev/null || echo unknown)"
