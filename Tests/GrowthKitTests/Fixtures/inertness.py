"""Parses every HTML file under a folder and prints, as JSON, what could run:
script elements, event-handler attributes, javascript: URLs and embedded
content. Used by OutputSafetyTests."""
import json
import os
import sys
from html.parser import HTMLParser


class Scan(HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append(f"{self.path}: script src={dict(attrs).get('src')}")
        if tag in ("iframe", "img", "object", "embed", "base", "form", "meta") and not (
            tag == "meta" and dict(attrs).get("http-equiv") != "refresh"
        ):
            self.found.append(f"{self.path}: <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{self.path}: {tag} {name}")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value and value.strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"{self.path}: {tag} {name}={value}")


found = []
root = sys.argv[1]
for folder, _, names in os.walk(root):
    for name in names:
        if name.endswith(".html"):
            path = os.path.join(folder, name)
            scan = Scan(os.path.relpath(path, root))
            scan.feed(open(path, encoding="utf-8").read())
            found += scan.found
print(json.dumps(sorted(found), ensure_ascii=False))
