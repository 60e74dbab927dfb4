"""A real ingest process killed with SIGKILL mid-run, then run again: each file stored once."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.corpus.conftest import plan_text, subprocess_env, write

FILES = 400


def count(db, sql="SELECT count(*) FROM documents"):
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def ingest_command(folder, db):
    return [sys.executable, "-c", "import sys; from docgen.cli import main; main()",
            "corpus", "ingest", str(folder), "--db", str(db)]


@pytest.mark.slow
def test_kill_9_mid_ingest_then_the_same_command_stores_each_file_once(tmp_path):
    folder, db = tmp_path / "docs", tmp_path / "corpus.db"
    for i in range(FILES):
        write(folder / f"{i // 100:02d}" / f"kh-{i:04d}.txt",
              plan_text(f"{i + 1}/KH-UBND", 2000 + i % 25, "Lâm Đồng"))
    child = subprocess.Popen(ingest_command(folder, db), env=subprocess_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while count(db) < 20 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored_when_killed = count(db)
    assert child.returncode == -signal.SIGKILL
    assert 20 <= stored_when_killed < FILES, "the run ended before it could be killed"

    again = subprocess.run(ingest_command(folder, db), env=subprocess_env(),
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{FILES - stored_when_killed} stored" in again.stderr
    assert count(db) == FILES
    assert count(db, "SELECT count(DISTINCT sha256) FROM documents") == FILES
    assert count(db, "SELECT count(*) FROM paths") == FILES
    assert count(db, "SELECT count(DISTINCT path) FROM paths") == FILES
    assert count(db, "SELECT count(*) FROM contents") == FILES
    assert count(db, "SELECT count(*) FROM failures") == 0
    assert count(db, "SELECT count(*) FROM doc_fts_0 WHERE doc_fts_0 MATCH 'subject_folded : "
                     "\"chuyen doi so\"'") == FILES
