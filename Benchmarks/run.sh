#!/usr/bin/env bash
# Benchmark `growth check` (with and without its cache of parsed files) and `growth build` on a
# large synthetic school against the raw cost of reading the same bytes (`cat` of every file),
# and record its peak memory.
#
#   bash Benchmarks/run.sh [--students 2000] [--records 55000] [--no-large] [--release]
#
# The school is generated once per size under .build/bench-school-<students>-<records>
# and reused while the generator is unchanged, and committed to git once, as a
# school's content is, so that builds read its history. Hugo builds the same notes
# (Debian's hugo, installed when apt can; skipped with a note otherwise).
# Unless --no-large, a 10,000-student school with two terms (540,000
# records) is built once too, for memory and the growth ratio. `growth serve` (save to
# served) and `growth build --cache` after one record changes are timed on the first school.
# With --release the binary timed is the one schools run: Scripts/release.sh's
# static build, instead of `swift build -c release`. Where /dev/shm is, the
# build is timed a second time with its output in memory (tmpfs), apart
# from this machine's disk.
set -euo pipefail

students=2000
records=55000
large=1
release=0
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
        --no-large) large=0; shift ;;
        --release) release=1; shift ;;
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

if [ "$release" = 1 ]; then
    echo "==> building the release binary (Scripts/release.sh)"
    bin="$root/.build-release/growth-linux-x86_64"
    Scripts/release.sh "$bin"
else
    echo "==> building growth (release)"
    swift build -c release --product growth
    bin="$root/.build/release/growth"
fi
[ -x "$bin" ] || { echo "run.sh: $bin was not built" >&2; exit 1; }

# generate NAME STUDENTS RECORDS TERMS [hugo]: a school (and with `hugo` its Hugo twin,
# NAME-hugo) under .build, reused while the generator is unchanged; prints its folder.
generate() {
    local dir="$root/.build/$1" want twin=()
    [ "${5:-}" = hugo ] && twin=(--hugo "$dir-hugo")
    want="$(sha256sum Benchmarks/generate_school.py | cut -d' ' -f1) seed=$seed $2 $3 $4 ${5:-}"
    if [ -d "$dir" ] && [ -f "$dir.stamp" ] && [ "$(cat "$dir.stamp")" = "$want" ]; then
        echo "==> reusing $dir" >&2
    else
        echo "==> generating $dir" >&2
        rm -rf "$dir" "$dir.stamp" "$dir-hugo"
        python3 Benchmarks/generate_school.py "$dir" --students "$2" --records "$3" --terms "$4" \
            --seed "$seed" "${twin[@]}" >&2
        echo "$want" > "$dir.stamp"
    fi
    echo "$dir"
}
school="$(generate "bench-school-$students-$records" "$students" "$records" 1 hugo)"
# A school's content lives in git, and `growth build` reads its history for
# late entries (a fifth of a cached build once, unseen while the benchmark's
# school was not committed). The records go in as one commit dated the
# term's first day, so none is late; the cat below leaves .git out.
if [ ! -d "$school/.git" ] && command -v git >/dev/null 2>&1; then
    echo "==> committing $school to git (once)"
    (cd "$school" && git init -q && git add -A &&
        GIT_AUTHOR_DATE="2025-09-01T08:00:00+08:00" GIT_COMMITTER_DATE="2025-09-01T08:00:00+08:00" \
            git -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false \
            commit -q -m "the school's records")
fi
if ! command -v hugo >/dev/null 2>&1; then try_apt_install hugo; fi

