"""Copy the KERN UX design system and Leaflet from node_modules into our static files.

    python scripts/build_assets.py      (run by `make`; needs `npm ci` first)

KERN ships Fira Sans with every glyph in 33 cuts (about 135 KB each). Pages here use five cuts
and Western European text, so the fonts are cut down to Latin with fontTools (about 11 KB each):
only the OpenType features a browser applies by default (kerning, ligatures, marks; no CSS here
asks for others) and no TrueType hinting, as the big font services serve it. They are declared
with `font-display: swap`, so text shows at once in a fallback font; a browser fetches only the
cuts a page uses.

KERN's style sheet styles every component of the design system (340 KB, 35 KB compressed). It is
reduced to the rules whose `kern-` classes our templates, scripts and Python code use
(`reduce_css`), so a first visit stays light (issue 13 §4).
"""

import re
import shutil
from pathlib import Path

import tinycss2
from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
KERN = ROOT / "node_modules" / "@kern-ux" / "native" / "dist"
OUT = ROOT / "kek" / "core" / "static" / "vendor" / "kern"
LEAFLET = ROOT / "node_modules" / "leaflet" / "dist"
LEAFLET_OUT = ROOT / "kek" / "core" / "static" / "vendor" / "leaflet"

# (file, weight, style) of the cuts KERN's tokens use: regular, medium, semi-bold, bold, italic.
CUTS = [
    ("FiraSans-Regular", 400, "normal"),
    ("FiraSans-Italic", 400, "italic"),
    ("FiraSans-Medium", 500, "normal"),
    ("FiraSans-SemiBold", 600, "normal"),
    ("FiraSans-Bold", 700, "normal"),
]
# Each cut in two files, told apart by `unicode-range`, so a browser fetches the second only for a
# page that shows one of its characters. Common: Basic Latin, Latin-1 (ä ö ü ß), general
# punctuation („“–…), €, ™, minus and the arrows of the pager (← →). Rare: Latin Extended-A (names of
# neighbours), super- and subscripts (CO₂), the other arrows and symbols used in the concept (◆, ✓).
RANGES = {
    "": "U+0000-00FF,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212",
    "-ext": "U+0100-017F,U+2070-209F,U+2194-21FF,U+25C6,U+2713",
}


# Where `kern-` classes are named: templates (also the feed's XSLT), scripts, Python code and content files.
SOURCES = [ROOT / "kek", ROOT / "content"]
SOURCE_SUFFIXES = {".html", ".xsl", ".js", ".py", ".css", ".yaml", ".txt", ".md"}
KERN_CLASS = re.compile(r"kern-[A-Za-z0-9_-]+")


def used_kern_classes() -> set[str]:
    """Every `kern-…` name in our sources. A name cut off by template or f-string syntax
    (`kern-badge--{% if … %}`, `kern-badge--{status}`) ends in `-` and stands for all its endings."""
    names: set[str] = set()
    for folder in SOURCES:
        for path in folder.rglob("*"):
            if path.suffix in SOURCE_SUFFIXES and "static/vendor" not in path.as_posix():
                names.update(KERN_CLASS.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return names


def _class_is_used(name: str, used: set[str]) -> bool:
    return name in used or any(u.endswith("-") and name.startswith(u) for u in used)


def _selector_is_used(selector: str, used: set[str]) -> bool:
    """Whether every `kern-` class the selector needs is in use. Classes inside `:not()`, `:is()`,
    `:where()` and `:has()` are not counted: such a selector may match without them, so it stays."""
    selector = re.sub(r":(not|is|where|has)\([^()]*\)", "", selector)
    return all(_class_is_used(name, used) for name in re.findall(r"\.(kern-[A-Za-z0-9_-]+)", selector))


def _selectors(prelude: list) -> list[str]:
    """A selector list split at its top-level commas (commas inside `:is(…)` stay with their selector)."""
    parts: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [tinycss2.serialize(part).strip() for part in parts]


def reduce_css(css: str, used: set[str]) -> str:
    """KERN's CSS without the selectors that name a `kern-` class nobody uses; a rule left without
    selectors goes. Rules without such classes (base styles, design tokens, animations) stay."""

    def keep(nodes) -> list[str]:
        out = []
        for node in nodes:
            if node.type == "qualified-rule":
                selectors = [s for s in _selectors(node.prelude) if _selector_is_used(s, used)]
                if selectors:
                    out.append(",".join(selectors) + "{" + tinycss2.serialize(node.content) + "}")
            elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports", "layer") and node.content:
                inner = keep(tinycss2.parse_rule_list(node.content))
                if inner:
                    out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{''.join(inner)}}}")
            elif node.type == "at-rule":
                out.append(tinycss2.serialize([node]))
        return out

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(keep(rules))


def build() -> None:
    if not KERN.exists():
        raise SystemExit("node_modules fehlt: bitte zuerst `npm ci` ausführen.")
    shutil.rmtree(OUT, ignore_errors=True)
    (OUT / "fonts").mkdir(parents=True)
    css = (KERN / "kern.min.css").read_text(encoding="utf-8")
    (OUT / "kern.min.css").write_text(reduce_css(css, used_kern_classes()), encoding="utf-8")
    shutil.copy(ROOT / "node_modules" / "@kern-ux" / "native" / "LICENSE.md", OUT / "LICENSE.md")
    faces = []
    for name, weight, style in CUTS:
        for suffix, unicodes in RANGES.items():
            options = subset.Options()
            options.flavor = "woff2"
            options.hinting = False
            font = subset.load_font(str(KERN / "fonts" / "fira-sans" / f"{name}.woff2"), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
            subsetter.subset(font)
            subset.save_font(font, str(OUT / "fonts" / f"{name}{suffix}.woff2"), options)
            faces.append(
                "@font-face {\n"
                f'  font-family: "Fira Sans";\n  src: url("fonts/{name}{suffix}.woff2") format("woff2");\n'
                f"  font-weight: {weight};\n  font-style: {style};\n  font-display: swap;\n"
                f"  unicode-range: {unicodes};\n}}\n"
            )
    (OUT / "fonts.css").write_text("/* Generated by scripts/build_assets.py */\n" + "".join(faces), encoding="utf-8")
    # Leaflet for the map, served by us like everything else (no CDN).
    shutil.rmtree(LEAFLET_OUT, ignore_errors=True)
    LEAFLET_OUT.mkdir(parents=True)
    for name in ("leaflet.js", "leaflet.js.map", "leaflet.css", "images"):
        source = LEAFLET / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, LEAFLET_OUT / name)
    shutil.copy(ROOT / "node_modules" / "leaflet" / "LICENSE", LEAFLET_OUT / "LICENSE")


if __name__ == "__main__":
    build()
