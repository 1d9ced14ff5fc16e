"""The site as it will run: the built dist behind a real nginx with the generated configuration."""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from macros.data import adressen, graaf, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA

KOMPAS = laad_kompas_data(DATA).kompas
BEVEILIGING = {
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
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
    page.locator("[data-kompas-medewerkers] > summary").click()  # the part for staff, closed on the site
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
        "paden": paden,
        "grafieken": grafieken,
        "headers": headers,
        "fouten": fouten,
        "schendingen": schendingen,
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


def _richtlijnen(csp: str) -> dict[str, str]:
    return dict(r.strip().split(" ", 1) for r in csp.split(";"))


@pytest.mark.parametrize("pad", ["/", "/kompas/", adressen.EMBED_PAD, adressen.EMBED_PAD + "nee/"])
def test_de_csp_is_streng(nginx_url, pad):
    csp = vraag(nginx_url, "/" + pad.lstrip("/")).getheader("Content-Security-Policy")
    richtlijnen = _richtlijnen(csp)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "*" not in csp
    assert richtlijnen["default-src"] == "'self'"
    assert richtlijnen["img-src"] == "'self' data:"
    assert richtlijnen["object-src"] == "'none'"
    assert richtlijnen["base-uri"] == "'self'"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]{43}=')+", richtlijnen["script-src"])


def test_alleen_de_embed_mag_in_het_intern_loket(nginx_url, dist):
    loket = dist["instellingen"]["LOKET"]
    for pad in ("/", "/kompas/", "/" + adressen.WIJZER_PAD, "/samen-stad-maken.pdf", "/bestaat/niet/"):
        assert (
            _richtlijnen(vraag(nginx_url, pad).getheader("Content-Security-Policy"))["frame-ancestors"] == "'self'"
        ), pad
    for pad in ("/" + adressen.EMBED_PAD, "/" + adressen.EMBED_PAD + "nee/"):
        assert (
            _richtlijnen(vraag(nginx_url, pad).getheader("Content-Security-Policy"))["frame-ancestors"]
            == f"'self' {loket}"
        )


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


@pytest.mark.parametrize(
    "pad",
    [
        "/",
        "/kompas/",
        "/kompas.json",
        "/assets/stylesheets/utrecht.css",
        "/assets/javascripts/kompaswijzer.js",
        "/kompas/kompas.svg",
    ],
)
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
    for pad, doel in (
        ("/kompas/wijzer/misschien/", "/kompas/wijzer/"),
        ("/kompas/wijzer/ja/%3Cscript%3E/", "/kompas/wijzer/"),
        ("/kompas/wijzer-embed/nee/onzin/", "/kompas/wijzer-embed/"),
        ("/kompas/wijzer/%00/", "/kompas/wijzer/"),
        ("/kompas/wijzer-embed/%00/", "/kompas/wijzer-embed/"),
        ("/%00", "/"),
        ("/kompas", "/kompas/"),
    ):
        antwoord = vraag(nginx_url, pad)
        assert antwoord.status in (301, 302) and antwoord.getheader("Location") == doel, pad
        assert vraag(nginx_url, doel).status == 200, doel


