#!/usr/bin/env python3
"""Collects Danish prose for the repair corpus and lays it out as pages.

Reads Danish text from installed Debian packages (manpages-da,
debian-edu-doc-da, libreoffice-help-da) and from bench/corpus-own-da.txt,
keeps plain prose paragraphs (no markup, code, URLs, option lists or
paragraphs with little Danish), wraps them into fixed printed lines (words
hyphenated at a line end the way a Danish typesetter would), and writes one
truth text per page:

  OUTDIR/{tune,heldout}/NNN.truth.txt   the text exactly as it will be printed
  OUTDIR/index.tsv                      part, page, source, document, font, words

Documents, not pages, are split between tune/ (~70%) and heldout/ (~30%), so
no document has pages on both sides. Everything is deterministic: the same
packages give the same corpus.

Usage: corpus_extract.py --out OUTDIR --own bench/corpus-own-da.txt [--words N]
"""

import argparse
import glob
import gzip
import hashlib
import html
import os
import re
import subprocess
import sys

FONTS = ["DejaVu Serif 11", "Liberation Sans 11", "DejaVu Sans 10",
         "Liberation Serif 12"]
LINES_PER_PAGE = 44
HELDOUT_SHARE = 0.30

DANISH_STOP = set("""
af alle alt andre at bare blev blive bliver da de dem den denne dens der deres
det dette dig din disse dit du efter eller en end er et for fra få gør ham han
hans har havde have hende hendes her hos hun hvad hvis hvor hvordan hvilke
hvilken hvilket i ikke ind jeg jer kan kun kunne man mange med meget men mig
min mine mit mod må ned noget nogle nu når og også om op os over på sig sin
sine sit skal skulle som sådan thi til ud under var vi vil ville vor være
været også samt ved via uden mellem hvert hver enten både bør
""".split())
ENGLISH_STOP = set("""
the of and is are this that with you your be by which from an as on not or if
when these those will would should have has was were been their there what
""".split())
SUFFIXES = ["erne", "ene", "ende", "ede", "ets", "ens", "er", "en", "et", "es",
            "e", "s", "r", "t", "te", "ne", "de"]

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
# A token that marks code, markup, a path, an option or an address: the
# sentence holding it is dropped.
CODE_RE = re.compile(
    r"://|www\.|@|\\|[{}<>=_$`#|~^\[\]*]|(?:^|\s)--?[A-Za-z0-9]|(?:^|\s)/[a-z]"
    r"|\b[a-z0-9]+\.(?:html?|conf|txt|deb|sh|py|cfg|xml|org|com|net|dk)\b"
    r"|\b[A-Za-z]+[0-9]+[A-Za-z]*\b|\.\.\.|\s[;:]\s|\(\)|\b[A-Z]{2,}[a-z]+[A-Z]")
# Characters a printed Danish note uses; a sentence with any other character
# (superscripts, arrows, symbols, other scripts) is dropped, since the
# corpus measures Danish letters, not symbol recognition.
PLAIN_RE = re.compile(r"^[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
                      r" .,;:!?'\"()%&+/§«»„“”‘’–—…-]*$")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«\"„(])")


def load_dictionary():
    words = set()
    path = "/usr/share/hunspell/da_DK.dic"
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            w = line.split("/", 1)[0].strip()
            if w:
                words.add(w.lower())
    return words


DICT = None


def known(word):
    if word in DICT or word in DANISH_STOP:
        return True
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3 and word[: -len(s)] in DICT:
            return True
    return False


def danish_enough(text):
    words = [w.lower() for w in WORD_RE.findall(text)]
    if len(words) < 6:
        return False
    hits = sum(1 for w in words if known(w))
    english = sum(1 for w in words if w in ENGLISH_STOP)
    danish_stop = sum(1 for w in words if w in DANISH_STOP)
    return (hits / len(words) >= 0.75 and english / len(words) <= 0.05
            and danish_stop >= 1)


def clean_paragraph(text):
    """Plain prose from one paragraph of source text, or '' when none is left."""
    text = html.unescape(text)
    text = text.replace("\u00ad", "").replace("\u00a0", " ").replace("\u200b", "")
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return ""
    kept = []
    for sentence in SENTENCE_RE.split(text):
        s = sentence.strip()
        if not s or CODE_RE.search(s) or not PLAIN_RE.match(s):
            continue
        letters = sum(ch.isalpha() for ch in s)
        if letters < 0.6 * len(s):
            continue
        kept.append(s)
    para = " ".join(kept)
    if not para or not danish_enough(para):
        return ""
    if not re.search(r"[.!?:)]$", para):
        return ""  # fragments (headings, table cells, option names) are not prose
    return para


# ---------------------------------------------------------------- sources

