#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamleh.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reads the settings once, so a missing variable is named plainly
    except ImproperlyConfigured as error:
        sys.exit(f"Hamleh cannot start: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