def ruw(url: str, verzoek: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
    """A request exactly as written (http.client would add a Host and refuse a bad path)."""
    delen = urlsplit(url)
    with socket.create_connection((delen.hostname, delen.port), timeout=10) as s:
        s.sendall(verzoek)
        antwoord = b""
        while deel := s.recv(65536):
            antwoord += deel
    kop, _, inhoud = antwoord.partition(b"\r\n\r\n")
    statusregel, *regels = kop.decode("latin-1").split("\r\n")
    return int(statusregel.split()[1]), [tuple(r.split(": ", 1)) for r in regels], inhoud


def _volg(url: str, status: int, headers: list[tuple[str, str]], inhoud: bytes) -> None:
    """404 with the site's own page, or a redirect within the site that ends on a page."""
    if status == 404:
        assert "Deze pagina bestaat niet" in inhoud.decode()
        return
    assert status in (301, 302, 303, 307, 308), status
    locaties = [w for n, w in headers if n.lower() == "location"]
    assert len(locaties) == 1
    # Relative and on this site: a path, not "//host" and not "scheme:".
    assert re.fullmatch(r"/(?!/)[^\s:]*", locaties[0]), locaties[0]
    assert vraag(url, locaties[0]).status == 200, locaties[0]


ONGELDIG = [
    "/kompas/wijzer/%00/",
    "/%00",
    "/kompas/wijzer-embed/%00/",
    "/kompas/wijzer/nee/onbekend/",
    "/kompas/wijzer-embed/misschien/",
    "/kompas",
    "/kompas/wijzer",
    "/bestaat/niet/",
]


@pytest.mark.parametrize("pad", ONGELDIG)
@pytest.mark.parametrize(
    "verzoek",
    ["GET {pad} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", "GET {pad} HTTP/1.0\r\n\r\n"],
    ids=["host-evil", "zonder-host"],
)
def test_omleidingen_zijn_relatief_en_blijven_op_de_site(nginx_url, pad, verzoek):
    status, headers, inhoud = ruw(nginx_url, verzoek.format(pad=pad).encode())
    assert not any("evil.example" in w for _, w in headers), headers
    _volg(nginx_url, status, headers, inhoud)


def test_veel_bereiken_geven_geen_multipart(nginx_url):
    bereiken = ",".join(f"{i * 10}-{i * 10 + 1}" for i in range(60))
    heel = vraag(nginx_url, "/samen-stad-maken.pdf")
    antwoord = vraag(nginx_url, "/samen-stad-maken.pdf", Range=f"bytes={bereiken}")
    assert antwoord.status == 200 and antwoord.getheader("Content-Type") == "application/pdf"
    assert antwoord.inhoud == heel.inhoud
    # One range still works: a browser can resume the download of the PDF.
    een = vraag(nginx_url, "/samen-stad-maken.pdf", Range="bytes=0-4")
    assert een.status == 206 and een.inhoud == heel.inhoud[:5]


def test_geen_bestanden_met_een_punt_behalve_well_known(nginx_url, dist):
    site = dist["map"] / "site"
    geplant = [site / ".env", site / ".git" / "config", site / "kompas" / ".htpasswd"]
    try:
        for bestand in geplant:
            bestand.parent.mkdir(mode=0o755, exist_ok=True)
            bestand.write_text("GEHEIM=1\n", encoding="utf-8")
            bestand.chmod(0o644)
        for bestand in geplant:
            antwoord = vraag(nginx_url, "/" + bestand.relative_to(site).as_posix())
            assert antwoord.status in (403, 404) and b"GEHEIM" not in antwoord.inhoud, bestand
        assert vraag(nginx_url, "/.well-known/security.txt").status == 200
    finally:
        shutil.rmtree(site / ".git", ignore_errors=True)
        for bestand in geplant:
            bestand.unlink(missing_ok=True)


def test_een_map_zonder_pagina_geeft_de_eigen_404(nginx_url, dist):
    site = dist["map"] / "site"
    mappen = sorted(
        p for p in site.rglob("*") if p.is_dir() and not (p / "index.html").exists() and not p.name.startswith(".")
    )
    assert any(p.name == "schema" for p in mappen)
    for gegevensmap in mappen:
        antwoord = vraag(nginx_url, "/" + gegevensmap.relative_to(site).as_posix() + "/")
        assert antwoord.status == 404 and "Deze pagina bestaat niet" in antwoord.inhoud.decode(), gegevensmap


def test_security_txt_robots_en_sitemap(nginx_url, dist):
    site_url = dist["instellingen"]["SITE_URL"].rstrip("/") + "/"
    site = dist["map"] / "site"
    paginas = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    security = vraag(nginx_url, "/.well-known/security.txt")
    assert security.status == 200 and security.getheader("Content-Type") == "text/plain; charset=utf-8"
    velden = dict(r.split(": ", 1) for r in security.inhoud.decode().splitlines() if r and not r.startswith("#"))
    assert velden["Canonical"] == f"{site_url}.well-known/security.txt"
    assert velden["Contact"].startswith(("mailto:", "https://")) and velden["Preferred-Languages"] == "nl"
    assert "Expires" in velden
    robots = vraag(nginx_url, "/robots.txt")
    assert robots.status == 200 and f"Sitemap: {site_url}sitemap.xml" in robots.inhoud.decode().splitlines()
    sitemap = vraag(nginx_url, "/sitemap.xml")
    assert sitemap.status == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.fromstring(sitemap.inhoud).iterfind("s:url/s:loc", ns)]
    assert sorted(locs) == sorted(site_url + ("" if pad == "./" else pad) for pad in paginas)


