import json
from datetime import datetime, timedelta, timezone

from courseforge.generate.write import LOCK_PATH, apply_writes, plan_writes, sha256

NOON = datetime(2026, 3, 14, 12, 0, 5, tzinfo=timezone.utc)


def run(root, files, force=False, now=NOON):
    plan, lock = plan_writes(root, files, force=force, now=now)
    apply_writes(root, files, plan, lock)
    return plan


def test_first_run_creates_files_and_records_hashes(tmp_path):
    plan = run(tmp_path, {"modules/a.md": "A\n", "quizzes/a.yml": "q: 1\n"})
    assert plan.created == ["modules/a.md", "quizzes/a.yml"]
    lock = json.loads((tmp_path / LOCK_PATH).read_text())
    assert lock["files"] == {"modules/a.md": sha256("A\n"), "quizzes/a.yml": sha256("q: 1\n")}


def test_unedited_files_are_updated_and_edited_ones_kept_with_a_draft(tmp_path):
    run(tmp_path, {"modules/a.md": "A\n", "modules/b.md": "B\n", "quizzes/a.yml": "q: 1\n"})
    (tmp_path / "modules/b.md").write_text("B edited by a trainer\n")
    (tmp_path / "quizzes/a.yml").write_bytes(b"q: 1 # mine\r\n")
    plan = run(tmp_path, {"modules/a.md": "A2\n", "modules/b.md": "B2\n", "quizzes/a.yml": "q: 2\n"})
    assert plan.updated == ["modules/a.md"]
    assert plan.kept == ["modules/b.md", "quizzes/a.yml"]
    assert (tmp_path / "modules/a.md").read_text() == "A2\n"
    assert (tmp_path / "modules/b.md").read_text() == "B edited by a trainer\n"
    assert (tmp_path / "quizzes/a.yml").read_bytes() == b"q: 1 # mine\r\n"
    assert (tmp_path / ".courseforge/drafts/modules/b.md").read_text() == "B2\n"
    assert (tmp_path / ".courseforge/drafts/quizzes/a.yml").read_text() == "q: 2\n"
    # the lock still records what generate wrote, so the edit stays protected next time
    again = run(tmp_path, {"modules/a.md": "A2\n", "modules/b.md": "B3\n", "quizzes/a.yml": "q: 2\n"})
    assert again.kept == ["modules/b.md", "quizzes/a.yml"] and again.unchanged == ["modules/a.md"]


def test_force_replaces_edits_and_backs_them_up(tmp_path):
    run(tmp_path, {"modules/b.md": "B\n"})
    (tmp_path / "modules/b.md").write_text("mine\n")
    plan = run(tmp_path, {"modules/b.md": "B2\n"}, force=True)
    assert plan.replaced == ["modules/b.md"]
    assert plan.backups == {"modules/b.md": ".courseforge/backup/2026-03-14T12-00-05Z/modules/b.md"}
    assert (tmp_path / "modules/b.md").read_text() == "B2\n"
    assert (tmp_path / ".courseforge/backup/2026-03-14T12-00-05Z/modules/b.md").read_text() == "mine\n"


def test_every_forced_run_keeps_its_own_backup(tmp_path):
    """Two --force runs, even within the same second, never write over the first edit's backup."""
    run(tmp_path, {"modules/b.md": "B\n"})
    saved = []
    for n, when in enumerate([NOON, NOON, NOON + timedelta(hours=3)], start=1):
        (tmp_path / "modules/b.md").write_text(f"edit {n}\n")
        plan = run(tmp_path, {"modules/b.md": f"B{n}\n"}, force=True, now=when)
        saved.append(plan.backups["modules/b.md"])
    assert saved == [".courseforge/backup/2026-03-14T12-00-05Z/modules/b.md",
                     ".courseforge/backup/2026-03-14T12-00-05Z-2/modules/b.md",
                     ".courseforge/backup/2026-03-14T15-00-05Z/modules/b.md"]
    assert [(tmp_path / p).read_text() for p in saved] == ["edit 1\n", "edit 2\n", "edit 3\n"]


def test_a_run_that_replaces_nothing_makes_no_backup_folder(tmp_path):
    run(tmp_path, {"modules/a.md": "A\n"})
    plan = run(tmp_path, {"modules/a.md": "A2\n"}, force=True)
    assert plan.updated == ["modules/a.md"] and plan.backups == {}
    assert not (tmp_path / ".courseforge/backup").exists()


def test_files_not_written_by_generate_are_never_overwritten(tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules/a.md").write_text("hand written\n")
    plan = run(tmp_path, {"modules/a.md": "generated\n"})
    assert plan.kept == ["modules/a.md"]
    assert (tmp_path / "modules/a.md").read_text() == "hand written\n"


def test_dropped_files_are_removed_only_when_unedited(tmp_path):
    run(tmp_path, {"modules/a.md": "A\n", "modules/b.md": "B\n"})
    (tmp_path / "modules/b.md").write_text("edited\n")
    plan = run(tmp_path, {"modules/c.md": "C\n"})
    assert plan.removed == ["modules/a.md"] and plan.kept_stale == ["modules/b.md"]
    assert not (tmp_path / "modules/a.md").exists()
    assert (tmp_path / "modules/b.md").read_text() == "edited\n"


def test_planning_alone_writes_nothing(tmp_path):
    plan, _ = plan_writes(tmp_path, {"modules/a.md": "A\n"})
    assert plan.created == ["modules/a.md"]
    assert list(tmp_path.iterdir()) == []


def test_line_ending_conversion_is_not_an_edit(tmp_path):
    run(tmp_path, {"modules/a.md": "A\nB\n"})
    (tmp_path / "modules/a.md").write_bytes(b"A\r\nB\r\n")  # as git checks it out on Windows
    plan = run(tmp_path, {"modules/a.md": "A\nB\n"})
    assert plan.unchanged == ["modules/a.md"] and plan.kept == []
    plan = run(tmp_path, {"modules/a.md": "A2\n"})
    assert plan.updated == ["modules/a.md"]
