#!/usr/bin/env bash
# Benchmark `growth check` and `growth build` on a large synthetic school against the raw cost of
# reading the same bytes (`cat` of every file), and record its peak memory.
#
#   bash Benchmarks/run.sh [--students 2000] [--records 55000]
#
# The school is generated once per size under .build/bench-school-<students>-<records>
# and reused while the generator is unchanged.
set -euo pipefail

students=2000
records=55000
runs=5
seed=1
as_of=2026-01-16

usage() {
    sed -n '2,8s/^# \{0,1\}//p' "$0"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --students) students="${2:?--students needs a number}"; shift 2 ;;
        --students=*) students="${1#*=}"; shift ;;
        --records) records="${2:?--records needs a number}"; shift 2 ;;
        --records=*) records="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for n in "$students" "$records"; do
    case "$n" in
        ''|*[!0-9]*) echo "run.sh: not a number: $n" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$0")/.."
root="$(pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Installs an apt package when that is possible without asking; never fails.
try_apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else return 0; fi
    fi
    echo "==> installing $1 with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -qq "$1" >/dev/null 2>&1 \
        || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq "$1" >/dev/null 2>&1; } \
        || echo "    (could not install $1)"
    return 0
}

echo "==> building growth (release)"
swift build -c release --product growth
bin="$root/.build/release/growth"
[ -x "$bin" ] || { echo "run.sh: $bin was not built" >&2; exit 1; }

school="$root/.build/bench-school-$students-$records"
stamp="$school.stamp"
want="$(sha256sum Benchmarks/generate_school.py | cut -d' ' -f1) seed=$seed"
if [ -d "$school" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "==> reusing $school"
else
    echo "==> generating $school"
    rm -rf "$school" "$stamp"
    python3 Benchmarks/generate_school.py "$school" \
        --students "$students" --records "$records" --seed "$seed"
    echo "$want" > "$stamp"
fi

q_school="$(printf %q "$school")"
q_bin="$(printf %q "$bin")"
ref_cmd="find $q_school -type f -print0 | xargs -0 cat > /dev/null"
# Exit 1 means "the content has errors", which is still a finished check.
check_cmd="$q_bin check --content $q_school --as-of $as_of > /dev/null 2>&1; test \$? -le 1"
# The whole site: aggregation, every page, the exports, the atomic write.
build_cmd="$q_bin build --allow-errors --content $q_school --output $(printf %q "$tmp/site") --as-of $as_of > /dev/null 2>&1"

# One plain run first: it fails loudly on a crash, warms the file cache and
# measures peak memory.
echo "==> peak memory of growth check"
if ! /usr/bin/time -v true >/dev/null 2>&1; then try_apt_install time; fi
rc=0
if /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v -o "$tmp/time.txt" "$bin" check --content "$school" --as-of "$as_of" \
        > "$tmp/check.out" 2> "$tmp/check.err" || rc=$?
    rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/time.txt")"
else
    # No GNU time: ask the kernel through Python's getrusage instead.
    rss_kb="$(python3 - "$bin" "$school" "$as_of" "$tmp" <<'EOF'
import resource, subprocess, sys
bin, school, as_of, tmp = sys.argv[1:]
with open(f"{tmp}/check.out", "wb") as out, open(f"{tmp}/check.err", "wb") as err:
    rc = subprocess.call([bin, "check", "--content", school, "--as-of", as_of], stdout=out, stderr=err)
open(f"{tmp}/rc", "w").write(str(rc if rc >= 0 else 128 - rc))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
EOF
)"
    rc="$(cat "$tmp/rc")"
fi
if [ "$rc" -ge 2 ]; then
    echo "run.sh: growth check failed with exit code $rc; last lines of its output:" >&2
    tail -n 20 "$tmp/check.err" "$tmp/check.out" >&2
    exit 1
fi
echo "    exit code $rc, $(wc -l < "$tmp/check.out") + $(wc -l < "$tmp/check.err") lines of output"

echo "==> timing ($runs runs each, after 1 warm-up)"
if ! command -v hyperfine >/dev/null 2>&1; then try_apt_install hyperfine; fi
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --runs "$runs" --warmup 1 --style basic --export-json "$tmp/times.json" \
        -n cat "$ref_cmd" -n "growth check" "$check_cmd" -n "growth build" "$build_cmd"
else
    echo "    (hyperfine not available: timing with a Python loop)"
    python3 - "$runs" "$tmp/times.json" "$ref_cmd" "$check_cmd" "$build_cmd" <<'EOF'
import json, statistics, subprocess, sys, time
runs, out, *commands = sys.argv[1:]
results = []
for name, cmd in zip(["cat", "growth check", "growth build"], commands):
    times = []
    for i in range(int(runs) + 1):
        start = time.perf_counter()
        rc = subprocess.call(cmd, shell=True)
        elapsed = time.perf_counter() - start
        if rc != 0:
            sys.exit(f"run.sh: {name} failed (exit code {rc})")
        if i > 0:  # the first run is the warm-up
            times.append(elapsed)
    print(f"    {name}: median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s")
    results.append({"command": name, "times": times, "median": statistics.median(times)})
json.dump({"results": results}, open(out, "w"))
EOF
fi

echo "==> peak memory of growth build"
build_rss_kb=""
if /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v -o "$tmp/build-time.txt" "$bin" build --allow-errors --content "$school" \
        --output "$tmp/site" --as-of "$as_of" > /dev/null 2>&1 || true
    build_rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/build-time.txt")"
fi

# growth serve: from saving one record to the rebuilt growth file being served.
echo "==> growth serve: saving a record until its page is served (3 times)"
python3 Benchmarks/serve_latency.py "$bin" "$school" "$as_of" "$tmp/serve.json"

echo
python3 - "$tmp/times.json" "$runs" "${rss_kb:-}" "$students" "$records" "${build_rss_kb:-}" "$tmp/serve.json" <<'EOF'
import json, statistics, sys
path, runs, rss_kb, students, records, build_rss_kb, serve = sys.argv[1:]
results = json.load(open(path))["results"]
median = [r.get("median") or statistics.median(r["times"]) for r in results]
ref, check, build = median

def seconds(x):
    return f"{x:.0f}" if x >= 100 else f"{x:#.3g}"

rss = f"{int(rss_kb) / 1024:.0f} MB" if rss_kb.strip().isdigit() else "n/a"
print(f"growth check: {seconds(check)} s (median of {runs}), {check / ref:.1f}× the reference "
      f"(cat: {seconds(ref)} s); peak RSS {rss}; {int(students)} students, {int(records):,} records")
build_rss = f"{int(build_rss_kb) / 1024:.0f} MB" if build_rss_kb.strip().isdigit() else "n/a"
print(f"growth build: {seconds(build)} s (median of {runs}), {build / ref:.1f}× the reference; "
      f"peak RSS {build_rss}; the whole site")
saved = json.load(open(serve))["median"]
print(f"growth serve: {seconds(saved)} s from saving one record to its rebuilt page being served "
      f"(median of 3), {saved / build:.2f}× a full build")
EOF
