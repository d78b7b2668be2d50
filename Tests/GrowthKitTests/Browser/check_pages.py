#!/usr/bin/env python3
"""Reads built sites in headless Chromium as readers do, and reports as JSON.

    python3 check_pages.py SITE [SITE ...]

For every page type of each site, at 390 px (a phone) and 1366 px (a desktop):
the document is no wider than the window; a table of a few short columns
(class wraps) and a list of student cards (class cards) show all they hold; on
the phone, a wide table scrolled to its end still shows whose each row is;
every table's headers are aligned as the cells below them; and axe-core 4.x
finds no serious or critical violation. On the first site, search from file://
finds a student by a Chinese name, and a growth file printed to PDF gives A4
pages.

Prints {"skipped": reason} when Chromium or its driver cannot be started, so
the Swift test can say so instead of passing in silence.
"""

import base64
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def skip(reason):
    print(json.dumps({"skipped": reason}))
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
except ImportError as error:
    skip(f"selenium is not installed ({error}); Scripts/setup.sh --tests installs it")

try:
    import axe_playwright_python
    AXE = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")).read()
except (ImportError, OSError) as error:
    skip(f"axe-core is not installed ({error}); Scripts/setup.sh --tests installs it")

CHROMIUM = next((p for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(p)), None)
DRIVER = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
if not CHROMIUM or not DRIVER:
    skip("chromium or chromium-driver is missing; Scripts/setup.sh --tests installs them")


def driver():
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--allow-file-access-from-files", "--hide-scrollbars"]:
        options.add_argument(flag)
    try:
        return webdriver.Chrome(service=Service(DRIVER), options=options)
    except Exception as error:  # noqa: BLE001 - any failure to start is a skip with its reason
        skip(f"chromium would not start: {str(error).splitlines()[0]}")


