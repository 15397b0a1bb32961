"""Uploaded media done safely: images and PDF editions.

Everything a file goes through between the upload and the storage lives here,
used by the model fields' form fields and validators and by the models' save():

- images (JPEG, PNG, WebP) are checked by decoding them with Pillow, not by
  their name; size and pixel count are checked before the full decode, so a
  decompression bomb is refused before it costs memory;
- images are re-encoded before they are stored: EXIF orientation applied, every
  piece of metadata (GPS position, camera, author, comments) dropped;
- renditions (a few widths, WebP plus a JPEG fallback) are made once, after the
  database commit, under deterministic names: a page computes their addresses
  without a query or a storage call;
- PDFs are checked to be real, unencrypted PDFs (header, then parsed by pypdf);
- the names visitors' browsers and the storage see are cleaned.
"""

import contextlib
import io
import logging
import os
import posixpath
import secrets
import unicodedata
import warnings
from dataclasses import dataclass
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_FILENAME_LENGTH = 120

# Pillow refuses anything over twice this before decoding and warns above it;
# inspect_image() turns the warning into a refusal too.
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

# Pillow format name → the extension the stored file gets.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
IMAGE_MIME_TYPES = "image/jpeg,image/png,image/webp"

RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_FORMATS = (
    ("webp", "WEBP", {"quality": 80, "method": 4}),
    ("jpg", "JPEG", {"quality": 82, "progressive": True}),
)
RENDITIONS_ROOT = "renditions"


# ---------------------------------------------------------------------------
# File names


def clean_filename(name, max_length=MAX_FILENAME_LENGTH):
    """A file name safe to show and to send: no path parts, no control, format
    (bidi overrides, zero-width) or separator characters, length-capped with the
    extension kept. Returns "" when nothing usable is left."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    kept = []
    for char in name:
        category = unicodedata.category(char)
        if category.startswith("C") or category in {"Zl", "Zp"}:
            continue
        kept.append(" " if category == "Zs" else char)
    name = " ".join("".join(kept).split()).strip(" .")
    if not name:
        return ""
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 10:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    stem = stem[: max(1, max_length - len(suffix))].rstrip(" .")
    return f"{stem}{suffix}"


def ascii_filename(*parts, extension):
    """A readable ASCII name such as `hashtag-palestine-2021-ar.pdf`."""
    stem = "-".join(filter(None, (slugify(part) for part in parts))) or "file"
    return f"{stem[: MAX_FILENAME_LENGTH - len(extension) - 1]}.{extension}"


def unguessable_folder():
    """A folder name nobody can guess (128 random bits) for a stored upload.

    The file of an item that is not public yet (a draft, an embargoed report) is then known only to staff
    who can open the item in the admin, wherever the media is served from: a proxy serving the media folder
    as it is, or a bucket behind a public domain. Nothing lists the folder. The public links to a PDF go
    through the download view, which serves published items only.
    """
    return secrets.token_hex(16)


def _upload_of(value):
    """The uploaded file behind a form value or a FieldFile not stored yet; None otherwise."""
    if value is None or value is False:
        return None
    if hasattr(value, "_committed"):  # a FieldFile
        if value._committed or not value:
            return None
        return value.file
    return value


def _size_of(upload):
    size = getattr(upload, "size", None)
    if size is None:
        position = upload.tell()
        upload.seek(0, os.SEEK_END)
        size = upload.tell()
        upload.seek(position)
    return size


def _check_size(upload, limit):
    size = _size_of(upload)
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    return size


# ---------------------------------------------------------------------------
# Images


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return IMAGE_FORMATS[self.format]


def _read_small(upload):
    """The upload's bytes in memory (its size was checked first), so that Pillow
    closing its file never closes the upload itself."""
    upload.seek(0)
    try:
        return io.BytesIO(upload.read())
    finally:
        upload.seek(0)


def _open_image(upload):
    """Open (header only) an allowed image format, refusing bombs before any decoding."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=list(IMAGE_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image (SVG and other formats are not accepted)."),
            code="invalid_image",
        ) from error
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels(width, height)
    return image


