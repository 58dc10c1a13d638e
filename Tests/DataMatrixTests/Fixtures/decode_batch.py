"""Decode a batch of PNG files with two independent Data Matrix decoders and print one JSON array.

Usage: python decode_batch.py [--codewords] FILE...

For every file: the PNG is parsed here with the standard library only (chunk CRC-32, zlib stream and its Adler-32
are checked by Python's zlib), the pixels go to zxing-cpp (PyPI) and the file to libdmtx's `dmtxread`.
Decoded bytes are reported in hex so GS and other control characters survive.
"""

import concurrent.futures
import json
import shutil
import struct
import subprocess
import sys
import zlib


def read_png(path):
    """Return (width, height, grey bytes) for 1-bit palette, 8-bit grey or 8-bit RGB PNGs; raise ValueError otherwise."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("bad signature")
    offset = 8
    chunks = []
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("CRC mismatch in chunk %r" % kind)
        chunks.append((kind, body))
        offset += 12 + length
    if not chunks or chunks[0][0] != b"IHDR" or chunks[-1][0] != b"IEND":
        raise ValueError("IHDR/IEND missing")
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if (compression, filtering, interlace) != (0, 0, 0):
        raise ValueError("unsupported compression/filter/interlace")
    palette = None
    for kind, body in chunks:
        if kind == b"PLTE":
            palette = [body[i : i + 3] for i in range(0, len(body), 3)]
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))  # checks Adler-32
    if (depth, colour) == (1, 3):
        if palette is None:
            raise ValueError("palette missing")
        stride = (width + 7) // 8
    elif (depth, colour) == (8, 0):
        stride = width
    elif (depth, colour) == (8, 2):  # RGB, as pdftoppm writes
        stride = 3 * width
    else:
        raise ValueError("unsupported depth/colour %d/%d" % (depth, colour))
    if len(raw) != height * (stride + 1):
        raise ValueError("raster length %d, expected %d" % (len(raw), height * (stride + 1)))
    grey = bytearray()
    previous = bytearray(stride)
    for row in range(height):
        line = raw[row * (stride + 1) : (row + 1) * (stride + 1)]
        current = unfilter(line[0], bytearray(line[1:]), previous, 3 if colour == 2 else 1)
        previous = current
        if colour == 2:
            grey += bytes((current[i] + current[i + 1] + current[i + 2]) // 3 for i in range(0, stride, 3))
        elif depth == 8:
            grey += current
        else:
            for x in range(width):
                index = (current[x // 8] >> (7 - x % 8)) & 1
                grey.append(palette[index][0])
    return width, height, bytes(grey)


def unfilter(kind, line, previous, unit):
    """Undo the PNG scanline filter; `unit` is the number of bytes per pixel (at least 1)."""
    if kind == 0:
        return line
    for i in range(len(line)):
        left = line[i - unit] if i >= unit else 0
        up = previous[i]
        upper_left = previous[i - unit] if i >= unit else 0
        if kind == 1:
            predictor = left
        elif kind == 2:
            predictor = up
        elif kind == 3:
            predictor = (left + up) // 2
        elif kind == 4:
            estimate = left + up - upper_left
            distances = (abs(estimate - left), abs(estimate - up), abs(estimate - upper_left))
            predictor = (left, up, upper_left)[distances.index(min(distances))]
        else:
            raise ValueError("unknown filter %d" % kind)
        line[i] = (line[i] + predictor) & 0xFF
    return line


def decode_zxing(width, height, grey):
    import zxingcpp

    image = memoryview(grey).cast("B", (height, width))
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.DataMatrix)
    if not results:
        return None, None
    return results[0].bytes.hex(), results[0].symbology_identifier


def decode_dmtx(path, codewords):
    arguments = ["dmtxread", "-N1", "-m", "20000"] + (["-c"] if codewords else []) + [path]
    completed = subprocess.run(arguments, capture_output=True, timeout=60)
    if completed.returncode != 0 or not completed.stdout:
        return None
    return completed.stdout


def main():
    arguments = sys.argv[1:]
    codewords = "--codewords" in arguments
    files = [argument for argument in arguments if argument != "--codewords"]
    missing = []
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        missing.append("zxing-cpp (pip)")
    if shutil.which("dmtxread") is None:
        missing.append("dmtxread (Debian dmtx-utils)")
    if missing:
        print(json.dumps({"missing": missing}))
        return
    def decode(path):
        entry = {"file": path, "pngError": None, "zxing": None, "zxingSymbology": None, "dmtx": None,
                 "dmtxCodewords": None}
        try:
            width, height, grey = read_png(path)
            entry["zxing"], entry["zxingSymbology"] = decode_zxing(width, height, grey)
        except ValueError as error:
            entry["pngError"] = str(error)
        output = decode_dmtx(path, False)
        entry["dmtx"] = output.hex() if output is not None else None
        if codewords:
            dump = decode_dmtx(path, True)
            entry["dmtxCodewords"] = dump.decode("ascii", "replace") if dump is not None else None
        return entry

    # dmtxread spends most of its time starting up, so a few run side by side.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(decode, files))
    print(json.dumps({"results": results}))


main()