def man_documents():
    docs = []
    for path in sorted(glob.glob("/usr/share/man/da/man*/*.gz")):
        name = os.path.basename(path)[:-3]
        with gzip.open(path, "rb") as f:
            source = f.read()
        try:
            pre = subprocess.run(["preconv", "-e", "utf-8"], input=source,
                                 capture_output=True, check=True).stdout
            out = subprocess.run(
                ["groff", "-man", "-Tutf8", "-rLL=4000n", "-rHY=0", "-P-cbou"],
                input=pre, capture_output=True, check=True).stdout
        except (subprocess.CalledProcessError, FileNotFoundError):
            continue
        text = out.decode("utf-8", "replace")
        paras, section = [], ""
        for line in text.split("\n"):
            if line and not line.startswith(" "):
                section = line.strip()
                continue
            if section in ("NAVN", "SYNOPSIS", "OVERSIGT", "FORFATTER", "FORFATTERE",
                           "COPYRIGHT", "OPHAVSRET", "SE OGSÅ", "OVERSÆTTELSE",
                           "RAPPORTERING AF FEJL", "FEJLRAPPORTER"):
                continue
            p = clean_paragraph(line)
            if p:
                paras.append(p)
        docs.append(("manpages-da", "man:" + name, paras))
    return docs


def html_paragraphs(fragment):
    fragment = re.sub(r"<(pre|code|script|style|table|kbd|samp)\b.*?</\1>", " ",
                      fragment, flags=re.S | re.I)
    fragment = re.sub(r"<span class=\"(literal|input|menuitem|emph)\"[^>]*>(.*?)</span>",
                      lambda m: m.group(2) if m.group(1) == "emph" else " ",
                      fragment, flags=re.S)
    paras = []
    for m in re.finditer(r"<p\b[^>]*>(.*?)</p>", fragment, flags=re.S | re.I):
        raw = re.sub(r"<[^>]+>", " ", m.group(1))
        p = clean_paragraph(raw)
        if p:
            paras.append(p)
    return paras


def edu_documents():
    path = "/usr/share/doc/debian-edu-doc-da/debian-edu-bookworm-manual.html"
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        s = f.read()
    # One document per section (h2/h3), so the tune/heldout split has grain.
    parts = re.split(r"(<h[23][^>]*>.*?</h[23]>)", s, flags=re.S)
    docs, title = [], "front"
    for part in parts:
        m = re.match(r"<h[23][^>]*>(.*?)</h[23]>", part, flags=re.S)
        if m:
            title = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", m.group(1))).strip()
            continue
        paras = html_paragraphs(part)
        if paras:
            docs.append(("debian-edu-doc-da", "edu:" + title, paras))
    return docs


