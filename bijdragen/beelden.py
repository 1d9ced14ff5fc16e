"""The pictures in BIJDRAGEN.md: what a member of the kompasteam sees under a pull request.

Nothing here is drawn by hand. Each picture is the real comment of CI, made by the real
commands on kompas 1.0 (tests/fixtures/kompas-1.0/) in git repositories like a forge's:

- rapport-versie-nodig.png     a question reworded in the web editor: the report's top, and
- rapport-label.png            its check, which says to put the label on;
- versie-vastgelegd.png        the comment after the version job (.ci/versie);
- versie-al-op-main.png        main recorded 1.1 meanwhile: what the check says.

The Markdown is rendered as a forge renders a comment (python-markdown, a simple style of
our own, nothing from other hosts) and photographed with Debian's chromium.

    .venv/bin/python bijdragen/beelden.py
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import markdown
from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
HIER = Path(__file__).resolve().parent
KOMPAS_10 = PROJECT / "tests" / "fixtures" / "kompas-1.0"
TITEL = "Vraag 8 vraagt nu of het vraagstuk eerst samen verhelderd moet worden."
VRAAG_8 = (
    "      Is het nodig het vraagstuk eerst te verhelderen?",
    "      Moet het vraagstuk eerst samen verhelderd worden?",
)
VRAAG_4 = (
    "      Hebben Utrechters ondersteuning (subsidie of faciliteiten) nodig",
    "      Hebben Utrechters steun (subsidie of faciliteiten) nodig",
)
OMGEVING = {
    "PATH": os.environ["PATH"],
    "GIT_AUTHOR_NAME": "Beleidsmedewerker",
    "GIT_AUTHOR_EMAIL": "b@utrecht.invalid",
    "GIT_COMMITTER_NAME": "Beleidsmedewerker",
    "GIT_COMMITTER_EMAIL": "b@utrecht.invalid",
    "GITHUB_BASE_REF": "main",
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

STIJL = """
body { margin: 0; padding: 16px; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI",
  "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.reactie { max-width: 780px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
.kop { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  color: #59636e; }
.kop strong { color: #1f2328; }
.kop .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; margin-left: 4px; }
.inhoud { padding: 4px 16px 8px; }
h1 { font-size: 1.6em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin-top: 20px; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
code { background: #eff1f3; border-radius: 4px; padding: .1em .3em; font-size: 85%; }
pre { background: #f6f8fa; border-radius: 6px; padding: 12px; white-space: pre-wrap; font-size: 12px; }
pre code { background: none; padding: 0; }
del { color: #82071e; } ins, strong { color: inherit; }
"""


def git(map_: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=map_, check=True, capture_output=True, text=True, env=OMGEVING).stdout


def macros(repo: Path, *args: str) -> subprocess.CompletedProcess:
    plekken = ["--repo", str(repo), "--map", str(repo / "kompas_data"), "--golden", str(repo / "tests" / "golden")]
    return subprocess.run(
        [sys.executable, "-m", "macros", args[0], *plekken, *args[1:]],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**OMGEVING, "PYTHONPATH": str(PROJECT)},
    )


def wijzig(repo: Path, oud_nieuw: tuple[str, str]) -> None:
    kompas = repo / "kompas_data" / "kompas.yaml"
    tekst = kompas.read_text(encoding="utf-8")
    assert oud_nieuw[0] in tekst, oud_nieuw[0]
    kompas.write_text(tekst.replace(*oud_nieuw, 1), encoding="utf-8")


def forge(werk: Path) -> Path:
    bron = werk / "bron"
    shutil.copytree(KOMPAS_10, bron / "kompas_data")
    git(bron, "init", "-q", "-b", "main")
    assert macros(bron, "gouden").returncode == 0
    git(bron, "add", ".")
    git(bron, "commit", "-q", "-m", "kompas 1.0")
    kaal = werk / "origin.git"
    git(werk, "clone", "-q", "--bare", str(bron), str(kaal))
    return kaal


def tak(kaal: Path, map_: Path, naam: str) -> Path:
    git(kaal.parent, "clone", "-q", str(kaal), str(map_))
    git(map_, "checkout", "-q", "-b", naam)
    return map_


def reactie(markdown_tekst: str, wie: str = "github-actions") -> str:
    inhoud = markdown.markdown(markdown_tekst, extensions=["tables", "fenced_code", "pymdownx.tilde"])
    return (
        f"<!doctype html><html lang='nl'><meta charset='utf-8'><style>{STIJL}</style>"
        f"<div class='reactie'><div class='kop'><strong>{html.escape(wie)}</strong><span class='bot'>bot</span>"
        f" reageerde</div><div class='inhoud'>{inhoud}</div></div></html>"
    )


def foto(pagina, tekst: str, uit: Path, vanaf: str | None = None, hoogte: int = 760) -> None:
    """A picture of the comment, from the heading `vanaf` (or the top), at most `hoogte` high."""
    pagina.set_content(reactie(tekst))
    doos = pagina.locator(".reactie").bounding_box()
    boven = doos["y"]
    if vanaf:
        boven = pagina.locator("h2", has_text=vanaf).first.bounding_box()["y"] - 12
    pagina.screenshot(
        path=str(uit),
        full_page=True,
        clip={
            "x": doos["x"],
            "y": boven,
            "width": doos["width"],
            "height": min(hoogte, doos["y"] + doos["height"] - boven),
        },
    )
    print(f"{uit.relative_to(PROJECT)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tijdelijk, sync_playwright() as p:
        werk = Path(tijdelijk)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        pagina = browser.new_page(viewport={"width": 820, "height": 900}, device_scale_factor=1)

        kaal = forge(werk)
        wijziging = tak(kaal, werk / "webeditor", "wijziging")
        wijzig(wijziging, VRAAG_8)
        git(wijziging, "commit", "-q", "-am", "Update kompas.yaml")
        git(wijziging, "push", "-q", "origin", "wijziging")
        rapport = macros(wijziging, "ci").stdout
        foto(pagina, rapport, HIER / "rapport-versie-nodig.png", hoogte=620)
        foto(pagina, rapport, HIER / "rapport-label.png", vanaf="Controle", hoogte=520)

        uit = werk / "uit"
        job = subprocess.run(
            [str(PROJECT / ".ci" / "versie")],
            capture_output=True,
            text=True,
            env={
                **OMGEVING,
                "HOME": str(werk),
                "KOMPAS_WERK": str(wijziging),
                "KOMPAS_UIT": str(uit),
                "KOMPAS_DOEL": "main",
                "KOMPAS_TITEL": TITEL,
                "KOMPAS_DUW_NAAR": "wijziging",
                "KOMPAS_CONTROLEER": "1",
                "KOMPAS_BOT_NAAM": "github-actions[bot]",
            },
        )
        assert job.returncode == 0, job.stdout + job.stderr
        na = (uit / "versie.md").read_text(encoding="utf-8") + "\n\n" + (uit / "rapport.md").read_text(encoding="utf-8")
        foto(pagina, na, HIER / "versie-vastgelegd.png", hoogte=560)

        # Two changes at once: this branch recorded 1.1, main recorded its own 1.1 meanwhile.
        eigen = tak(kaal, werk / "eigen", "vraag-8")
        wijzig(eigen, VRAAG_8)
        assert macros(eigen, "versie", "--wat", TITEL).returncode == 0
        git(eigen, "add", "-A")
        git(eigen, "commit", "-q", "-m", "versie 1.1")
        ander = tak(kaal, werk / "ander", "vraag-4")
        wijzig(ander, VRAAG_4)
        assert macros(ander, "versie", "--wat", "Vraag 4 zegt steun in plaats van ondersteuning.").returncode == 0
        git(ander, "add", "-A")
        git(ander, "commit", "-q", "-m", "versie 1.1")
        git(ander, "push", "-q", "origin", "HEAD:main")
        git(eigen, "fetch", "-q", "origin")
        twee = macros(eigen, "ci").stdout
        foto(pagina, twee, HIER / "versie-al-op-main.png", vanaf="Controle", hoogte=600)
        browser.close()


if __name__ == "__main__":
    main()
