"""A real nginx on 127.0.0.1 with the configuration `make dist` writes, for the tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hoofdconfiguratie(gegevensmap: Path, server_conf: Path) -> Path:
    """The main nginx.conf around the generated server block, everything inside `gegevensmap`.
    As on Debian, the brotli module comes in through modules-enabled and the workers run as
    www-data, so a file the build left unreadable fails the tests as it would in production."""
    conf = gegevensmap / "nginx.conf"
    tijdelijk = gegevensmap / "tmp"
    tijdelijk.mkdir(exist_ok=True)
    conf.write_text(
        f"""
user www-data;
worker_processes 1;
pid {gegevensmap}/nginx.pid;
error_log {gegevensmap}/error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tijdelijk}/body;
    proxy_temp_path {tijdelijk}/proxy;
    fastcgi_temp_path {tijdelijk}/fastcgi;
    uwsgi_temp_path {tijdelijk}/uwsgi;
    scgi_temp_path {tijdelijk}/scgi;
    include {server_conf};
}}
""",
        encoding="utf-8",
    )
    return conf


class Nginx:
    def __init__(self, conf: Path, url: str):
        self.conf, self.url = conf, url
        self.proces: subprocess.Popen | None = None

    def start(self) -> None:
        test = subprocess.run([NGINX, "-t", "-c", str(self.conf)], capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t faalt:\n{test.stderr}")
        self.proces = subprocess.Popen(
            [NGINX, "-c", str(self.conf), "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url, timeout=1)
                return
            except urllib.error.HTTPError:
                return  # nginx answers; what it answers is for the tests to judge (a 403, say)
            except OSError:
                if self.proces.poll() is not None:
                    raise RuntimeError(f"nginx stopte: {self.proces.stderr.read().decode()}") from None
                time.sleep(0.05)
        self.stop()  # the fixture never reaches its teardown: no nginx left running
        raise RuntimeError("nginx antwoordt niet")

    def stop(self) -> None:
        if self.proces and self.proces.poll() is None:
            self.proces.terminate()
            self.proces.wait(timeout=10)
