"""Media storage on S3-compatible object storage (DJANGO_MEDIA_STORAGE=s3)."""

from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    """django-storages' S3 storage, with PDFs stored to be served as downloads, never inline."""

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.lower().endswith(".pdf"):
            parameters["ContentDisposition"] = "attachment"
        return parameters
