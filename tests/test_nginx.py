"""The site as it will run: the built dist behind a real nginx with the generated configuration."""

from __future__ import annotations

import http.client
import http.server
import re
import threading
from urllib.parse import urlsplit

import pytest

from macros.data import adressen, graaf, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA

KOMPAS = laad_kompas_data(DATA).kompas
BEVEILIGING = {
    "content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy",
}
CSP_LUISTERAAR = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));
"""


def vraag(url: str, pad: str, **headers) -> http.client.HTTPResponse:
    delen = urlsplit(url)
    verbinding = http.client.HTTPConnection(delen.hostname, delen.port, timeout=10)
    verbinding.request("GET", pad, headers=headers)
    antwoord = verbinding.getresponse()
    antwoord.inhoud = antwoord.read()
    verbinding.close()
    return antwoord


@pytest.fixture(scope="module")
def bezoek_via_nginx(browser, nginx_url, dist):
    """Every page and a walk through the wijzer in chromium, through nginx."""
    context = browser.new_context()
    context.add_init_script(CSP_LUISTERAAR)
    antwoorden, fouten, schendingen = [], [], []
    context.on("response", lambda a: antwoorden.append(a))
    page = context.new_page()
    page.on("console", lambda m: fouten.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: fouten.append(f"{page.url}: {e}"))
    site = dist["map"] / "site"
    paden = sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html"))
    for pad in paden:
        page.goto(nginx_url + ("" if pad == "./" else pad))
        schendingen += page.evaluate("window.__csp")
    # The charts opened on their own ("Open de grafiek groot"): a document with its own policy.
    grafieken = sorted(p.relative_to(site).as_posix() for p in site.glob("grafieken/*.svg"))
    for pad in grafieken:
        page.goto(nginx_url + pad)
        schendingen += page.evaluate("window.__csp || []")
    # The walker with JavaScript: a path to an outcome, the error, weet ik (nog) niet, back.
    pad = graaf.paden(KOMPAS)[0]
    page.goto(nginx_url + adressen.WIJZER_PAD)
    page.locator('[data-kompas-actie="volgende"]').click()
    page.wait_for_selector("[data-kompas-fout]")
    for i, stap in enumerate(pad.stappen):
        page.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
        page.locator('[data-kompas-actie="volgende"]').click()
        page.wait_for_url(nginx_url + adressen.WIJZER_PAD + "/".join(s.antwoord for s in pad.stappen[: i + 1]) + "/")
    page.wait_for_selector(f'[data-kompas-uitkomst="{pad.vorm}"]')
    page.locator("textarea").first.fill("toelichting")
    page.go_back()
    page.wait_for_selector("fieldset[data-kompas-vraag]")
    page.locator(f'input[name="antwoord"][value="{toestanden.WEET_NIET}"]').check()
    page.locator('[data-kompas-actie="volgende"]').click()
    page.wait_for_selector("[data-kompas-open]")
    schendingen += page.evaluate("window.__csp")
    eigen = urlsplit(nginx_url).netloc
    headers = [(a.url, a.all_headers()) for a in antwoorden if urlsplit(a.url).netloc == eigen]
    uitkomst = {
        "paden": paden, "grafieken": grafieken, "headers": headers, "fouten": fouten, "schendingen": schendingen,
        "cookies": context.cookies(),
        "opslag": page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]"),
    }
    context.close()
    return uitkomst


def test_elke_pagina_via_nginx_zonder_csp_schending_of_consolefout(bezoek_via_nginx):
    assert len(bezoek_via_nginx["paden"]) > 100
    assert len(bezoek_via_nginx["grafieken"]) >= 8
    assert bezoek_via_nginx["schendingen"] == []
    assert bezoek_via_nginx["fouten"] == []


def test_elk_antwoord_draagt_de_beveiligingsheaders(bezoek_via_nginx):
    for url, headers in bezoek_via_nginx["headers"]:
        ontbreekt = BEVEILIGING - set(headers)
        assert not ontbreekt, (url, ontbreekt)
    assert len(bezoek_via_nginx["headers"]) > 150


def test_de_csp_is_streng(nginx_url, dist):
    csp = vraag(nginx_url, "/").getheader("Content-Security-Policy")
    richtlijnen = dict(r.strip().split(" ", 1) for r in csp.split(";"))
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "*" not in csp
    assert richtlijnen["default-src"] == "'self'"
    assert richtlijnen["img-src"] == "'self' data:"
    assert richtlijnen["object-src"] == "'none'"
    assert richtlijnen["base-uri"] == "'self'"
    assert richtlijnen["frame-ancestors"] == f"'self' http://127.0.0.1:{dist['loket_poort']}"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]{43}=')+", richtlijnen["script-src"])


def test_een_grafiek_op_zichzelf_mag_alleen_eigen_stijl(nginx_url):
    antwoord = vraag(nginx_url, "/grafieken/zeggenschap.svg")
    assert antwoord.status == 200 and antwoord.getheader("Content-Type") == "image/svg+xml"
    csp = antwoord.getheader("Content-Security-Policy")
    assert csp.startswith("default-src 'none'; style-src 'unsafe-inline';") and "script" not in csp
    assert antwoord.getheader("X-Content-Type-Options") == "nosniff"


def test_de_pdf_van_de_nota(nginx_url):
    antwoord = vraag(nginx_url, "/samen-stad-maken.pdf")
    assert antwoord.status == 200 and antwoord.getheader("Content-Type") == "application/pdf"
    assert antwoord.inhoud.startswith(b"%PDF-")
    assert antwoord.getheader("Content-Security-Policy") and antwoord.getheader("Cache-Control") == "no-cache"


def test_overige_headers(nginx_url):
    antwoord = vraag(nginx_url, "/")
    assert antwoord.getheader("X-Content-Type-Options") == "nosniff"
    assert antwoord.getheader("Referrer-Policy") == "no-referrer"
    assert "camera=()" in antwoord.getheader("Permissions-Policy")
    assert "nginx/" not in (antwoord.getheader("Server") or "")


@pytest.mark.parametrize("pad", ["/", "/kompas/", "/kompas.json", "/assets/stylesheets/utrecht.css",
                                 "/assets/javascripts/kompaswijzer.js", "/kompas/kompas.svg"])
def test_gecomprimeerde_varianten(nginx_url, pad):
    gewoon = vraag(nginx_url, pad)
    assert gewoon.status == 200 and gewoon.getheader("Content-Encoding") is None
    for codering in ("br", "gzip"):
        antwoord = vraag(nginx_url, pad, **{"Accept-Encoding": codering})
        assert antwoord.status == 200
        assert antwoord.getheader("Content-Encoding") == codering, pad
        assert "Accept-Encoding" in (antwoord.getheader("Vary") or "")
        assert len(antwoord.inhoud) < len(gewoon.inhoud)


def test_cache_lang_voor_gehashte_bestanden_kort_voor_html(nginx_url, dist):
    site = dist["map"] / "site"
    gehasht = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site)
    assert vraag(nginx_url, f"/{gehasht}").getheader("Cache-Control") == "public, max-age=31536000, immutable"
    for pad in ("/", "/kompas/wijzer/nee/", "/assets/stylesheets/utrecht.css", "/kompas.json"):
        assert vraag(nginx_url, pad).getheader("Cache-Control") == "no-cache", pad


def test_eigen_404_en_onbekende_wijzerstap(nginx_url):
    antwoord = vraag(nginx_url, "/bestaat/niet/")
    assert antwoord.status == 404 and "Deze pagina bestaat niet" in antwoord.inhoud.decode()
    assert antwoord.getheader("Content-Security-Policy")
    for pad, doel in (("/kompas/wijzer/misschien/", "/kompas/wijzer/"),
                      ("/kompas/wijzer/ja/%3Cscript%3E/", "/kompas/wijzer/"),
                      ("/kompas/wijzer-embed/nee/onzin/", "/kompas/wijzer-embed/"),
                      ("/kompas/wijzer/%00/", "/kompas/wijzer/")):
        antwoord = vraag(nginx_url, pad)
        assert antwoord.status == 302 and urlsplit(antwoord.getheader("Location")).path == doel, pad


def test_geen_cookies_en_geen_opslag(bezoek_via_nginx):
    assert bezoek_via_nginx["cookies"] == []
    assert bezoek_via_nginx["opslag"] == [[], []]


class _LoketHandler(http.server.BaseHTTPRequestHandler):
    """A page of the intern loket that embeds the kompaswijzer."""

    def do_GET(self):
        inhoud = (f'<!doctype html><html lang="nl"><title>Intern loket</title>'
                  f'<iframe src="{self.server.wijzer}" title="Kompaswijzer" width="800" height="600"></iframe>'
                  "</html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        self.wfile.write(inhoud)

    def log_message(self, *args):
        pass


def _loket(poort: int, wijzer_url: str):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", poort), _LoketHandler)
    server.wijzer = wijzer_url
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("toegestaan", [True, False], ids=["intern-loket", "andere-site"])
def test_embed_in_iframe_alleen_voor_het_intern_loket(browser, nginx_url, dist, toegestaan):
    from .nginx_server import vrije_poort

    poort = dist["loket_poort"] if toegestaan else vrije_poort()
    server = _loket(poort, nginx_url + adressen.EMBED_PAD)
    page = browser.new_page()
    try:
        page.evaluate("0")
        page.goto(f"http://127.0.0.1:{poort}/")
        page.wait_for_timeout(1500)
        frame = next(f for f in page.frames if f != page.main_frame)
        geladen = frame.url.startswith(nginx_url) and frame.locator("[data-kompas-wijzer]").count() == 1
        assert geladen == toegestaan, frame.url
    finally:
        page.close()
        server.shutdown()
        server.server_close()
