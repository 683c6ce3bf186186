"""Desktop integration (resources/): the validators pass, and the .desktop file, icon and metainfo agree.

Software centres and desktops tie these files together by the app id: a typo in
one of them and the menu shows no icon, or the app opens no files. The
validators run where they are installed (Debian: desktop-file-utils, appstream)
and the test says so when they are not.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from parallax import __version__
from parallax.ui.app import APP_ID, icon_files

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates():
    done = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_validates():
    done = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_files_name_the_same_app_icon_and_formats():
    entry = _desktop_entry()
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == root.findtext("provides/binary") == "parallax"
    desktop_types = [t for t in entry["MimeType"].split(";") if t]
    assert desktop_types == [e.text for e in root.findall("provides/mediatype")]
    assert "application/pdf" in desktop_types and "text/html" in desktop_types


def test_the_newest_release_is_this_version():
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases and releases[0].get("version") == __version__


def test_screenshots_exist_in_the_repository():
    urls = [e.text or "" for e in ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")]
    assert urls and all(u.startswith("https://") for u in urls)
    for url in urls:
        assert (RESOURCES.parent / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_every_icon_size_is_a_square_png_of_that_size():
    assert (RESOURCES / "icons" / f"{APP_ID}.svg").is_file()
    files = icon_files()
    assert [int(f.parent.parent.name.split("x")[0]) for f in files] == sorted(ICON_SIZES, key=str)
    for file in files:
        data = file.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert f"{width}x{height}" == file.parent.parent.name
