"""Reading a PDF as its readers do, with poppler (pdftotext, pdftoppm)."""

import re
import subprocess
import zlib
from pathlib import Path

# The body of an A4 page in points (pdf.css: 22 mm top and 20 mm bottom margin): running heads and
# page numbers left out, so a text that runs over a page break reads as one.
BODY = ["-x", "0", "-y", "63", "-W", "595", "-H", "722"]


def pdf_text(path: Path, *, body_only: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(BODY if body_only else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeezed(text: str) -> str:
    """Text without white space and hyphens, so line breaks do not matter (pdftotext joins a word
    broken after its hyphen at the end of a line and drops that hyphen)."""
    return re.sub(r"[\s\xad-]+", "", text)


def render_first_page(path: Path, folder: Path) -> Path:
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(folder / "seite")], check=True)
    return next(folder.glob("seite*.png"))


def catalogue_entries(path: Path) -> bytes:
    """The PDF's objects with their compressed streams unpacked (the catalogue sits in one)."""
    data = path.read_bytes()
    unpacked = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.S):
        try:
            unpacked.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(unpacked)