q_school="$(printf %q "$school")"
q_bin="$(printf %q "$bin")"
ref_cmd="find $q_school -path $q_school/.git -prune -o -type f -print0 | xargs -0 cat > /dev/null"
# Exit 1 means "the content has errors", which is still a finished check.
check_cmd="$q_bin check --content $q_school --as-of $as_of > /dev/null 2>&1; test \$? -le 1"
# The same with the parsed files of the run before (hyperfine's warm-up makes them): a pre-commit hook.
cached_check_cmd="$q_bin check --content $q_school --as-of $as_of --cache $(printf %q "$tmp/check-cache") > /dev/null 2>&1; test \$? -le 1"
# The whole site: aggregation, every page, the exports, the atomic write.
build_cmd="$q_bin build --allow-errors --content $q_school --output $(printf %q "$tmp/site") --as-of $as_of > /dev/null 2>&1"
# Hugo rendering the same notes: a page per record, a list per student.
hugo_cmd="hugo --quiet -s $(printf %q "$school-hugo") -d $(printf %q "$tmp/hugo-site") > /dev/null 2>&1"
names=(cat "growth check" "growth check --cache" "growth build")
commands=("$ref_cmd" "$check_cmd" "$cached_check_cmd" "$build_cmd")
# The same build with its output in memory (tmpfs), when the machine has
# /dev/shm: what a build costs apart from this disk's making and removing of
# 4,663 files and folders (Benchmarks/README.md, "This disk").
shm=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    shm="$(mktemp -d /dev/shm/growth-bench.XXXXXX)"
    trap 'rm -rf "$tmp" "$shm"' EXIT
    names+=("growth build, output on tmpfs")
    commands+=("$q_bin build --allow-errors --content $q_school --output $(printf %q "$shm/site") --as-of $as_of > /dev/null 2>&1")
fi
if command -v hugo >/dev/null 2>&1; then
    names+=(hugo)
    commands+=("$hugo_cmd")
else
    echo "    (hugo is not installed and apt could not install it: no Hugo comparison)"
fi

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
    args=()
    for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
    hyperfine --runs "$runs" --warmup 1 --style basic --export-json "$tmp/times.json" "${args[@]}"
else
    echo "    (hyperfine not available: timing with a Python loop)"
    python3 - "$runs" "$tmp/times.json" "${#names[@]}" "${names[@]}" "${commands[@]}" <<'EOF'
import json, statistics, subprocess, sys, time
runs, out, count, *rest = sys.argv[1:]
names, commands = rest[:int(count)], rest[int(count):]
results = []
for name, cmd in zip(names, commands):
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
hugo_rss_kb=""
if command -v hugo >/dev/null 2>&1 && /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v -o "$tmp/hugo-time.txt" hugo --quiet -s "$school-hugo" -d "$tmp/hugo-site" > /dev/null 2>&1 || true
    hugo_rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/hugo-time.txt")"
fi

# The 10,000-student school with two terms: one build, its wall time and peak memory.
: > "$tmp/large.txt"
if [ "$large" = 1 ] && /usr/bin/time -v true >/dev/null 2>&1; then
    big="$(generate bench-school-10000-540000-2terms 10000 540000 2)"
    # The machine's own reading of the same files first (it also brings them
    # into the page cache, as hyperfine's warm-up does for the first school):
    # the ratio growth's time is judged against is the one `cat` shows too.
    echo "==> cat of $big (once)"
    q_big="$(printf %q "$big")"
    /usr/bin/time -v -o "$tmp/large-cat.txt" bash -c "find $q_big -type f -print0 | xargs -0 cat > /dev/null"
    big_cat="$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/large-cat.txt")"
    echo "==> growth build of $big (once)"
    /usr/bin/time -v -o "$tmp/large-time.txt" "$bin" build --allow-errors --content "$big" \
        --output "$tmp/large-site" --as-of 2026-07-10 > /dev/null 2>&1 || true
    rm -rf "$tmp/large-site"
    big_wall="$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/large-time.txt")"
    big_rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/large-time.txt")"
    echo "$big_wall $big_rss $big_cat" > "$tmp/large.txt"
fi

# growth serve: from saving one record to the rebuilt growth file being served.
echo "==> growth serve: saving a record until its page is served (3 times)"
python3 Benchmarks/serve_latency.py "$bin" "$school" "$as_of" "$tmp/serve.json"

