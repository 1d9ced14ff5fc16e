"""One note on a GitLab merge request, updated by every pipeline instead of a new note each
time: the kompas report (`rapport`) or the outcome of the version job (`versie`). The note is
found by its marker *and* its author (the user of the project access token), so a marker
quoted in someone else's note is never overwritten. Standard library only: it runs before
anything is installed.

    python3 .ci/gitlab_notitie.py rapport build/ci/rapport.md
    python3 .ci/gitlab_notitie.py versie build/ci/versie.md --label-eraf "versie vastleggen"

Needs the masked CI/CD variable KOMPAS_BOT_TOKEN: a project access token with the role
Developer and the scopes api (notes, labels) and write_repository (the version job's push).
Without it the report stays in the job log and the artifact, and this says how to set it up.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
from pathlib import Path

KENMERKEN = {"rapport": "<!-- kompas-verschilrapport -->", "versie": "<!-- kompas-versie -->"}
# GitLab's limit for a note is 1,000,000 characters; stay well below it.
GRENS = 900_000


def kies_notitie(notities: list[dict], kenmerk: str, bot_id: int) -> dict | None:
    """The note this script wrote before: its marker at the start, written by the bot."""
    return next(
        (n for n in notities if n.get("author", {}).get("id") == bot_id and str(n.get("body", "")).startswith(kenmerk)),
        None,
    )


def tekst(kenmerk: str, bestanden: list[Path], job_url: str) -> str | None:
    delen = [p.read_text(encoding="utf-8").strip() for p in bestanden if p.is_file()]
    inhoud = "\n\n".join(d for d in delen if d)
    if not inhoud:
        return None
    body = f"{kenmerk}\n{inhoud}\n"
    if len(body) <= GRENS:
        return body
    melding = f"\n\n**Het rapport is langer dan een notitie mag zijn.** Het hele rapport staat in de job: {job_url}\n"
    body = body[: body.rfind("\n", 0, GRENS - len(melding) - 8)]
    if body.count("\n```") % 2 == 1:
        body += "\n```"
    return body + melding


class GitLab:
    def __init__(self, api: str, token: str):
        self.api, self.token = api.rstrip("/"), token

    def vraag(self, methode: str, pad: str, gegevens: dict | None = None) -> tuple[object, dict]:
        verzoek = urllib.request.Request(
            f"{self.api}{pad}",
            method=methode,
            data=json.dumps(gegevens).encode() if gegevens is not None else None,
            headers={"PRIVATE-TOKEN": self.token, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
            return json.loads(antwoord.read() or b"null"), dict(antwoord.headers)

    def alle(self, pad: str) -> list[dict]:
        uit, pagina = [], "1"
        while pagina:
            scheiding = "&" if "?" in pad else "?"
            deel, koppen = self.vraag("GET", f"{pad}{scheiding}per_page=100&page={pagina}")
            uit += deel
            pagina = koppen.get("X-Next-Page") or koppen.get("x-next-page") or ""
        return uit


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("soort", choices=KENMERKEN)
    p.add_argument("bestanden", nargs="+", type=Path)
    p.add_argument("--label-eraf", help="haal dit label van de merge request (het label van de versie-job)")
    args = p.parse_args(argv)
    iid = os.environ.get("CI_MERGE_REQUEST_IID")
    token = os.environ.get("KOMPAS_BOT_TOKEN")
    if not iid:
        return 0  # no merge request: the job log and the artifact have it
    if not token:
        print(
            "Geen notitie op de merge request: de CI/CD-variabele KOMPAS_BOT_TOKEN ontbreekt. Maak een project "
            "access token (rol Developer, scopes api en write_repository) en zet het als gemaskeerde variabele "
            "KOMPAS_BOT_TOKEN (Settings → CI/CD → Variables). Het rapport staat in het artefact van deze job."
        )
        return 0
    gitlab = GitLab(os.environ["CI_API_V4_URL"], token)
    mr = f"/projects/{urllib.parse.quote(os.environ['CI_PROJECT_ID'], safe='')}/merge_requests/{iid}"
    if args.label_eraf:
        gitlab.vraag("PUT", mr, {"remove_labels": args.label_eraf})
    body = tekst(KENMERKEN[args.soort], args.bestanden, os.environ.get("CI_JOB_URL", ""))
    if body is None:
        return 0
    bot, _ = gitlab.vraag("GET", "/user")
    eigen = kies_notitie(gitlab.alle(f"{mr}/notes?sort=asc"), KENMERKEN[args.soort], bot["id"])
    if eigen:
        gitlab.vraag("PUT", f"{mr}/notes/{eigen['id']}", {"body": body})
    else:
        gitlab.vraag("POST", f"{mr}/notes", {"body": body})
    return 0


if __name__ == "__main__":
    sys.exit(main())
