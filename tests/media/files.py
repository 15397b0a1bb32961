"""Test files made in code: good and bad images and PDFs, a few lines each."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from pypdf import PdfWriter

MB = 1024 * 1024

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (31.0, 46.0, 30.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (35.0, 13.0, 40.0),
}


def image_bytes(width=64, height=48, image_format="JPEG", color=(200, 30, 30), exif=None, **options):
    image = Image.new("RGB", (width, height), color)
    # A darker band on the left edge shows which way up the pixels are.
    image.paste((0, 0, 0), (0, 0, max(1, width // 8), height))
    output = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    image.save(output, format=image_format, **options)
    return output.getvalue()


def jpeg_with_gps(width=80, height=40, orientation=None):
    """A JPEG a phone could produce: GPS position, camera, author, and an orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Artist] = "Field Photographer"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return image_bytes(width, height, exif=exif, comment=b"taken at the checkpoint")


def noisy_jpeg(width=300, height=200):
    image = Image.effect_noise((width, height), 80).convert("RGB")
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=95)
    return output.getvalue()


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def huge_png_header(width=20000, height=20000):
    """A few hundred bytes declaring a 20,000 × 20,000 PNG: a decompression bomb's header.

    Nothing of the 400 megapixels is ever allocated; only the IHDR says so."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def pdf_bytes(pages=2, encrypt=False):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if encrypt:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def sparse_file(path, size, head=b""):
    """A file of `size` bytes on disk that takes almost no room (sparse)."""
    with open(path, "wb") as handle:
        handle.write(head)
        handle.seek(size - 1)
        handle.write(b"\0")
    return path
