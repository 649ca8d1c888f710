#!/usr/bin/env python3
"""Generate the small demo PDFs and PNGs in content/files/ (python3 stdlib only).

The files are placeholders for the fictional school's signed documents and news
illustrations. Output is deterministic, so re-running does not change the tree.
Usage: python3 scripts/make_demo_files.py [SITE_DIR]
"""
import os
import struct
import sys
import zlib

PDFS = {
    "polozhenie.pdf": [
        "MBOU SOSh No 17, g. Severorechensk (demo)",
        "Polozhenie o sisteme nastavnichestva",
        "pedagogicheskikh rabotnikov i obuchayushchikhsya",
        "Utverzhdeno prikazom ot 28.08.2026 No 214-o",
    ],
    "prikaz-214-o.pdf": [
        "MBOU SOSh No 17 (demo)",
        "Prikaz ot 28.08.2026 No 214-o",
        "Ob utverzhdenii Polozheniya o sisteme nastavnichestva",
    ],
    "prikaz-215-o.pdf": [
        "MBOU SOSh No 17 (demo)",
        "Prikaz ot 28.08.2026 No 215-o",
        "Ob utverzhdenii dorozhnoy karty na 2026-2027 uchebnyy god",
    ],
    "prikaz-221-o.pdf": [
        "MBOU SOSh No 17 (demo)",
        "Prikaz ot 01.09.2026 No 221-o",
        "O naznachenii kuratora tselevoy modeli nastavnichestva",
    ],
    "prikaz-230-o.pdf": [
        "MBOU SOSh No 17 (demo)",
        "Prikaz ot 14.09.2026 No 230-o",
        "O zakreplenii nastavnicheskikh par i grupp",
    ],
    "metodicheskie-rekomendatsii.pdf": [
        "MBOU SOSh No 17 (demo)",
        "Metodicheskie rekomendatsii",
        "po sostavleniyu personalizirovannoy programmy nastavnichestva",
    ],
}

# name: (width, height, background RGB, foreground RGB)
PNGS = {
    "seminar.png": (160, 90, (232, 240, 250), (30, 80, 160)),
    "ekskursiya.png": (160, 90, (245, 238, 226), (120, 70, 20)),
    "shkola-nastavnikov.png": (160, 90, (230, 245, 234), (20, 110, 60)),
}


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines):
    stream_lines = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        stream_lines.append("(%s) Tj T*" % pdf_escape(line))
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def make_png(width, height, bg, fg):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            # a simple picture: frame, a horizon line and two "figures"
            border = x < 3 or y < 3 or x >= width - 3 or y >= height - 3
            line = height * 2 // 3 <= y < height * 2 // 3 + 3
            fig1 = (x - width // 3) ** 2 + (y - height // 3) ** 2 < 100
            fig2 = (x - 2 * width // 3) ** 2 + (y - height // 3) ** 2 < 100
            rows += bytes(fg if (border or line or fig1 or fig2) else bg)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
            + png_chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + png_chunk(b"IEND", b""))


def main():
    site = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    target = os.path.join(site, "content", "files")
    os.makedirs(target, exist_ok=True)
    for name, lines in PDFS.items():
        with open(os.path.join(target, name), "wb") as f:
            f.write(make_pdf(lines))
    for name, (w, h, bg, fg) in PNGS.items():
        with open(os.path.join(target, name), "wb") as f:
            f.write(make_png(w, h, bg, fg))
    print("written %d files to %s" % (len(PDFS) + len(PNGS), target))


if __name__ == "__main__":
    main()
