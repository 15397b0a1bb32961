"""Small real files for uploads: a PNG cover and a one-page PDF."""

import io

from PIL import Image
from pypdf import PdfWriter


def png_cover(width=1200, height=630, colour=(20, 110, 90)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return {"name": "cover.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def pdf_file(name="report.pdf"):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Report"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return {"name": name, "mimeType": "application/pdf", "buffer": buffer.getvalue()}
