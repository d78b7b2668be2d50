#!/usr/bin/env bash
# Builds the release binary of growth for Linux x86_64 that a CI image runs
# without Swift installed: the Swift runtime linked in (--static-swift-stdlib)
# and cmark and jemalloc linked statically (Debian's libcmark-dev and
# libjemalloc-dev ship libcmark.a and libjemalloc_pic.a; Package.swift says
# why jemalloc is linked as one object). Then checks with ldd that it needs
# nothing but the C library and its companions, and that it checks and
# builds the demo school.
#
#   Scripts/release.sh [OUT]     default OUT: .build-release/growth-linux-x86_64
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
out=${1:-.build-release/growth-linux-x86_64}
scratch=.build-release
libs="$PWD/$scratch/static-libs"
mkdir -p "$libs" "$scratch/pkgconfig" "$(dirname "$out")"
# SwiftPM links cmark with what pkg-config says. A libcmark.pc whose libdir
# holds only the archive makes the linker take the static library.
archive=$(find /usr/lib -name libcmark.a | head -n 1)
system_pc=$(find /usr/lib /usr/share -name libcmark.pc | head -n 1)
[ -n "$archive" ] && [ -n "$system_pc" ] || { echo "release: libcmark.a not found (apt-get install libcmark-dev)" >&2; exit 1; }
ln -sf "$archive" "$libs/libcmark.a"
sed "s|^libdir=.*|libdir=$libs|" "$system_pc" > "$scratch/pkgconfig/libcmark.pc"
# jemalloc as one relocatable object: its malloc stays a global symbol, which
# the executable exports, so the C library and libstdc++ allocate with it too.
jemalloc=$(find /usr/lib -name libjemalloc_pic.a | head -n 1)
[ -n "$jemalloc" ] || { echo "release: libjemalloc_pic.a not found (apt-get install libjemalloc-dev)" >&2; exit 1; }
# Its C part only: the C++ operators would need libstdc++ in every program the
# build links (the template embedder too), and libstdc++'s own call malloc,
# which is then jemalloc's.
members="$scratch/jemalloc-objects"
rm -rf "$members" && mkdir -p "$members"
(cd "$members" && ar x "$jemalloc" && rm -f jemalloc_cpp*.o)
ld -r "$members"/*.o -o "$scratch/jemalloc.o"
GROWTH_STATIC_RELEASE=1 PKG_CONFIG_PATH="$PWD/$scratch/pkgconfig" swift build -c release \
    --scratch-path "$scratch/build" --static-swift-stdlib --product growth -Xlinker "$PWD/$scratch/jemalloc.o"
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
# The allocator is jemalloc (it prints its statistics at exit when asked);
# the check and the build below would crash if the C library freed with
# another.
MALLOC_CONF=stats_print:true "$out" --version 2>&1 | grep -q "jemalloc statistics" \
    || { echo "release: $out does not allocate with jemalloc" >&2; exit 1; }
# Not only starting: a check and a build of the demo school, as a CI would run them.
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$out" check --content content > /dev/null \
    || { echo "release: $out failed to check the demo school" >&2; exit 1; }
"$out" build --content content --output "$site/site" > /dev/null \
    || { echo "release: $out failed to build the demo school" >&2; exit 1; }
echo "release: checked and built the demo school"
