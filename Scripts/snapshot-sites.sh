#!/usr/bin/env bash
# Builds the demo four ways (leadership, staff, English, --allow-errors with a
# broken record) into OUT, with a fixed clock, so a refactor can be checked
# byte for byte: Scripts/snapshot-sites.sh /tmp/before; …; diff -r /tmp/before /tmp/after
set -euo pipefail
out=${1:?usage: snapshot-sites.sh OUT}
root=$(cd "$(dirname "$0")/.." && pwd)
growth=${GROWTH:-$root/.build/debug/growth}
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795435200   # 2026-11-23 12:00 UTC
build() { "$growth" build --no-history --as-of 2026-11-20 "$@" >/dev/null 2>&1 || true; }
build --content "$root/content" --output "$out/leadership"
build --content "$root/content" --output "$out/staff" --audience staff
cp -r "$root/content" "$work/en"
sed -i 's/^locale: zh-CN/locale: en/' "$work/en/school.yml"
build --content "$work/en" --output "$out/english"
cp -r "$root/content" "$work/broken"
printf -- '---\nmood: 9\n---\n坏了。\n' > "$work/broken/students/2025101/2026-11-02-talk.md"
build --content "$work/broken" --output "$out/allow-errors" --allow-errors
for site in "$out"/*; do rm -f "$site/.growth-site"; done
rm -f "$out"/.*.growth-lock
find "$out" -type f | wc -l