def libreoffice_documents():
    root = "/usr/share/libreoffice/help/da/text"
    docs = []
    for path in sorted(glob.glob(root + "/**/*.html", recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            s = f.read()
        m = re.search(r'<div id="DisplayArea".*', s, flags=re.S)
        if not m:
            continue
        paras = html_paragraphs(m.group(0))
        rel = os.path.relpath(path, root)
        docs.append(("libreoffice-help-da", "lo:" + rel, paras))
    return docs


def own_documents(path):
    docs, title, paras, cur = [], None, [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    def flush_para():
        if cur:
            paras.append(re.sub(r"\s+", " ", " ".join(cur)).strip())
            cur.clear()
    for line in lines + ["## end"]:
        if line.startswith("## "):
            flush_para()
            if title and paras:
                docs.append(("own", "own:" + title, list(paras)))
            title, paras[:] = line[3:].strip(), []
        elif line.startswith("#"):
            continue
        elif not line.strip():
            flush_para()
        else:
            cur.append(line.strip())
    return docs


# ---------------------------------------------------------------- layout

VOWELS = set("aeiouyæøåAEIOUYÆØÅéÉ")


def hyphen_points(word):
    """Break positions i (break before word[i]) a Danish typesetter might use:
    before a consonant that starts a syllable (consonant followed by a vowel),
    at least 3 letters on each side; only plain lower-case words."""
    if not word.isalpha() or not word.islower() or len(word) < 7:
        return []
    points = []
    for i in range(3, len(word) - 2):
        if (word[i] not in VOWELS and word[i + 1] in VOWELS
                and word[i - 1].isalpha()):
            points.append(i)
    return points


def wrap(paragraph, width):
    # A word ending in a source hyphen ("for- og") stays on the line of the
    # word after it, so no printed line ends in a hyphen the typesetter did
    # not add.
    paragraph = re.sub(r"(\S-) ", "\\1\u00a0", paragraph)
    lines, line = [], ""
    for word in paragraph.split(" "):
        if not line:
            line = word
            continue
        if len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        room = width - len(line) - 2  # a space and the hyphen
        core = word.rstrip(".,;:!?)")
        tail = word[len(core):]
        fits = [i for i in hyphen_points(core) if i <= room]
        if fits and room >= 4:
            i = max(fits)
            lines.append(line + " " + core[:i] + "-")
            line = core[i:] + tail
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return [l.replace("\u00a0", " ") for l in lines]


def md5(s):
    return hashlib.md5(s.encode("utf-8")).hexdigest()


def count_words(paras):
    return sum(len(p.split()) for p in paras)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--own", required=True)
    ap.add_argument("--words", type=int, default=28000)
    # A further tuning corpus, disjoint from an existing one: its documents
    # (index.tsv) are not used, nor any paragraph they hold; no own text; no
    # heldout part.
    ap.add_argument("--exclude-documents", metavar="INDEX_TSV")
    ap.add_argument("--all-tune", action="store_true")
    ap.add_argument("--no-own", action="store_true")
    args = ap.parse_args()

    global DICT
    DICT = load_dictionary()

    own = [] if args.no_own else own_documents(args.own)
    excluded = set()
    if args.exclude_documents:
        with open(args.exclude_documents, encoding="utf-8") as f:
            for line in list(f)[1:]:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 4:
                    excluded.add(cols[3])
    own_words = sum(count_words(p) for _, _, p in own)
    budget = max(0, args.words - own_words)
    # (name, documents, words cap per document). The budget is shared evenly;
    # a source with less usable text leaves its share to the ones after it.
    sources = [
        ("debian-edu-doc-da", edu_documents(), 1200),
        ("manpages-da", man_documents(), 1200),
        ("libreoffice-help-da", libreoffice_documents(), 700),
    ]
    chosen = [(s, d, p) for s, d, p in own]
    # Packages repeat text (aliased man pages such as make/gmake, boilerplate
    # help paragraphs): keep each paragraph once, so no text sits on both
    # sides of the split.
    seen = set()
    for s, d, paras in own:
        seen.update(paras)
    if excluded:
        kept_sources = []
        for name, docs, cap in sources:
            for s, d, paras in docs:
                if d in excluded:
                    seen.update(paras)
            kept_sources.append((name, [x for x in docs if x[1] not in excluded], cap))
        sources = kept_sources
    left = budget
    for k, (name, docs, cap) in enumerate(sources):
        share = left / (len(sources) - k)
        unique = []
        for s, d, paras in sorted(docs, key=lambda x: x[1]):
            fresh = [p for p in paras if p not in seen]
            seen.update(fresh)
            unique.append((s, d, fresh))
        docs = [(s, d, p) for s, d, p in unique if count_words(p) >= 60]
        docs.sort(key=lambda x: md5(x[1]))
        taken = 0
        for s, d, paras in docs:
            if taken >= share:
                break
            keep, n = [], 0
            for p in paras:
                if n >= cap:
                    break
                keep.append(p)
                n += len(p.split())
            chosen.append((s, d, keep))
            taken += n
        left -= taken
        print(f"{name}: {len(docs)} usable documents, took {taken} words",
              file=sys.stderr)

    # Split by document, per source, ~30% of words to heldout.
    part_of = {}
    by_source = {}
    for s, d, p in chosen:
        by_source.setdefault(s, []).append((d, count_words(p)))
    for s, docs in by_source.items():
        docs.sort(key=lambda x: md5("split:" + x[0]))
        held, total = 0, 0
        for d, n in docs:
            total += n
            if not args.all_tune and held + n <= HELDOUT_SHARE * total + 0.5 * n:
                part_of[d] = "heldout"
                held += n
            else:
                part_of[d] = "tune"

    index = []
    counters = {"tune": 0, "heldout": 0}
    for part in ("tune", "heldout"):
        os.makedirs(os.path.join(args.out, part), exist_ok=True)
    for doc_no, (s, d, paras) in enumerate(chosen):
        part = part_of[d]
        h = int(md5("layout:" + d), 16)
        width = 72 + h % 19            # 72..90 characters a line
        font = FONTS[(h >> 8) % len(FONTS)]
        lines = []
        for p in paras:
            if lines:
                lines.append("")
            lines.extend(wrap(p, width))
        pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
        for page_lines in pages:
            while page_lines and not page_lines[0]:
                page_lines.pop(0)
            while page_lines and not page_lines[-1]:
                page_lines.pop()
            if not page_lines:
                continue
            counters[part] += 1
            name = f"{counters[part]:03d}"
            with open(os.path.join(args.out, part, name + ".truth.txt"), "w",
                      encoding="utf-8") as f:
                f.write("\n".join(page_lines) + "\n")
            words = sum(len(l.split()) for l in page_lines)
            index.append((part, name, s, d, font, words))
    with open(os.path.join(args.out, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("part\tpage\tsource\tdocument\tfont\twords\n")
        for row in index:
            f.write("\t".join(str(x) for x in row) + "\n")
    for part in ("tune", "heldout"):
        n = sum(r[5] for r in index if r[0] == part)
        print(f"{part}: {counters[part]} pages, {n} words", file=sys.stderr)


if __name__ == "__main__":
    main()
