#!/usr/bin/env python3
"""Time `growth build --cache` after one record changes.

    python3 Benchmarks/incremental.py GROWTH SCHOOL AS_OF WORK OUT.json

Copies SCHOOL into WORK (the school itself is never changed), builds it once
with a cache and once more after an edit (the night before, untimed), then
three times edits one record and builds again with the cache. Writes each
build's wall time, peak memory and what it rendered to OUT.json, with the
medians.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

binary, school, as_of, work, out = sys.argv[1:]
content = os.path.join(work, "content")
site = os.path.join(work, "site")
cache = os.path.join(work, "cache")
shutil.rmtree(work, ignore_errors=True)
shutil.copytree(school, content)


def build():
    """One cached build: (seconds, peak RSS in KB, its last line)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [binary, "build", "--allow-errors", "--content", content, "--output", site, "--as-of", as_of,
         "--cache", cache],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = child.stdout.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"incremental: growth build failed:\n{output[-2000:]}")
    return elapsed, usage.ru_maxrss, output.strip().splitlines()[-1]


first, first_rss, _ = build()
student = sorted(os.listdir(os.path.join(content, "students")))[0]
record = sorted(f for f in os.listdir(os.path.join(content, "students", student)) if f != "index.md")[-1]
path = os.path.join(content, "students", student, record)
# The night before: an edit and a cached build, untimed. A build with a cache
# keeps the site it replaces as the cache's spare, which the next one brings
# up to date: the nightly build's steady state, timed below.
with open(path, "a") as f:
    f.write("\n前一晚补记。\n")
build()
runs = []
for n in range(3):
    with open(path, "a") as f:
        f.write(f"\n补记第{n + 1}次。\n")
    seconds, rss, line = build()
    match = re.search(r"\((\d+) pages rendered, (\d+) unchanged since the cached build; (\d+) files kept", line)
    if not match:
        sys.exit(f"incremental: the build did not use its cache: {line}")
    rendered, reused, kept = (int(x) for x in match.groups())
    runs.append({"seconds": seconds, "rss_kb": rss, "rendered": rendered, "reused": reused, "kept": kept})
    print(f"    {seconds:.2f} s, {rss // 1024} MB: {rendered} pages rendered, {reused} reused, {kept} files kept")
shutil.rmtree(work, ignore_errors=True)
json.dump({
    "first": first, "first_rss_kb": first_rss, "runs": runs,
    "median": statistics.median(r["seconds"] for r in runs),
    "rss_kb": max(r["rss_kb"] for r in runs),
}, open(out, "w"))
