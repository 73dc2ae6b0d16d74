import os

import pytest

from courseforge import fsutil


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "gradebook.csv"
    fsutil.write_atomic(target, "old\n")
    fsutil.write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert sorted(os.listdir(target.parent)) == ["gradebook.csv"]


def test_write_atomic_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("precious")

    def boom(*_):
        raise OSError("disk full")

    monkeypatch.setattr(fsutil.os, "replace", boom)
    with pytest.raises(OSError):
        fsutil.write_atomic(target, "half")
    assert target.read_text() == "precious"
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_read_text_limited_names_size_and_bad_byte(tmp_path):
    big = tmp_path / "big.yml"
    big.write_bytes(b"x" * 11)
    with pytest.raises(ValueError, match="file is 11 bytes, over the 10-byte limit"):
        fsutil.read_text_limited(big, 10)
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(ValueError, match=r"line 2: not valid UTF-8 \(byte 0xe9\)"):
        fsutil.read_text_limited(bad, 100)
    ok = tmp_path / "ok.yml"
    ok.write_bytes("\ufeffa: é\n".encode())
    assert fsutil.read_text_limited(ok, 100) == "a: é\n"


def test_write_atomic_gives_new_files_the_umask_mode_and_keeps_an_old_mode(tmp_path):
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.yml"
        fsutil.write_atomic(new, "a")
        assert new.stat().st_mode & 0o777 == 0o644
        script = tmp_path / "run.sh"
        script.write_text("#!/bin/sh\n")
        script.chmod(0o755)
        fsutil.write_atomic(script, "#!/bin/sh\necho hi\n")
        assert script.stat().st_mode & 0o777 == 0o755
    finally:
        os.umask(old)