def _too_many_pixels(width=None, height=None):
    limit = MAX_IMAGE_PIXELS // 1_000_000
    if width:
        return ValidationError(
            _("The image is too large (%(width)s × %(height)s pixels); the limit is %(limit)s megapixels."),
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": limit},
        )
    return ValidationError(
        _("The image has too many pixels; the limit is %(limit)s megapixels."),
        code="too_many_pixels",
        params={"limit": limit},
    )


def inspect_image(upload):
    """Check an uploaded image completely; return its ImageInfo or raise ValidationError.

    Order matters: the byte size first (nothing read), then the header's pixel
    count (nothing decoded), and only then the full decode that spots damaged
    or truncated files. The answer is remembered on the upload, so the form and
    the model do not decode the same file twice.
    """
    cached = getattr(upload, "_hamleh_image_info", None)
    if cached is not None:
        return cached
    _check_size(upload, MAX_IMAGE_BYTES)
    with _open_image(_read_small(upload)) as image:
        try:
            image.load()
        except Exception as error:  # noqa: BLE001 - whatever the decoder says, the file is damaged
            raise ValidationError(
                _("The image is damaged or incomplete and cannot be read. Export it again and upload the new file."),
                code="damaged_image",
            ) from error
        info = ImageInfo(image.format, *image.size)
    upload._hamleh_image_info = info
    return info


def validate_image_upload(value):
    """Model-field validator: a new upload must be a real, reasonable image."""
    upload = _upload_of(value)
    if upload is not None:
        inspect_image(upload)


def _to_srgb(image):
    icc = image.info.get("icc_profile")
    if not icc:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        mode = "RGBA" if "A" in image.mode else "RGB"
        return ImageCms.profileToProfile(image, source, target, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _normalise_mode(image, image_format):
    has_alpha = "A" in image.mode or "transparency" in image.info
    if image_format == "JPEG":
        return image if image.mode in {"RGB", "L"} else image.convert("RGB")
    if image.mode in {"RGB", "RGBA", "L", "LA"}:
        return image
    return image.convert("RGBA" if has_alpha else "RGB")


def _save_kwargs(image_format):
    return {
        "JPEG": {"quality": 90, "optimize": True, "progressive": True},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 90, "method": 4},
    }[image_format]


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    info: ImageInfo


def sanitize_image(upload):
    """The image re-encoded in its own format, turned upright, with no metadata at all.

    Only the pixels are copied into a brand-new image, so nothing of the
    original's EXIF (GPS, camera, author), XMP, IPTC, comments or text chunks
    can follow; colours are converted to sRGB when a profile was embedded.
    """
    info = inspect_image(upload)
    with Image.open(_read_small(upload), formats=[info.format]) as original:
        upright = ImageOps.exif_transpose(original)
        pixels = _normalise_mode(_to_srgb(upright), info.format)
        clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    output = io.BytesIO()
    clean.save(output, format=info.format, **_save_kwargs(info.format))
    return CleanImage(output.getvalue(), ImageInfo(info.format, *clean.size))


# Renditions ------------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    extension: str


def rendition_widths(width):
    """The widths made for an original this wide: never wider than the original."""
    return sorted({min(size, width) for size in RENDITION_WIDTHS}) if width else []


def rendition_folder(name):
    """`covers/2021/report.jpg` → `renditions/covers/2021/report-jpg`."""
    folder, base = posixpath.split(name)
    return posixpath.join(RENDITIONS_ROOT, folder, base.replace(".", "-"))


def renditions_for(name, width, height):
    """Every rendition of an original, computed from its name and size alone."""
    if not (name and width and height):
        return []
    folder = rendition_folder(name)
    return [
        Rendition(posixpath.join(folder, f"{size}w.{extension}"), size, max(1, round(height * size / width)), extension)
        for size in rendition_widths(width)
        for extension, _format, _options in RENDITION_FORMATS
    ]


