"""Scanned pages the tests make: printed lines drawn into a picture, with or without a text
layer of the scanner's own (invisible text over the picture, as scanners write it)."""
from __future__ import annotations

import io
from pathlib import Path

FONTS = Path("/usr/share/fonts/truetype/liberation2")
DPI = 200
A4 = (595, 842)  # points


def page_image(lines: list[tuple[float, float, str, int, bool]]):
    """An A4 page picture in grey; each line is (x pt, top pt, text, size pt, bold)."""
    from PIL import Image, ImageDraw, ImageFont

    k = DPI / 72
    image = Image.new("L", (int(A4[0] * k), int(A4[1] * k)), 255)
    draw = ImageDraw.Draw(image)
    for x, top, text, size, bold in lines:
        font = ImageFont.truetype(str(FONTS / f"LiberationSerif-{'Bold' if bold else 'Regular'}.ttf"),
                                  int(size * k))
        draw.text((x * k, top * k), text, fill=0, font=font)
    return image


def scan_pdf(image, layer: list[str] = (), at: tuple[float, float] = (72, 770)) -> bytes:
    """A one-page PDF showing ``image`` (JPEG) over the page, with ``layer`` as invisible
    Helvetica text lines (render mode 3), ASCII only, as a scanner's OCR writes them, from
    ``at`` (PDF points from the bottom left)."""
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    jpeg = buffer.getvalue()
    text = "\n".join(f"({line}) Tj T*" for line in layer)
    content = (f"q {A4[0]} 0 0 {A4[1]} 0 0 cm /Im1 Do Q\n"
               f"BT 3 Tr /F1 11 Tf {at[0]} {at[1]} Td 14 TL\n{text}\nET").encode("latin-1")
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] /Resources << /Font << "
         f"/F1 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>").encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        (f"<< /Type /XObject /Subtype /Image /Width {image.size[0]} /Height {image.size[1]} "
         f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg)} >>\n"
         f"stream\n").encode() + jpeg + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
