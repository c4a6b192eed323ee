#!/usr/bin/env python3
"""Every relative link and #anchor in README.md and docs/*.md leads somewhere.

    doc_links.py REPO

A link to a file must name one that exists (relative to the page that links it); a
link with #anchor must name a heading of that page, by GitHub's rule for heading ids
(lower case, punctuation dropped, spaces to hyphens, a repeated heading gets -1, -2...).
Links inside code (fenced blocks, `spans`) are text, not links. Web addresses are not
fetched: the deck and its tests work offline.

Every docs/*.md page is linked from the README (its "Documentation" list), so that a
new page cannot be left where no reader finds it.

Sections named in words are checked too, in the docs and in the source tree's comments
and messages (generator/, tests/, scripts/, bench/): every docs/NAME.md mentioned exists,
and `docs/NAME.md, "Section"`, `README, "Section"` or `"Section" in docs/NAME.md` (or
"in the README", "in its README") names a heading of that page or a paragraph that
opens with that bold phrase.
"""
import os
import re
import sys

from doc_pages import fence_closes, fence_opening, finish, pages

# [text](target) and ![alt](target); the target ends at a space (a title follows) or ')'.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S+)")


def prose_lines(text):
    """(line number, text) of the lines outside fenced code, with code spans blanked."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        if fence:
            if fence_closes(line, fence):
                fence = None
            continue
        opening = fence_opening(line)
        if opening:
            fence = opening[1]
            continue
        yield number, re.sub(r"(`+)(?:(?!\1).)+?\1", lambda s: " " * len(s.group(0)), line)


def slug(heading):
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading: its text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "").replace("*", "")
    text = re.sub(r"\s*\{[^}]*\}\s*$", "", text) if text.rstrip().endswith("}") and "{#" in text else text
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        seen, ids = {}, set()
        with open(path, encoding="utf-8") as f:
            for _, line in prose_lines(f.read()):
                m = re.match(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
                if not m:
                    ids.update(re.findall(r"\bid=\"([^\"]+)\"", line))
                    continue
                base = slug(m.group(1))
                n = seen.get(base, 0)
                ids.add(base if n == 0 else f"{base}-{n}")
                seen[base] = n + 1
        cache[path] = ids
    return cache[path]


SOURCE_DIRS = ["generator", "tests", "scripts", "bench"]
SOURCE_FILES = re.compile(r"\.(h|cpp|cc|c|py|mjs|js|sh|css|txt|md)$|^[a-z_]+$")
PAGE = r"(README(?:\.md)?|docs/[\w-]+\.md)"
SECTION_AFTER = re.compile(PAGE + r"(?:'s)?\)?,\s+\"([^\"]+)\"")
SECTION_BEFORE = re.compile(r"\"([^\"]+)\"\s+in\s+(?:\[)?(?:(?:the|its) (README)|" + PAGE + ")")


def sections(path, cache={}):
    """A page's headings and bold paragraph leads, as written (bold leads without their
    closing punctuation)."""
    if path not in cache:
        found = []
        with open(path, encoding="utf-8") as f:
            for _, line in prose_lines(f.read()):
                m = re.match(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
                if m:
                    found.append(m.group(1))
                m = re.match(r"^\s*(?:[-*] |\d+\. )?\*\*(.+?)\*\*", line)
                if m:
                    found.append(m.group(1).rstrip(".:"))
        cache[path] = [s.replace("`", "") for s in found]
    return cache[path]


def logical_lines(text):
    """(line number, line), with a C++ string literal continued on the next line ("...see "
    "this") joined to it and its escaped quotes read as quotes, as the message prints."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        number, line = i + 1, lines[i]
        while line.rstrip().endswith('"') and i + 1 < len(lines) and lines[i + 1].lstrip().startswith('"'):
            line = line.rstrip()[:-1] + lines[i + 1].lstrip()[1:]
            i += 1
        yield number, line.replace('\\"', '"')
        i += 1


def section_references(repo, where, text, problems):
    for number, line in logical_lines(text):
        for page in re.findall(r"(?<![\w/.-])(docs/[\w-]+\.md)", line):
            if not os.path.exists(os.path.join(repo, page)):
                problems.append(f"{where}:{number}: {page} does not exist")
        refs = [(m.group(1), m.group(2)) for m in SECTION_AFTER.finditer(line)]
        refs += [(m.group(2) or m.group(3), m.group(1)) for m in SECTION_BEFORE.finditer(line)]
        for page, section in refs:
            path = os.path.join(repo, "README.md" if page.startswith("README") else page)
            if os.path.exists(path) and not any(s.startswith(section.replace("`", "")) for s in sections(path)):
                problems.append(f"{where}:{number}: {page} has no section \"{section}\" "
                                f"(a heading, or a paragraph led by it in bold)")


def unlisted_pages(repo, problems):
    """The docs pages the README links to none of."""
    with open(os.path.join(repo, "README.md"), encoding="utf-8") as f:
        linked = {os.path.normpath(target.partition("#")[0])
                  for _, line in prose_lines(f.read()) for target in LINK.findall(line)}
    for doc in pages(repo):
        if doc != "README.md" and os.path.normpath(doc) not in linked:
            problems.append(f"README.md: no link to {doc}: list it under \"Documentation\" with one line")


def check(repo):
    problems, count = [], 0
    unlisted_pages(repo, problems)
    for doc in pages(repo):
        page = os.path.join(repo, doc)
        with open(page, encoding="utf-8") as f:
            text = f.read()
        for number, line in prose_lines(text):
            targets = LINK.findall(line) + REFERENCE.findall(line)
            for target in targets:
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, mailto:, ...
                    continue
                count += 1
                file_part, _, anchor = target.partition("#")
                linked = os.path.normpath(os.path.join(os.path.dirname(page), file_part)) if file_part else page
                if not os.path.exists(linked):
                    problems.append(f"{doc}:{number}: the link to {target} leads nowhere: "
                                    f"{os.path.relpath(linked, repo)} does not exist")
                elif anchor and linked.endswith(".md") and anchor not in anchors(linked):
                    problems.append(f"{doc}:{number}: the link to {target}: {os.path.relpath(linked, repo)} "
                                    f"has no heading whose id is '{anchor}'")
        section_references(repo, doc, text, problems)
    for folder in SOURCE_DIRS:
        for root, dirs, files in os.walk(os.path.join(repo, folder)):
            if os.path.relpath(root, repo) == os.path.join("tests", "docs"):
                continue  # these checks' own examples of the forms
            dirs[:] = [d for d in dirs if d not in ("corpus", "node_modules") and not d.startswith("corpus_")]
            for name in files:
                path = os.path.join(root, name)
                if not SOURCE_FILES.search(name) or os.path.getsize(path) > 1_000_000:
                    continue
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except UnicodeDecodeError:
                    continue
                section_references(repo, os.path.relpath(path, repo), text, problems)
    return count, problems


def main():
    count, problems = check(os.path.realpath(sys.argv[1]))
    return finish(problems, f"{count} relative links checked")


if __name__ == "__main__":
    sys.exit(main())