def make_renditions(storage, name, width, height):
    """Make the renditions of a stored original that do not exist yet; return the names made.

    Called once after the commit that stored the original (and by the
    `make_renditions` command for older files); a rendition that exists is
    never made again.
    """
    missing = [rendition for rendition in renditions_for(name, width, height) if not storage.exists(rendition.name)]
    if not missing:
        return []
    made = []
    with storage.open(name, "rb") as handle, Image.open(handle, formats=list(IMAGE_FORMATS)) as original:
        original.load()
        source = original.convert("RGBA" if "A" in original.mode else "RGB")
        for rendition in missing:
            resized = source.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
            image_format, options = next((f, o) for e, f, o in RENDITION_FORMATS if e == rendition.extension)
            if image_format == "JPEG" and resized.mode == "RGBA":
                flat = Image.new("RGB", resized.size, "white")
                flat.paste(resized, mask=resized.getchannel("A"))
                resized = flat
            output = io.BytesIO()
            resized.save(output, format=image_format, **options)
            stored = storage.save(rendition.name, ContentFile(output.getvalue()))
            if stored != rendition.name:  # made meanwhile by another process: keep theirs
                storage.delete(stored)
            made.append(rendition.name)
    return made


def delete_renditions(storage, name):
    folder = rendition_folder(name)
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for file_name in files:
        storage.delete(posixpath.join(folder, file_name))
    if hasattr(storage, "path"):
        with contextlib.suppress(OSError):
            os.rmdir(storage.path(folder))


def delete_image(storage, name):
    """Remove an original and all its renditions (called after the commit that dropped it)."""
    if not name:
        return
    delete_renditions(storage, name)
    storage.delete(name)


def delete_file(storage, name):
    if name:
        storage.delete(name)


# ---------------------------------------------------------------------------
# PDF


@dataclass(frozen=True)
class PdfInfo:
    size: int
    page_count: int


def inspect_pdf(upload):
    """Check an uploaded PDF completely; return its PdfInfo or raise ValidationError."""
    cached = getattr(upload, "_hamleh_pdf_info", None)
    if cached is not None:
        return cached
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    size = _check_size(upload, MAX_PDF_BYTES)
    not_a_pdf = ValidationError(_("This file is not a PDF document."), code="invalid_pdf")
    upload.seek(0)
    if not upload.read(1024).lstrip(b"\x00\t\n\r\f ").startswith(b"%PDF-"):
        raise not_a_pdf
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is encrypted or password-protected. Upload a version without protection."),
                code="encrypted_pdf",
            )
        page_count = len(reader.pages)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as error:
        raise ValidationError(
            _("This PDF is damaged and cannot be read. Export it again and upload the new file."),
            code="damaged_pdf",
        ) from error
    finally:
        upload.seek(0)
    if page_count < 1:
        raise ValidationError(_("This PDF has no pages."), code="empty_pdf")
    info = PdfInfo(size, page_count)
    upload._hamleh_pdf_info = info
    return info


def validate_pdf_upload(value):
    """Model-field validator: a new upload must be a real, unencrypted PDF."""
    upload = _upload_of(value)
    if upload is not None:
        inspect_pdf(upload)


# ---------------------------------------------------------------------------
# Form and model fields


class _CleanNameMixin:
    """The client's file name is cleaned before anything looks at it (no path, no
    control or bidi-override character, capped length; Django's upload parser
    already drops non-printable characters). It is never used for storage: the
    models build their own names."""

    def __init__(self, **kwargs):
        kwargs["max_length"] = None
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "name"):
            data.name = clean_filename(data.name) or "upload"
        return super().to_python(data)


class ImageUploadFormField(_CleanNameMixin, forms.FileField):
    default_error_messages = {"empty": _("The file is empty.")}

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        info = inspect_image(upload)
        upload.content_type = Image.MIME[info.format]
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.setdefault("accept", IMAGE_MIME_TYPES)
        return attrs