def pages(site):
    """One page of each type the site has."""
    found = ["index.html", "evaluation/index.html", "forums/index.html", "search/index.html"]
    for pattern in ["classes/*/index.html", "students/*/index.html", "tutors/*/index.html",
                    "terms/*/index.html", "terms/*/classes/*/index.html", "terms/*/tutors/*/index.html",
                    "problems/index.html"]:
        matches = sorted(glob.glob(os.path.join(site, pattern)))
        if matches:
            found.append(os.path.relpath(matches[len(matches) // 2], site))
    return [p for p in found if os.path.exists(os.path.join(site, p))]


ALIGNMENT = """
const found = [];
for (const table of document.querySelectorAll('table')) {
  const head = table.tHead && table.tHead.rows[0];
  const row = table.tBodies[0] && table.tBodies[0].rows[0];
  if (!head || !row || head.cells.length !== row.cells.length) continue;
  for (let i = 0; i < head.cells.length; i++) {
    const over = getComputedStyle(head.cells[i]).textAlign;
    const under = getComputedStyle(row.cells[i]).textAlign;
    if (over !== under) found.push(`"${head.cells[i].textContent.trim()}": header ${over}, cells ${under}`);
  }
}
return found;
"""


NAME_IN_VIEW = """
const found = [];
for (const table of document.querySelectorAll('table.list')) {
  if (table.scrollWidth <= table.clientWidth + 1) continue;
  // The row's name: its first link, else the cell under a name's header.
  const headers = [...table.tHead.rows[0].cells].map(cell => cell.textContent.trim());
  const column = headers.findIndex(header => ['学生', '导师', '姓名', 'Student', 'Tutor', 'Name'].includes(header));
  const row = table.tBodies[0] && table.tBodies[0].rows[0];
  const name = table.querySelector('tbody tr a') || (row && column >= 0 ? row.cells[column] : null);
  if (!name) continue;
  table.scrollIntoView();
  table.scrollLeft = table.scrollWidth;
  const box = name.getBoundingClientRect();
  const shown = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!shown || !(shown === name || name.contains(shown))) {
    found.push(`"${name.textContent.trim()}" is hidden when the table is scrolled: ` + table.tHead.textContent.trim());
  }
  table.scrollLeft = 0;
}
window.scrollTo(0, 0);
return found;
"""


def check(browser, site, path, width):
    browser.set_window_size(width, 900)
    browser.get("file://" + os.path.join(os.path.abspath(site), path))
    sizes = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    problems = []
    if sizes[0] > sizes[1] + 1:
        problems.append({"page": path, "width": width, "kind": "overflow",
                         "detail": f"document {sizes[0]} px wide in a {sizes[1]} px window"})
    # A column's header sits as its cells do: a number right-aligned under a
    # header on the left reads as the next column's.
    for detail in browser.execute_script(ALIGNMENT):
        problems.append({"page": path, "width": width, "kind": "alignment", "detail": detail})
    # A table of a few short columns (class "wraps") and a list of students
    # with their reasons (class "cards") show all of it on a phone, nothing
    # hidden past the edge of a scrolling box.
    for detail in browser.execute_script(
            "return [...document.querySelectorAll('table.wraps, table.cards')]"
            ".filter(t => t.scrollWidth > t.clientWidth + 1)"
            ".map(t => `${t.scrollWidth} px of columns in ${t.clientWidth} px: `"
            " + t.tHead.textContent.trim())"):
        problems.append({"page": path, "width": width, "kind": "cut-off", "detail": detail})
    # A wide table scrolled to its end still shows whose row it is: the
    # first name in its first row is in view, not under another cell.
    if width < 600:
        for detail in browser.execute_script(NAME_IN_VIEW):
            problems.append({"page": path, "width": width, "kind": "name-hidden", "detail": detail})
    browser.execute_script(AXE)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    for violation in result:
        if violation.get("impact") in ("serious", "critical"):
            targets = [" ".join(map(str, n.get("target", []))) for n in violation.get("nodes", [])[:3]]
            problems.append({"page": path, "width": width, "kind": "axe", "detail":
                             f"{violation['id']} ({violation['impact']}): {violation.get('help')} at {targets}"})
    return problems


def search(browser, site, name):
    browser.set_window_size(1366, 900)
    browser.get("file://" + os.path.join(os.path.abspath(site), "search/index.html"))
    box = browser.find_element("id", "search-input")
    box.send_keys(name)
    browser.execute_script("document.getElementById('search-input').dispatchEvent(new Event('input'))")
    return browser.execute_script("return document.getElementById('search-results').innerText")


def print_pages(browser, site):
    growth = sorted(glob.glob(os.path.join(site, "students/*/index.html")))[0]
    browser.get("file://" + os.path.abspath(growth))
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    a4 = all(abs(float(w) - 595.28) < 2 and abs(float(h) - 841.89) < 2 for w, h in boxes)
    # Every page carries "n / N" (the print stylesheet's page numbers), read back with pdftotext.
    numbered = None
    named = None
    if shutil.which("pdftotext"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, text=True).stdout
        numbered = all(f"{n} / {len(boxes)}" in text for n in range(1, len(boxes) + 1))
        # Every page names the student: "<name> · <id>" heads each one.
        name = re.search(r'<td class="print-header">([^<]+)</td>', open(growth, encoding="utf-8").read())
        pages = text.split("\f")
        named = bool(name) and all(name.group(1) in page for page in pages if page.strip())
    return {"pages": len(boxes), "a4": a4 and len(boxes) > 0, "numbered": numbered,
            "named": named if shutil.which("pdftotext") else None}


def main():
    sites = sys.argv[1:]
    browser = driver()
    report = {"problems": [], "checked": 0}
    try:
        for site in sites:
            for path in pages(site):
                for width in (390, 1366):
                    report["problems"] += [dict(p, site=os.path.basename(site)) for p in check(browser, site, path, width)]
                    report["checked"] += 1
        first = sites[0]
        students = sorted(glob.glob(os.path.join(first, "students/*/index.html")))
        name = re.search(r"<h1>([^<]+?) <span", open(students[0], encoding="utf-8").read()).group(1)
        report["searchName"] = name
        report["searchResults"] = search(browser, first, name[-2:])
        report["print"] = print_pages(browser, first)
    finally:
        browser.quit()
    print(json.dumps(report, ensure_ascii=False))


main()
