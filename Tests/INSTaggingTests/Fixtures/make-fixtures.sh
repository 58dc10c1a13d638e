#!/bin/sh
# Rebuilds the PDF fixtures of INSTaggingTests. Needs python3 and qpdf (Debian: qpdf).
# Hand-written minimal PDFs are normalised by qpdf into the shapes the stamper must handle.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import sys
out = sys.argv[1]

def write(name, objects, trailer_extra="", root=1):
    """objects: list of byte strings, object i+1 = objects[i]."""
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        data += b"%010d 00000 n \n" % offset
    data += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra.encode(), xref)
    open(f"{out}/{name}", "wb").write(data)

def stream(content, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"

def text_page(label):
    return (b"BT /F1 14 Tf 72 770 Td (%s) Tj ET\n" % label
            + b"0.8 0.8 0.8 rg 72 72 451 600 re f\n")

font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"

# One A4 page, direct resources.
write("one-page.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    stream(text_page(b"Compte rendu de consultation")),
    font,
])

# Three pages.
write("three-pages.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /MediaBox [0 0 595 842] >>",
    b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> >> /Contents 6 0 R >>",
    b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> >> /Contents 7 0 R >>",
    b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> >> /Contents 8 0 R >>",
    stream(text_page(b"Page 1")),
    stream(text_page(b"Page 2")),
    stream(text_page(b"Page 3")),
    font,
])

# Rotated 90 degrees, CropBox inside a larger MediaBox with a non-zero origin.
write("rotated-90.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /Rotate 90 /MediaBox [-20 -30 640 900] /CropBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    stream(text_page(b"Page tournee de 90 degres")),
    font,
])

# Rotate 270, MediaBox and Rotate inherited through two levels of the page tree; letter size.
write("rotated-270-inherited.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 270 /MediaBox [0 0 612 792] >>",
    b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 3 0 R /Resources << /Font << /F1 6 0 R >> >> /Contents 5 0 R >>",
    stream(text_page(b"Page tournee de 270 degres")),
    font,
])

# Resources inherited from the Pages node and given by reference, an XObject already named like ours,
# contents as an array, and content that leaves the CTM scaled and the fill colour red (no q/Q).
form = stream(b"0 0 1 rg 0 0 10 10 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] ")
write("inherited-resources.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources 4 0 R /MediaBox [0 0 595 842] >>",
    b"<< /Type /Page /Parent 2 0 R /Contents [5 0 R 6 0 R] >>",
    b"<< /Font << /F1 8 0 R >> /XObject 9 0 R /ProcSet [/PDF /Text] >>",
    stream(b"2 0 0 2 0 0 cm 1 0 0 rg\n"),
    stream(b"BT /F1 7 Tf 36 385 Td (Contenu qui laisse la CTM modifiee) Tj ET\n/PasserelleINS Do\n"),
    b"null",
    font,
    b"<< /PasserelleINS 10 0 R >>",
    form,
])
EOF

# Shapes qpdf would normalise away are kept as written by hand (their offsets are computed, so they are valid).
python3 <<'EOF'
def stream(content, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"

def write(name, objects):
    data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        data += b"%010d 00000 n \n" % offset
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(name, "wb").write(data)

# A page without /Contents nor /Resources, and a page whose /Contents is a reference to an array.
write("blank-page.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] >>",
])
write("indirect-contents-array.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    b"/Resources << /Font << /F1 7 0 R >> >> >>",
    b"[5 0 R 6 0 R]",
    stream(b"BT /F1 14 Tf 72 770 Td"),
    stream(b"(Contenu en deux flux) Tj ET"),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
])