class PdfUploadFormField(_CleanNameMixin, forms.FileField):
    default_error_messages = {"empty": _("The file is empty.")}

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        inspect_pdf(upload)
        upload.content_type = "application/pdf"
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.setdefault("accept", "application/pdf")
        return attrs


class ImageUploadField(models.ImageField):
    """An image field whose uploads are checked by decoding (see inspect_image)."""

    default_validators = [validate_image_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})


@dataclass(frozen=True)
class StoredImage:
    """How a model keeps one of its uploaded images: the file's stem, and where its size is noted (no size
    fields: an image served as it is, without renditions)."""

    stem: str
    width_field: str | None = None
    height_field: str | None = None

    @property
    def has_renditions(self):
        return self.width_field is not None


class SanitizedImagesMixin:
    """Model mixin for `ImageUploadField`s listed in `SANITIZED_IMAGES` ({field name: StoredImage}).

    A new upload is stored re-encoded (upright, without metadata) under `<stem>.<real extension>`, and removed
    again if the row is not saved; once the save has committed, the replaced file (with its renditions) goes
    and the new one's renditions are made. Deleting the row removes its files after the commit.
    """

    SANITIZED_IMAGES = {}

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The stored names, to know after a save whether an image was replaced.
        instance._stored_images = {name: instance.__dict__.get(name) for name in cls.SANITIZED_IMAGES}
        return instance

    def save(self, *args, **kwargs):
        new_files = {name: self._store_new_image(name, kept) for name, kept in self.SANITIZED_IMAGES.items()}
        try:
            super().save(*args, **kwargs)
        except Exception:
            for name, new_file in new_files.items():
                if new_file:
                    getattr(self, name).storage.delete(new_file)
            raise
        stored = getattr(self, "_stored_images", {})
        for name, kept in self.SANITIZED_IMAGES.items():
            self._after_image_saved(getattr(self, name), kept, stored.get(name), new_files[name])
        self._stored_images = {name: getattr(self, name).name for name in self.SANITIZED_IMAGES}

    def delete(self, *args, **kwargs):
        files = [
            (getattr(self, name).storage, getattr(self, name).name, kept)
            for name, kept in self.SANITIZED_IMAGES.items()
            if getattr(self, name)
        ]
        result = super().delete(*args, **kwargs)
        for storage, file_name, kept in files:
            remove = delete_image if kept.has_renditions else delete_file
            transaction.on_commit(partial(remove, storage, file_name), robust=True)
        return result

    def _store_new_image(self, name, kept):
        image = getattr(self, name)
        if not image or image._committed:
            if not image and kept.has_renditions:
                setattr(self, kept.width_field, None)
                setattr(self, kept.height_field, None)
            return ""
        clean = sanitize_image(image.file)
        image.save(f"{kept.stem}.{clean.info.extension}", ContentFile(clean.content), save=False)
        if kept.has_renditions:
            setattr(self, kept.width_field, clean.info.width)
            setattr(self, kept.height_field, clean.info.height)
        return image.name

    def _after_image_saved(self, image, kept, old, new_file):
        storage = image.storage
        if not kept.has_renditions:
            if old and old != image.name:
                transaction.on_commit(partial(delete_file, storage, old), robust=True)
            return
        if old and old != image.name:
            transaction.on_commit(partial(delete_image, storage, old), robust=True)
        elif old and new_file:  # same name overwritten (storage without renaming): stale renditions
            transaction.on_commit(partial(delete_renditions, storage, old), robust=True)
        if new_file:
            width, height = getattr(self, kept.width_field), getattr(self, kept.height_field)
            transaction.on_commit(partial(make_renditions, storage, new_file, width, height), robust=True)


class PdfUploadField(models.FileField):
    """A file field that accepts only real, unencrypted PDFs."""

    default_validators = [validate_pdf_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PdfUploadFormField, **kwargs})
