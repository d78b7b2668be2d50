#!/usr/bin/env python3
"""Time `growth serve` from saving one record to its rebuilt page being served.

    python3 Benchmarks/serve_latency.py GROWTH SCHOOL AS_OF OUT.json

Starts the server on a free port of 127.0.0.1, writes a new record into the
first student's folder three times, and polls the growth file over HTTP until
it holds the record's marker. Writes the times and their median to OUT.json.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request

binary, school, as_of, out = sys.argv[1:]
server = subprocess.Popen(
    [binary, "serve", "--content", school, "--port", "0", "--as-of", as_of, "--no-history"],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
base = None
deadline = time.time() + 600
while time.time() < deadline and base is None:
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line or "")
    if match:
        base = f"http://127.0.0.1:{match.group(1)}"
if base is None:
    server.kill()
    sys.exit("serve_latency: growth serve did not start")
student = sorted(os.listdir(os.path.join(school, "students")))[0]
times = []
try:
    for n in range(3):
        marker = f"MARK-SAVED-{n}-{time.time_ns()}"
        path = os.path.join(school, "students", student, f"{as_of}-observation-bench-{n}.md")
        start = time.perf_counter()
        with open(path, "w") as f:
            f.write(f"---\nmood: 3\n---\n{marker}\n")
        while marker not in urllib.request.urlopen(f"{base}/students/{student}/index.html").read().decode():
            if time.perf_counter() - start > 300:
                sys.exit("serve_latency: the saved record never reached the page")
            time.sleep(0.05)
        times.append(time.perf_counter() - start)
        os.remove(path)
        time.sleep(max(2.0, times[-1] * 1.5))  # let the rebuild after the removal settle
finally:
    server.terminate()
    server.wait(timeout=60)
print(f"    saved → served: {', '.join(f'{t:.2f} s' for t in times)}")
json.dump({"median": statistics.median(times), "times": times}, open(out, "w"))
