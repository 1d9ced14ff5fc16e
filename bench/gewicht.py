"""Weight of the wijzer's first page: everything a browser loads, cache off, through the
production nginx configuration (targets: at most 450 KB uncompressed, 130 KB on the wire), and
of that our own JavaScript and CSS (target: at most 30 KB uncompressed; every page loads the
same own files, mkdocs.yml's extra_css and extra_javascript)."""

from __future__ import annotations

from gemeen import PROJECT, WERK, nginx_dist

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def meet(url: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()  # a fresh context: nothing cached
        page = context.new_page()
        antwoorden = []
        page.on("requestfinished", lambda r: antwoorden.append(r))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        rijen = []
        for verzoek in antwoorden:
            antwoord = verzoek.response()
            if antwoord is None:
                continue
            maten = verzoek.sizes()
            rijen.append(
                {
                    "url": verzoek.url.removeprefix(url.split("/kompas/")[0]),
                    "onverpakt": len(antwoord.body()),
                    "draad": maten["responseBodySize"] + maten["responseHeadersSize"],
                    "codering": antwoord.all_headers().get("content-encoding", "-"),
                }
            )
        browser.close()
    eigen = [r for r in rijen if is_eigen(r["url"])]
    return {
        "rijen": rijen,
        "onverpakt": sum(r["onverpakt"] for r in rijen),
        "draad": sum(r["draad"] for r in rijen),
        # Our own JavaScript and CSS (a source in content/), budget 30 KB (issue 13).
        "eigen": eigen,
        "eigen_onverpakt": sum(r["onverpakt"] for r in eigen),
        "eigen_draad": sum(r["draad"] for r in eigen),
    }


def is_eigen(url: str) -> bool:
    pad = url.split("?")[0].lstrip("/")
    return pad.endswith((".css", ".js")) and (PROJECT / "content" / pad).is_file()


if __name__ == "__main__":
    with nginx_dist(WERK / "dist-gewicht") as basis:
        r = meet(basis + "kompas/wijzer/")
    for rij in r["rijen"]:
        print(rij)
    print(f"onverpakt {r['onverpakt'] / 1024:.1f} KB, over de draad {r['draad'] / 1024:.1f} KB")
    print(
        f"eigen JS en CSS {[e['url'] for e in r['eigen']]}: onverpakt {r['eigen_onverpakt'] / 1024:.1f} KB, "
        f"over de draad {r['eigen_draad'] / 1024:.1f} KB"
    )
