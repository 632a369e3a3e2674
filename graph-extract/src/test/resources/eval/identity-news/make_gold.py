#!/usr/bin/env python3
"""Builds articles.jsonl, gold.jsonl and clusters.tsv of the identity-news test set from articles.md.

articles.md holds the articles, each starting with a header:

    ## idn-01
    title: ...
    published: 2025-01-14

    Body text, in which every mention of a named entity is written [surface text|cluster-id].

Offsets are computed here (0-based, end-exclusive indices into the plain text), never by hand, and every
one is checked: text[start:end] == surface. Cluster metadata (type, canonical name, Wikipedia title,
note) is read from clusters.in.tsv; clusters.tsv adds the articles each cluster appears in.

Usage: python3 make_gold.py            (run in this folder; writes the three files next to it)
"""
import json, os, re, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "https://newsgraph.test/entity/"
MARK = re.compile(r"\[([^\[\]|]+)\|([a-z0-9-]+)\]")
TYPES = {"Person", "Organization", "Place", "Product"}
# namesakes that must never meet in one article
NAMESAKES = [("priya-raman-lumora", "priya-raman-zendesk"), ("daniel-ortiz-ribera", "daniel-ortiz-permian")]


def fail(msg):
    sys.exit("make_gold: " + msg)


def parse_articles(path):
    arts, cur, body = [], None, []
    for line in open(path, encoding="utf-8").read().split("\n") + ["## END"]:
        if line.startswith("## "):
            if cur:
                cur["raw"] = "\n".join(body).strip()
                arts.append(cur)
            cur, body = {"id": line[3:].strip()}, []
        elif cur is not None and not body and line.startswith(("title:", "published:")):
            k, v = line.split(":", 1)
            cur[k] = v.strip()
        elif cur is not None:
            body.append(line)
    return arts


def render(raw):
    """Strips the markup; returns the plain text and the mentions with offsets."""
    out, mentions, pos = [], [], 0
    n = 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()])
        n += len(raw[pos:m.start()])
        surface, cid = m.group(1), m.group(2)
        mentions.append({"start": n, "end": n + len(surface), "text": surface, "cluster": cid})
        out.append(surface)
        n += len(surface)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    return text, mentions


def main():
    clusters = {}
    for i, line in enumerate(open(os.path.join(HERE, "clusters.in.tsv"), encoding="utf-8")):
        if i == 0 or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 5:
            fail("clusters.in.tsv line %d: want 5 fields, got %d" % (i + 1, len(f)))
        cid, typ, name, wiki, note = f
        if typ not in TYPES:
            fail("cluster %s: bad type %s" % (cid, typ))
        if cid in clusters:
            fail("cluster %s defined twice" % cid)
        clusters[cid] = (typ, name, wiki, note)

    arts = parse_articles(os.path.join(HERE, "articles.md"))
    seen_ids = set()
    docs_of = defaultdict(list)
    surfaces_of = defaultdict(set)
    n_mentions = 0
    with open(os.path.join(HERE, "articles.jsonl"), "w", encoding="utf-8") as fa, \
         open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as fg:
        for a in arts:
            aid = a["id"]
            if aid in seen_ids:
                fail("duplicate article id " + aid)
            seen_ids.add(aid)
            for k in ("title", "published"):
                if not a.get(k):
                    fail("%s: missing %s" % (aid, k))
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["published"]):
                fail("%s: bad date %s" % (aid, a["published"]))
            text, mentions = render(a["raw"])
            for ch in "[]|":
                if ch in text:
                    fail("%s: stray %r left in text (broken markup?) near %r" % (aid, ch, text[max(0, text.index(ch) - 40):text.index(ch) + 40]))
            if any(ord(c) > 0xFFFF for c in text):
                fail("%s: character outside the BMP" % aid)
            words = len(text.split())
            if not 150 <= words <= 350:
                fail("%s: %d words, want 150-350" % (aid, words))
            for m in mentions:
                if text[m["start"]:m["end"]] != m["text"]:
                    fail("%s: offset check failed for %r" % (aid, m["text"]))
                if m["text"] != m["text"].strip():
                    fail("%s: mention %r has outer whitespace" % (aid, m["text"]))
                if m["cluster"] not in clusters:
                    fail("%s: undefined cluster %s (%r)" % (aid, m["cluster"], m["text"]))
                if aid not in docs_of[m["cluster"]]:
                    docs_of[m["cluster"]].append(aid)
                surfaces_of[m["cluster"]].add(m["text"])
            used = {m["cluster"] for m in mentions}
            for x, y in NAMESAKES:
                if x in used and y in used:
                    fail("%s: namesakes %s and %s in one article" % (aid, x, y))
            n_mentions += len(mentions)
            fa.write(json.dumps({"id": aid, "title": a["title"], "published": a["published"], "text": text},
                                ensure_ascii=False) + "\n")
            # facts: consecutive mentions paired as subject/object; an odd last mention is paired with
            # the one before it (the scorer reads (document, start, end, uri) as a set, so the repeat is harmless)
            facts = []
            pairs = [(mentions[i], mentions[i + 1] if i + 1 < len(mentions) else mentions[i - 1])
                     for i in range(0, len(mentions), 2)]
            for j, (s, o) in enumerate(pairs, 1):
                facts.append({
                    "factId": "%s-%d" % (aid, j), "propertyId": "mention", "humanReadable": "mention",
                    "subjectStart": s["start"], "subjectEnd": s["end"], "subjectText": s["text"],
                    "subjectUri": BASE + s["cluster"],
                    "objectStart": o["start"], "objectEnd": o["end"], "objectText": o["text"],
                    "objectUri": BASE + o["cluster"]})
            fg.write(json.dumps({"documentId": aid, "documentText": text, "passages": [{
                "passageId": aid + ":0-%d" % len(text), "exhaustivelyAnnotatedProperties": [],
                "passageStart": 0, "passageEnd": len(text), "passageText": text, "facts": facts}]},
                ensure_ascii=False) + "\n")
    unused = sorted(set(clusters) - set(docs_of))
    if unused:
        fail("clusters defined but never used: " + ", ".join(unused))
    with open(os.path.join(HERE, "clusters.tsv"), "w", encoding="utf-8") as fc:
        fc.write("cluster_id\ttype\tcanonical_name\twikipedia_title\tarticles\tnote\n")
        for cid in sorted(clusters):
            typ, name, wiki, note = clusters[cid]
            fc.write("\t".join([cid, typ, name, wiki, ",".join(docs_of[cid]), note]) + "\n")
    multi = sum(1 for c in docs_of if len(docs_of[c]) > 1)
    print("articles %d, mentions %d, clusters %d, clusters in 2+ articles %d"
          % (len(arts), n_mentions, len(docs_of), multi))
    if "-v" in sys.argv:
        for cid in sorted(docs_of, key=lambda c: -len(docs_of[c])):
            print("%-28s %2d  %s" % (cid, len(docs_of[cid]), " / ".join(sorted(surfaces_of[cid]))))


if __name__ == "__main__":
    main()
