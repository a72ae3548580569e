"""Lucid TRON payment services (reference app of lucid-cdk): pays node operators in TRX/USDT on TRON (isolated wallet plane).

Standard library only. Serves on 0.0.0.0:$SERVICE_PORT (default 8093):
  GET /health  -> 200 {"status": "ok"}
  GET /        -> 200 the service's description, which of its settings are present
and whether its secrets are configured. Secrets are read from /run/secrets/<name> (or the file that
<NAME>_FILE names); their values are never printed or returned.
Exits cleanly, and at once, on SIGTERM and SIGINT.
"""

import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SERVICE = "tron-payment"
VERSION = "0.1.0"
ROLE = "pays node operators in TRX/USDT on TRON (isolated wallet plane)"
# Settings it reports as present or absent (never their values).
SETTINGS = ["SERVICE_DISCOVERY_URL", "TOR_SOCKS_PORT"]
# Runtime secrets: each is a file whose path the <NAME>_FILE variable gives (compose mounts /run/secrets/<name>).
SECRETS = {"MONGODB_URL": "/run/secrets/mongodb-url", "ENCRYPTION_KEY": "/run/secrets/encryption-key"}
STARTED = time.time()


def secret_configured(name, default_path):
    try:
        with open(os.environ.get(name + "_FILE", default_path), "rb") as f:
            return len(f.read().strip()) > 0
    except OSError:
        return False


class Handler(BaseHTTPRequestHandler):
    server_version = f"lucid-{SERVICE}/{VERSION}"

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
        elif self.path == "/":
            self.reply(200, {
                "service": SERVICE,
                "version": VERSION,
                "role": ROLE,
                "uptimeSeconds": round(time.time() - STARTED, 3),
                "settings": {k: ("set" if os.environ.get(k) else "unset") for k in SETTINGS},
                "secrets": {k: ("configured" if secret_configured(k, p) else "missing") for k, p in SECRETS.items()},
                "uid": os.getuid(),
            })
        else:
            self.reply(404, {"error": "not found", "path": self.path})

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        if os.environ.get("LOG_LEVEL", "info") == "debug":
            sys.stderr.write("%s %s\n" % (SERVICE, fmt % args))


def main():
    port = int(os.environ.get("SERVICE_PORT") or os.environ.get("PORT") or "8093")
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    server.daemon_threads = True
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: stop.set())
    worker = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    worker.start()
    print(f"{SERVICE} listening on 0.0.0.0:{port}", flush=True)
    stop.wait()
    server.shutdown()
    server.server_close()
    print(f"{SERVICE} stopped", flush=True)


if __name__ == "__main__":
    main()
