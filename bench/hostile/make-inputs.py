#!/usr/bin/env python3
"""Writes hostile inputs of up to 20 MB into DIR (issue 25): text without sentence ends, text with stray quotation
marks, <div/> repeated, deep nesting, a 19 MB JSONL text, and 1 MB variants that analysis still runs on.
Usage: python3 bench/hostile/make-inputs.py DIR; then, per file F:
/usr/bin/time -v storyline ingest DIR/F --db /tmp/h.db (Release build; a fresh database each time)."""
import json, os, random, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
r = random.Random(1)
words = ["the", "Mayor", "John", "Smith", "said", "told", "Reuters", "city", "bridge", "and", "of", "police", "according", "to"]


def text(n, quotes=False):
    parts, size = [], 0
    while size < n:
        w = '"' if quotes and r.random() < 0.25 else r.choice(words)
        parts.append(w)
        size += len(w) + 1
    return " ".join(parts)[:n]


def write(name, content):
    with open(os.path.join(out, name), "w") as f:
        f.write(content)


quotes = text(20_000_000, quotes=True)
write("nosent.txt", text(20_000_000))
write("quotes.txt", quotes)
write("divs.html", "<html><body>" + "<div/>" * (20_000_000 // 6) + "x</body></html>")
write("nest.html", "<html><body>" + "<div><span>a" * (18_000_000 // 12) + "</body></html>")
write("big.jsonl", json.dumps({"id": "big", "text": quotes[:19_000_000]}) + "\n")
write("nosent1m.txt", text(990_000))
write("quotes1m.txt", text(990_000, quotes=True))
