"""The labelled sets are found by their manifests, in the order they were written, none left out."""

from __future__ import annotations

from labelled_sets import ROOT, development_manifests, labelled_manifests


def test_every_development_set_on_disk_is_found_in_order():
    found = development_manifests()
    on_disk = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("tests/dev*/manifest.json")}
    assert set(found) == on_disk
    assert found[:3] == ["tests/dev/manifest.json", "tests/dev2/manifest.json", "tests/dev3/manifest.json"]
    assert found.index("tests/dev10/manifest.json") == found.index("tests/dev9/manifest.json") + 1


def test_the_seeds_come_first_and_the_held_out_set_last_when_asked_for():
    assert labelled_manifests()[0] == "seeds/manifest.json"
    assert labelled_manifests()[-1] == "tests/heldout/manifest.json"
    assert "tests/heldout/manifest.json" not in labelled_manifests(held_out=False)