# Hybrid-reference file laid out as in ISO 32000-1 7.5.8.4: the main section marks the page and the font free,
# then an update whose table lists the (uncompressed) object stream and whose /XRefStm stream lists the hidden
# objects inside it. Pre-1.5 readers see the free entries; 1.5 readers see the stream entries first.
objstm_objects = [
    (3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>"),
    (5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"),
]
plain = {
    1: b"<< /Type /Catalog /Pages 2 0 R >>",
    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    4: stream(b"BT /F1 14 Tf 72 770 Td (Fichier hybride) Tj ET"),
}
data = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
offsets = {}
for number in sorted(plain):
    offsets[number] = len(data)
    data += b"%d 0 obj\n" % number + plain[number] + b"\nendobj\n"
main = len(data)
data += b"xref\n0 6\n0000000003 65535 f \n"
for number, entry in ((1, None), (2, None), (3, b"0000000005 65535 f \n"), (4, None), (5, b"0000000000 65535 f \n")):
    data += entry if entry else b"%010d 00000 n \n" % offsets[number]
data += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % main
header, body = b"", b""
for number, obj in objstm_objects:
    header += b"%d %d " % (number, len(body))
    body += obj + b"\n"
offsets[6] = len(data)
data += b"6 0 obj\n<< /Type /ObjStm /N 2 /First %d /Length %d >>\nstream\n" % (len(header), len(header) + len(body))
data += header + body + b"\nendstream\nendobj\n"
rows = b""
for number, index in ((3, 0), (5, 1)):
    rows += bytes([2]) + (6).to_bytes(2, "big") + bytes([index])
offsets[7] = len(data)
data += b"7 0 obj\n<< /Type /XRef /Size 8 /Index [3 1 5 1] /W [1 2 1] /Length %d >>\nstream\n" % len(rows)
data += rows + b"\nendstream\nendobj\n"
update = len(data)
data += b"xref\n6 2\n%010d 00000 n \n%010d 00000 n \n" % (offsets[6], offsets[7])
data += b"trailer\n<< /Size 8 /Root 1 0 R /Prev %d /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n" % (
    main, offsets[7], update)
open("hybrid.pdf", "wb").write(data)
EOF

static="--static-id"
qpdf $static --object-streams=disable "$work/one-page.pdf" classic.pdf
qpdf $static --object-streams=generate "$work/one-page.pdf" object-streams.pdf
qpdf $static --object-streams=disable "$work/three-pages.pdf" three-pages.pdf
qpdf $static --object-streams=generate "$work/three-pages.pdf" three-pages-object-streams.pdf
qpdf $static --object-streams=disable "$work/rotated-90.pdf" rotated-90.pdf
qpdf $static --object-streams=generate "$work/rotated-270-inherited.pdf" rotated-270-inherited.pdf
qpdf $static --object-streams=disable "$work/inherited-resources.pdf" inherited-resources.pdf
qpdf $static --linearize "$work/three-pages.pdf" linearized.pdf
qpdf $static --encrypt "" owner-secret 256 -- classic.pdf encrypted-empty-user-password.pdf
qpdf $static --encrypt user-secret owner-secret 128 --use-aes=y -- classic.pdf encrypted.pdf

# Two revisions: an incremental update (classic table) that changes page 1's contents.
python3 - <<'EOF'
import re
data = open("classic.pdf", "rb").read()
startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S)[-1]
size = int(re.search(rb"/Size (\d+)", trailer).group(1))
root = re.search(rb"/Root (\d+ \d+ R)", trailer).group(1)
page = re.search(rb"\n(\d+) 0 obj\n(<<[^\n]*/Type /Page >>)\nendobj", data)
page_number = int(page.group(1))
page_body = page.group(2)
contents = re.search(rb"/Contents (\d+ \d+ R)", page_body).group(1)
content = b"BT /F1 12 Tf 72 740 Td (Revision 2) Tj ET\n"
new_stream = size
update = b"" if data.endswith(b"\n") else b"\n"
offsets = {}
base = len(data) + len(update)
chunk = b"%d 0 obj\n<< /Length %d >>\nstream\n" % (new_stream, len(content)) + content + b"\nendstream\nendobj\n"
offsets[new_stream] = base
update += chunk
new_page = page_body.replace(b"/Contents " + contents, b"/Contents [%s %d 0 R]" % (contents, new_stream))
offsets[page_number] = len(data) + len(update)
update += b"%d 0 obj\n" % page_number + new_page.strip() + b"\nendobj\n"
xref = len(data) + len(update)
update += b"xref\n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n" % (
    page_number, offsets[page_number], new_stream, offsets[new_stream])
update += b"trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (size + 1, root, startxref, xref)
open("two-revisions.pdf", "wb").write(data + update)

# Damaged shapes.
open("truncated.pdf", "wb").write(data[: len(data) * 2 // 3])
bad = data[: data.rindex(b"startxref")] + b"startxref\n%d\n%%%%EOF\n" % (startxref - 7)
open("bad-startxref.pdf", "wb").write(bad)
broken = open("two-revisions.pdf", "rb").read().replace(b"/Prev %d" % startxref, b"/Prev %d" % (startxref + 3))
open("broken-prev.pdf", "wb").write(broken)
open("not-a-pdf.pdf", "wb").write(b"Ceci n'est pas un PDF.\nCompte rendu en texte brut.\n")
EOF

for f in classic object-streams three-pages three-pages-object-streams rotated-90 rotated-270-inherited \
    inherited-resources linearized two-revisions blank-page indirect-contents-array hybrid; do
    qpdf --check "$f.pdf" >/dev/null
done
echo "fixtures rebuilt"
