"""The vendored design system (vendor/, `make vendor`: macros/uitvoer/vendoren.py) is what
package-lock.json pins, byte for byte what vendor/VERSIES.json records, with its licences."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from macros.uitvoer import huisstijl, vendoren

from .conftest import PROJECT

VENDOR = PROJECT / "vendor"
RECORD = json.loads((VENDOR / vendoren.VERSIES).read_text(encoding="utf-8"))
LOCK = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))
PACKAGE = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))
PAKKETTEN = RECORD["pakketten"]


def _sha256(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


@pytest.mark.parametrize("naam", sorted(PAKKETTEN))
def test_elk_gevendord_bestand_is_wat_het_record_zegt(naam):
    for pad, sha in PAKKETTEN[naam]["bestanden"].items():
        bestand = VENDOR / naam / pad
        assert bestand.is_file(), f"vendor/{naam}/{pad} staat in {vendoren.VERSIES} maar ontbreekt: draai make vendor"
        assert _sha256(bestand) == sha, f"vendor/{naam}/{pad} is veranderd sinds make vendor: draai make vendor"


def test_in_vendor_staat_niets_buiten_het_record():
    geregistreerd = {f"{naam}/{pad}" for naam, p in PAKKETTEN.items() for pad in p["bestanden"]}
    aanwezig = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    assert aanwezig - geregistreerd == set(vendoren.EIGEN_BESTANDEN)


def test_package_json_pint_exacte_versies_en_de_lock_volgt():
    afhankelijk = PACKAGE["dependencies"]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in afhankelijk.values()), afhankelijk
    assert PACKAGE["private"] is True
    assert LOCK["packages"][""]["dependencies"] == afhankelijk
    for naam, versie in afhankelijk.items():
        assert LOCK["packages"][f"node_modules/{naam}"]["version"] == versie, naam


def test_het_record_noemt_de_versies_en_hashes_van_de_lock():
    assert sorted(PAKKETTEN) == sorted(PACKAGE["dependencies"])
    for naam, pakket in PAKKETTEN.items():
        uit_lock = LOCK["packages"][f"node_modules/{naam}"]
        assert pakket["versie"] == uit_lock["version"], f"{naam}: draai make vendor na een nieuwe versie"
        assert pakket["integrity"] == uit_lock["integrity"] and pakket["integrity"].startswith("sha512-"), naam


def test_de_lock_noemt_geen_registry():
    # .npmrc: omit-lockfile-registry-resolved. npm ci takes the registry its machine is set to.
    assert "resolved" not in json.dumps(LOCK)


@pytest.mark.parametrize("naam", sorted(PAKKETTEN))
def test_elk_pakket_heeft_zijn_licentie_bij_zich(naam):
    pakket = PAKKETTEN[naam]
    (licentie,) = [pad for pad in pakket["bestanden"] if pad.startswith("LICENSE")]
    tekst = (VENDOR / naam / licentie).read_text(encoding="utf-8")
    verwacht = {
        "component": ("EUPL-1.2", "EUROPEAN UNION PUBLIC LICENCE v. 1.2"),
        "lettertype": ("OFL-1.1", "SIL OPEN FONT LICENSE Version 1.1"),
        "tokens": ("SEE LICENSE IN ./LICENSE.md", "properietary assets to Gemeente Utrecht"),
    }[pakket["soort"]]
    assert pakket["licentie"] == verwacht[0]
    assert verwacht[1] in tekst


def test_het_lettertype_is_de_familie_die_de_tokens_noemen():
    familie = huisstijl.token("--utrecht-document-font-family").split(",")[0].strip().strip('"')
    assert familie == huisstijl.FAMILIE


def test_het_lettertype_heeft_de_tekens_en_gewichten_van_de_site():
    from fontTools.ttLib import TTFont

    (pad,) = huisstijl.bestanden("lettertype", vendoren.LETTERTYPE_SUBSET)
    font = TTFont(pad)
    (as_,) = font["fvar"].axes
    assert (as_.axisTag, as_.minValue, as_.maxValue) == ("wght", *vendoren.GEWICHTEN)
    # The tokens' typography scale (normal, semibold, bold) is inside the range.
    for gewicht in ("normal", "semibold", "bold"):
        assert vendoren.GEWICHTEN[0] <= int(huisstijl.token(f"--utrecht-typography-weight-scale-{gewicht}-font-weight"))
        assert int(huisstijl.token(f"--utrecht-typography-weight-scale-{gewicht}-font-weight")) <= vendoren.GEWICHTEN[1]
    tekens = set(font.getBestCmap())
    nodig = "AZaz09 éëêïóöüç‘’“”–—…€"
    assert {ord(t) for t in nodig} <= tekens
    assert ord("Ж") not in tekens  # Cyrillic is not the site's


def test_vul_kopieert_registreert_en_ruimt_een_vervallen_pakket_op(tmp_path):
    """make vendor without npm: from a node_modules folder made here."""
    modules = tmp_path / "node_modules"
    for naam in ("@utrecht/a-css", "@utrecht/b-css"):
        (modules / naam / "dist").mkdir(parents=True)
        (modules / naam / "package.json").write_text(json.dumps({"version": "1.0.0"}))
        (modules / naam / "dist/index.css").write_text(f".{naam[9:]}{{color:red}}")
        (modules / naam / "LICENSE.md").write_text("EUPL-1.2")

    def lock(*namen):
        return {
            "packages": {
                "": {"dependencies": dict.fromkeys(namen, "1.0.0")},
                **{
                    f"node_modules/{n}": {"version": "1.0.0", "integrity": "sha512-x", "license": "EUPL-1.2"}
                    for n in namen
                },
            }
        }

    uit = tmp_path / "vendor"
    (uit).mkdir()
    (uit / "README.md").write_text("van ons")
    record = vendoren.vul(modules, lock("@utrecht/a-css", "@utrecht/b-css"), uit)
    assert record["pakketten"]["@utrecht/b-css"]["bestanden"]["dist/index.css"] == _sha256(
        modules / "@utrecht/b-css/dist/index.css"
    )
    assert (uit / "@utrecht/b-css/dist/index.css").read_bytes() == (
        modules / "@utrecht/b-css/dist/index.css"
    ).read_bytes()
    vendoren.vul(modules, lock("@utrecht/a-css"), uit)
    assert not (uit / "@utrecht/b-css").exists()
    assert (uit / "@utrecht/a-css/dist/index.css").is_file() and (uit / "README.md").read_text() == "van ons"
    with pytest.raises(vendoren.VendorFout, match="bestanden_van"):
        vendoren.vul(modules, lock("onbekend-pakket"), uit)


@pytest.mark.gereedschap
@pytest.mark.skipif(shutil.which("npm") is None, reason="make vendor heeft npm nodig")
def test_make_vendor_geeft_dezelfde_bestanden_byte_voor_byte(tmp_path):
    """npm ci of package-lock.json (from the registry the machine uses) and the font subset,
    again: every file as committed. Needs the registry, or npm's cache."""
    uit = tmp_path / "vendor"
    vendoren.vernieuw(uit)
    gemaakt = {p.relative_to(uit).as_posix(): p.read_bytes() for p in uit.rglob("*") if p.is_file()}
    vastgelegd = {p.relative_to(VENDOR).as_posix(): p.read_bytes() for p in VENDOR.rglob("*") if p.is_file()}
    del vastgelegd["README.md"]  # ours, by hand
    assert sorted(gemaakt) == sorted(vastgelegd)
    verschillend = [pad for pad in gemaakt if gemaakt[pad] != vastgelegd[pad]]
    assert not verschillend, f"make vendor geeft andere bestanden: {verschillend}"
