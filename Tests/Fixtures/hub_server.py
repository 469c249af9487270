#!/usr/bin/env python3
"""A loopback HTTP server answering like the Hugging Face Hub (and plain URLs) for tests.

Usage: hub_server.py ROUTES.json LOG.jsonl PORTFILE
Listens on 127.0.0.1 on a port the OS chooses, prints it on stdout and writes it to PORTFILE.

ROUTES.json is re-read on every request so a test can change the world between runs:
  {"GET /api/models/org/x/revision/abc?blobs=true": {
       "status": 200, "headers": {"X-Error-Code": "GatedRepo"}, "body": "...", "json": {...},
       "delay": 2.0,                     # seconds before answering (a slow server)
       "token": "hf_x", "unauthorized": {...}   # answer `unauthorized` unless Bearer token matches
       "sequence": [{...}, {...}]        # answered in turn; the last one repeats
       "filler": N                       # a body of N bytes of "A", streamed (a huge answer)
       "gzip_filler": N                  # Content-Encoding: gzip of N zero bytes (a gzip bomb)
       "no_length": true                 # no Content-Length: the body ends when the connection closes
  }}
Every request is appended to LOG.jsonl as {"method","path","authorization","range","accept_encoding"}.
"""
import json
import sys
import zlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROUTES, LOG, PORTFILE = sys.argv[1], sys.argv[2], sys.argv[3]
counters = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self):
        key = f"{self.command} {self.path}"
        with lock:
            with open(LOG, "a") as log:
                log.write(json.dumps({"method": self.command, "path": self.path,
                                      "authorization": self.headers.get("Authorization"),
                                      "range": self.headers.get("Range"),
                                      "accept_encoding": self.headers.get("Accept-Encoding")}) + "\n")
            with open(ROUTES) as f:
                routes = json.load(f)
            route = routes.get(key) or {"status": 404, "headers": {"X-Error-Code": "RepoNotFound"}, "body": "not routed"}
            if "sequence" in route:
                n = counters.get(key, 0)
                counters[key] = n + 1
                route = route["sequence"][min(n, len(route["sequence"]) - 1)]
        if "token" in route and self.headers.get("Authorization") != "Bearer " + route["token"]:
            route = route["unauthorized"]
        if route.get("delay"):
            time.sleep(route["delay"])
        body = json.dumps(route["json"]).encode() if "json" in route else route.get("body", "").encode()
        if "gzip_filler" in route:
            packer = zlib.compressobj(9, zlib.DEFLATED, 31)
            zeros = bytes(1 << 20)
            body = b"".join(packer.compress(zeros) for _ in range(route["gzip_filler"] >> 20)) + packer.flush()
        self.send_response(route.get("status", 200))
        for name, value in route.get("headers", {}).items():
            self.send_header(name, value)
        if "json" in route:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        if "gzip_filler" in route:
            self.send_header("Content-Encoding", "gzip")
        if route.get("no_length"):
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(route["filler"] if "filler" in route else len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                if "filler" in route:
                    chunk = b"A" * (1 << 20)
                    for start in range(0, route["filler"], len(chunk)):
                        self.wfile.write(chunk[:route["filler"] - start])
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    do_GET = answer
    do_HEAD = answer


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