# growth build --cache: one record changed since the cached build, on a copy of the school.
echo "==> growth build --cache after one record changes (3 times, on a copy)"
python3 Benchmarks/incremental.py "$bin" "$school" "$as_of" "$tmp/incremental" "$tmp/incremental.json"

echo
python3 - "$tmp/times.json" "$runs" "${rss_kb:-}" "$students" "$records" "${build_rss_kb:-}" "$tmp/serve.json" \
    "${hugo_rss_kb:-}" "$tmp/large.txt" "$tmp/incremental.json" <<'EOF'
import json, statistics, sys
path, runs, rss_kb, students, records, build_rss_kb, serve, hugo_rss_kb, large, incremental = sys.argv[1:]
results = {r["command"]: r.get("median") or statistics.median(r["times"]) for r in json.load(open(path))["results"]}
ref, check, build = results["cat"], results["growth check"], results["growth build"]
hugo = results.get("hugo")

def seconds(x):
    return f"{x:.0f}" if x >= 100 else f"{x:#.3g}"

def mb(kb):
    return f"{int(kb) / 1024:.0f} MB" if kb.strip().isdigit() else "n/a"

saved = json.load(open(serve))["median"]
cached_check = results["growth check --cache"]
rows = [
    ("growth check", f"{seconds(check)} s", f"{check / ref:.1f}× cat", mb(rss_kb)),
    ("growth check --cache, nothing changed", f"{seconds(cached_check)} s",
     f"{cached_check / check:.2f}× growth check", "n/a"),
    ("growth build", f"{seconds(build)} s",
     f"{build / ref:.1f}× cat" + (f"; Hugo takes {hugo / build:.1f}× as long" if hugo else ""), mb(build_rss_kb)),
]
in_memory = results.get("growth build, output on tmpfs")
if in_memory:
    rows.append(("growth build, output on tmpfs", f"{seconds(in_memory)} s",
                 f"{in_memory / build:.2f}× growth build" + (f"; Hugo takes {hugo / in_memory:.1f}× as long" if hugo else ""),
                 "n/a"))
if hugo:
    rows.append(("hugo, the same notes", f"{seconds(hugo)} s", f"{hugo / ref:.1f}× cat", mb(hugo_rss_kb)))
rows.append(("growth serve, save to served", f"{seconds(saved)} s", f"{saved / build:.2f}× a full build", "n/a"))
cached = json.load(open(incremental))
last = cached["runs"][-1]
rows.append(("growth build --cache, one record changed", f"{seconds(cached['median'])} s",
             f"{cached['median'] / build:.2f}× a full build; {last['rendered']} pages rendered, "
             f"{last['reused']} reused, {last['kept']} files kept", mb(str(cached["rss_kb"]))))
def clock(text):
    fields = [float(x) for x in text.split(":")]
    return fields[-1] + 60 * fields[-2] + (3600 * fields[-3] if len(fields) > 2 else 0)

parts = open(large).read().split()
if len(parts) == 3:
    wall, rss, cat_wall = parts
    wall_s, cat_s = clock(wall), clock(cat_wall)
    scale = 540000 / int(records)
    growth_ratio = (wall_s / build) / scale
    cat_ratio = (cat_s / ref) / scale
    rows.append(("cat, 10,000 students, 2 terms", f"{seconds(cat_s)} s",
                 f"{cat_ratio:.2f}× linear in records from the cat above", "n/a"))
    rows.append(("growth build, 10,000 students, 2 terms", f"{seconds(wall_s)} s",
                 f"{growth_ratio:.2f}× linear in records from the build above; "
                 f"{wall_s / cat_s:.1f}× its cat (the first school: {build / ref:.1f}×)", mb(rss)))
print(f"{int(students):,} students, {int(records):,} records, median of {runs} runs (cat: {seconds(ref)} s)")
print()
print("| what | wall | ratio | peak RSS |")
print("| --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
EOF
