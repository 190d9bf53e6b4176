"""The truth about CVs, read straight from the portal's SQLite database
(read-only), to check what the API answers against it.

Schema (portal/portal-store-cvs.c):
  cvs(seq, id, jobseeker_id, visibility 0 hidden|1 anonymous|2 open,
      created_at, updated_at, expires_at (unix seconds), ...)
  cv_private(id, first_name, last_name, birth_date, email, phone, street,
             house_number, postcode, city, photo_url, linkedin, national_id,
             summary, experience)   -- personalia and the unscrubbed text
"""

import sqlite3
import time

HIDDEN, ANONYMOUS, OPEN = 0, 1, 2

PERSONAL_COLUMNS = ("first_name", "last_name", "birth_date", "email", "phone", "street", "house_number",
                    "postcode", "city", "photo_url", "linkedin", "national_id")


class CvTruth:
    def __init__(self, db_path):
        self.conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
        self.conn.row_factory = sqlite3.Row
        cols = {r["name"] for r in self.conn.execute("PRAGMA table_info(cv_private)")}
        missing = [c for c in PERSONAL_COLUMNS if c not in cols]
        if missing:
            raise AssertionError(f"cv_private lacks {missing}: update tests/api/ground_truth.py to the schema")

    def close(self):
        self.conn.close()

    def personalia(self, cv_id):
        row = self.conn.execute(f"SELECT {', '.join(PERSONAL_COLUMNS)} FROM cv_private WHERE id = ?",
                                (cv_id,)).fetchone()
        return dict(row) if row is not None else None

    def visibility(self, cv_id):
        row = self.conn.execute("SELECT visibility FROM cvs WHERE id = ?", (cv_id,)).fetchone()
        return row[0] if row else None

    def unfindable_ids(self, now=None):
        now = int(now or time.time())
        hidden = {r[0] for r in self.conn.execute("SELECT id FROM cvs WHERE visibility = 0")}
        expired = {r[0] for r in self.conn.execute("SELECT id FROM cvs WHERE visibility > 0 AND expires_at <= ?",
                                                   (now,))}
        return hidden, expired

    def findable_ids(self, now=None):
        now = int(now or time.time())
        return {r[0] for r in self.conn.execute("SELECT id FROM cvs WHERE visibility > 0 AND expires_at > ?",
                                                (now,))}

    def count_by_visibility(self):
        return dict(self.conn.execute("SELECT visibility, count(*) FROM cvs GROUP BY visibility").fetchall())
