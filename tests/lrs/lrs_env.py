"""A real learning record store for the tests: Learning Locker's statement service (npm
xapi-statements, in memory), started on a free port and stopped by the tests, and a small
fault-injecting proxy in front of it (HTTP or HTTPS)."""
import base64
import http.client
import http.server
import json
import os
import socket
import ssl
import subprocess
import threading
import time
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LRS:
    """Learning Locker's statement service on 127.0.0.1 (memory only)."""

    def __init__(self, tools, workdir):
        self.dir = os.path.join(tools, "node_modules", "xapi-statements")
        self.port = free_port()
        self.storage = os.path.join(workdir, f"lrs-storage-{self.port}")
        os.makedirs(self.storage, exist_ok=True)
        self.proc = None
        self.log = open(os.path.join(workdir, f"lrs-{self.port}.log"), "w")

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self):
        env = dict(os.environ, EXPRESS_PORT=str(self.port), AUTH_REPO="test",
                   EVENTS_REPO="test", MODELS_REPO="memory", STORAGE_REPO="local",
                   FS_LOCAL_STORAGE_DIR=self.storage, NODE_NO_WARNINGS="1")
        self.proc = subprocess.Popen(["node", "dist/server.js"], cwd=self.dir, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                self.get("statements?limit=1")
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("the LRS did not start (see its log)")
                time.sleep(0.3)
        raise RuntimeError("the LRS did not answer within 90 s")

    def stop(self):
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def request(self, method, path, body=None):
        auth = base64.b64encode(b"tests:tests").decode()
        req = urllib.request.Request(
            path if path.startswith("http") else self.endpoint + path, method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"X-Experience-API-Version": "1.0.3", "Authorization": "Basic " + auth,
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()

    def get(self, path):
        return json.loads(self.request("GET", path)[1])

    def all_statements(self, query=""):
        """Every statement the LRS holds (following 'more'), as a list."""
        out, url = [], "statements?limit=500" + query
        while url:
            page = self.get(url)
            out += page["statements"]
            more = page.get("more") or ""
            url = f"http://127.0.0.1:{self.port}{more}" if more else ""
        return out


class Proxy:
    """Forwards to the LRS; plan holds what to do with the next requests, one entry each:
    'pass', an HTTP status to answer instead ('500', '429:SECONDS' with Retry-After, '401'),
    or 'hang:SECONDS' (forwards, then holds the answer back that long)."""

    def __init__(self, lrs, certfile=None, keyfile=None):
        self.lrs = lrs
        self.plan = []
        self.seen = []          # (method, path, status answered)
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def handle_one(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                step = proxy.plan.pop(0) if proxy.plan else "pass"
                if step[0].isdigit():
                    code, _, after = step.partition(":")
                    self.send_response(int(code))
                    if after:
                        self.send_header("Retry-After", after)
                    payload = b'{"message": "injected by the test proxy"}'
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    proxy.seen.append((self.command, self.path, int(code)))
                    return
                conn = http.client.HTTPConnection("127.0.0.1", proxy.lrs.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                conn.request(self.command, self.path, body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                if step.startswith("hang:"):
                    time.sleep(float(step[5:]))
                self.send_response(r.status)
                for k, v in r.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                proxy.seen.append((self.command, self.path, r.status))

            do_GET = do_POST = do_PUT = handle_one

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.scheme = "http"
        if certfile:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(certfile, keyfile)
            self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self):
        return f"{self.scheme}://127.0.0.1:{self.port}/xAPI/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def make_ca(workdir):
    """A throwaway CA and a server certificate for 127.0.0.1 signed by it; returns
    (ca.pem, server.pem, server.key)."""
    d = os.path.join(workdir, "tls")
    os.makedirs(d, exist_ok=True)
    run = lambda *a: subprocess.run(a, cwd=d, check=True, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=rjkiosk test CA", "-keyout", "ca.key", "-out", "ca.pem")
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-keyout", "server.key", "-out", "server.csr")
    with open(os.path.join(d, "ext.cnf"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\n")
    run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf", "-out", "server.pem")
    return (os.path.join(d, "ca.pem"), os.path.join(d, "server.pem"),
            os.path.join(d, "server.key"))