def test_geen_cookies_en_alleen_de_toelichtingen_in_dit_tabblad(bezoek_via_nginx, dist):
    # The walk typed a toelichting: it stays in this tab's sessionStorage, under the one key
    # the privacy page names; nothing in cookies or localStorage, which outlive the tab.
    assert bezoek_via_nginx["cookies"] == []
    lokaal, sessie = bezoek_via_nginx["opslag"]
    assert lokaal == []
    assert len(sessie) == 1
    privacy = (dist["map"] / "site" / "over" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert sessie[0] in privacy


@pytest.mark.parametrize(
    "ouder, pad, toegestaan",
    [
        ("loket", adressen.EMBED_PAD, True),
        ("loket", "", False),
        ("loket", adressen.WIJZER_PAD, False),
        ("https://andere.example", adressen.EMBED_PAD, False),
    ],
    ids=["loket-embed", "loket-home", "loket-wijzer", "andere-site-embed"],
)
def test_in_een_iframe_alleen_de_embed_en_alleen_in_het_intern_loket(browser, nginx_url, dist, ouder, pad, toegestaan):
    """A page of the intern loket (or of another site) with the site in an <iframe>. The
    browser serves it at the loket's https origin; the frame comes from the real nginx."""
    ouder = dist["instellingen"]["LOKET"] if ouder == "loket" else ouder
    context = browser.new_context()
    # Chromium blocks a public page from framing a loopback address unless allowed; the
    # site and the loket are on different networks only in this test.
    context.grant_permissions(["local-network-access"], origin=ouder)
    context.route(
        ouder + "/",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body=f'<!doctype html><html lang="nl"><title>Intern loket</title>'
            f'<iframe src="{nginx_url + pad}" title="Kompaswijzer" width="800" height="600"></iframe></html>',
        ),
    )
    page = context.new_page()
    try:
        if toegestaan:
            page.goto(ouder + "/")
            page.frames[1].wait_for_selector("[data-kompas-wijzer]")
            assert page.frames[1].url == nginx_url + pad
        else:
            # The browser's own refusal, for this frame and by this directive.
            with page.expect_console_message(lambda m: "frame-ancestors" in m.text) as melding:
                page.goto(ouder + "/")
            assert f"Framing '{nginx_url}" in melding.value.text and "blocked" in melding.value.text
    finally:
        context.close()


@pytest.mark.parametrize("basis", [adressen.WIJZER_PAD, adressen.EMBED_PAD])
def test_een_punt_in_een_adres_van_de_wijzer_leidt_naar_de_eerste_vraag(nginx_url, basis):
    # Dotfiles are refused everywhere else; in the wijzer a segment like ".0" is just an
    # address that is no state, which leads to the first question (no 404 in the console).
    antwoord = vraag(nginx_url, f"/{basis}.0/")
    assert antwoord.status == 302 and antwoord.getheader("Location") == f"/{basis}"
    assert vraag(nginx_url, "/kompas/.htpasswd").status == 404
