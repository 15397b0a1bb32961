"""The benchmark's ceiling: the least a Django view can do, through the whole middleware stack."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def minimal(request):
    """Served only when HAMLEH_BENCH is on; never from the page cache, so it always runs."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
