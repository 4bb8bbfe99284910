"""gunicorn settings for `make run` and the browser tests' server (gunicorn reads this file
from the directory it is started in). The address comes from the command line.

Threaded workers: a sync worker belongs to one connection until the request is complete, so two
clients that send half a request header stalled both workers until the worker timeout killed
them (about 38 s with the restart). A gthread worker waits for the first bytes in its main loop
and gives each connection one of its threads, so a slow client holds one thread of 16, not the
site. Production still needs a buffering reverse proxy in front (docs/deployment.md).
"""

wsgi_app = "kek.wsgi"
workers = 2
worker_class = "gthread"
threads = 8
timeout = 30  # a worker that stops answering its arbiter is restarted
graceful_timeout = 10
keepalive = 5  # seconds an idle kept-alive connection stays open
