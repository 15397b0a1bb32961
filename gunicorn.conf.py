"""Gunicorn settings for Hamleh: `gunicorn -c gunicorn.conf.py hamleh.wsgi`.

Every value can be changed from the environment (see docs/deployment.md). The access log
never records the visitor's address (`%(h)s`) nor the query string (search words, links
from emails): the organisation does not keep visitors' IP addresses or what they looked for.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "hamleh.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"

# Load Django once in the master: workers fork ready and start fast, and share memory.
preload_app = True
# A request running longer than this is killed (the proxy in front gives up about then too).
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Workers are recycled now and then, so a slow leak can never grow without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# The proxy in front sets X-Forwarded-Proto; trust it from these addresses only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Several servers may run on one machine: no shared control socket in the home folder.
control_socket_disable = True

# Logs go to standard output/error for the service manager. GUNICORN_ACCESS_LOG="" turns
# the access log off (the benchmark does); "-" is standard output.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Time, method and path (no query string), status, bytes, duration in ms. No address, no user agent.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
