"""zip_site: one top folder, sorted entries, fixed times, the same bytes every time."""

import zipfile

from courseforge.site.offline import FIXED_TIME, zip_site


def test_zip_is_reproducible(tmp_path):
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "b" / "page.html").write_text("page", encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(b"\x1f\x8b already compressed")
    zip_site(site, tmp_path / "one.zip", folder="course")
    zip_site(site, tmp_path / "two.zip", folder="course")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as zf:
        assert zf.namelist() == ["course/b/page.html", "course/index.html", "course/sitemap.xml.gz"]
        assert {i.date_time for i in zf.infolist()} == {FIXED_TIME}
        assert zf.getinfo("course/sitemap.xml.gz").compress_type == zipfile.ZIP_STORED
        assert zf.read("course/index.html") == b"<h1>Home</h1>"


def test_skip_patterns(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "assets").mkdir()
    for name in ("index.html", "search/search_index.json", "search/search_index.js", "assets/bundle.js",
                 "assets/bundle.js.map"):
        (site / name).write_text(name, encoding="utf-8")
    zip_site(site, tmp_path / "s.zip", folder="c", skip=("*.map", "search/search_index.json"))
    with zipfile.ZipFile(tmp_path / "s.zip") as zf:
        assert zf.namelist() == ["c/assets/bundle.js", "c/index.html", "c/search/search_index.js"]
