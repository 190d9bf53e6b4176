/* portal-store-cvs.c: CV schema, reading one CV, and the jobseeker's own
 * changes (visibility, renewal)
 *
 * Layout, chosen for the search shapes (see portal-store-cvs-search.c):
 * - cvs: one narrow row per CV with only what filters need. Its rowid `seq`
 *   is a freshness sequence: every renewal gives the CV a new, higher seq,
 *   so "most recent first" is a backwards rowid walk, "not expired" and
 *   "updated since" are seq ranges, and nothing large is ever sorted.
 * - cv_docs: what employers may read (headline, scrubbed summary and
 *   experience, education, skills as JSON).
 * - cv_private: personalia and the unscrubbed text. Only the owner and open
 *   CV code paths select from it (R1).
 * - cv_fts (contentless FTS5, rowid = seq) and cv_skills (skill, seq) hold
 *   findable (anonymous or open) CVs only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-privacy.h"
#include "portal-seed-data.h"
#include "portal-store-cvs-private.h"

#include <string.h>

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS places ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, province TEXT NOT NULL,"
  "  lat REAL NOT NULL, lon REAL NOT NULL);"
  "CREATE INDEX IF NOT EXISTS places_lat_lon ON places (lat, lon);"
  "CREATE TABLE IF NOT EXISTS occupations ("
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, label TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS skills ("
  "  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  "  cv_count INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS cvs ("
  "  seq INTEGER PRIMARY KEY,"
  "  id INTEGER NOT NULL UNIQUE,"
  "  jobseeker_id INTEGER UNIQUE,"
  "  visibility INTEGER NOT NULL CHECK (visibility IN (0, 1, 2)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  place_id INTEGER NOT NULL,"
  "  occupation_id INTEGER,"
  "  hours_min INTEGER NOT NULL,"
  "  hours_max INTEGER NOT NULL,"
  "  edu_rank INTEGER NOT NULL,"
  "  licence INTEGER NOT NULL,"
  "  available_from INTEGER NOT NULL,"
  "  lang_mask INTEGER NOT NULL,"
  "  birth_day INTEGER NOT NULL);"  /* only ever turned into an age band */
  "CREATE INDEX IF NOT EXISTS cvs_updated ON cvs (updated_at);"
  "CREATE INDEX IF NOT EXISTS cvs_place ON cvs (place_id) WHERE visibility > 0;"
  "CREATE INDEX IF NOT EXISTS cvs_occupation ON cvs (occupation_id) WHERE visibility > 0;"
  "CREATE TABLE IF NOT EXISTS cv_docs ("
  "  id INTEGER PRIMARY KEY, headline TEXT NOT NULL, skills TEXT NOT NULL,"
  "  summary TEXT NOT NULL, experience TEXT NOT NULL, education TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS cv_private ("
  "  id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,"
  "  birth_date TEXT NOT NULL, email TEXT, phone TEXT, street TEXT, house_number TEXT,"
  "  postcode TEXT, city TEXT, photo_url TEXT, linkedin TEXT, national_id TEXT,"
  "  summary TEXT, experience TEXT);"  /* NULL: same as the cv_docs text */
  "CREATE TABLE IF NOT EXISTS cv_skills ("
  "  skill_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
  "  PRIMARY KEY (skill_id, seq)) WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE IF NOT EXISTS cv_fts USING fts5 ("
  "  headline, summary, skills, occupation,"
  "  content='', tokenize='unicode61 remove_diacritics 2');";

gboolean
portal_cvs_sql_error (sqlite3  *db,
                      GError  **error)
{
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_INTERNAL,
               "SQLite: %s", sqlite3_errmsg (db));
  return FALSE;
}

gboolean
portal_cvs_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_INTERNAL, "SQLite: %s", msg);
      sqlite3_free (msg);
      return FALSE;
    }

  return TRUE;
}

static gboolean
fill_reference_tables (sqlite3  *db,
                       GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO places (id, name, province, lat, lon) VALUES (?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  for (guint i = 0; ok && i < portal_n_places; i++)
    {
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, portal_places[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, portal_places[i].province, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 4, portal_places[i].lat);
      sqlite3_bind_double (stmt, 5, portal_places[i].lon);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return portal_cvs_sql_error (db, error);

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO occupations (id, code, label) VALUES (?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  for (guint i = 0; ok && i < portal_n_occupations; i++)
    {
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, portal_occupations[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, portal_occupations[i].label, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return portal_cvs_sql_error (db, error);

  return TRUE;
}

gboolean
portal_store_cvs_init_schema (sqlite3  *db,
                              GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  if (!portal_cvs_exec (db, "SAVEPOINT cvs_schema", error))
    return FALSE;

  if (!portal_cvs_exec (db, schema_sql, error) || !fill_reference_tables (db, error))
    {
      portal_cvs_exec (db, "ROLLBACK TO cvs_schema; RELEASE cvs_schema", NULL);
      return FALSE;
    }

  return portal_cvs_exec (db, "RELEASE cvs_schema", error);
}

/* Helpers */

gint64
portal_cvs_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
portal_cvs_skill_key (const char *skill)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (skill));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);

  if (normal == NULL)
    return NULL;
  return g_utf8_casefold (normal, -1);
}

char *
portal_cvs_format_day (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("1970-01-01");
}

char *
portal_cvs_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("1970-01-01T00:00:00Z");
}

gboolean
portal_cvs_parse_day (const char *text,
                      gint64     *day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1900 || y > 2999 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return FALSE;
  *day = g_date_time_to_unix (dt) / 86400;
  return TRUE;
}

JsonNode *
portal_cvs_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      json_parser_get_root (parser) == NULL)
    return json_node_init_array (json_node_alloc (), json_array_new ());

  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
languages_from_mask (guint mask)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < portal_n_languages; i++)
    if (mask & (1u << i))
      json_array_add_string_element (array, portal_languages[i]);

  return array;
}

JsonObject *
portal_cvs_summary_from_row (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             int           col)
{
  JsonObject *cv = json_object_new ();
  int visibility = sqlite3_column_int (stmt, col + 1);
  guint place = sqlite3_column_int (stmt, col + 3);
  int occupation = sqlite3_column_type (stmt, col + 4) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, col + 4);
  guint edu = sqlite3_column_int (stmt, col + 7);
  g_autofree char *updated = portal_cvs_format_time (sqlite3_column_int64 (stmt, col + 2));
  g_autofree char *available = portal_cvs_format_day (sqlite3_column_int64 (stmt, col + 9));

  json_object_set_int_member (cv, "id", sqlite3_column_int64 (stmt, col));
  json_object_set_string_member (cv, "visibility",
                                 visibility == PORTAL_CV_OPEN ? "open" :
                                 visibility == PORTAL_CV_ANONYMOUS ? "anonymous" : "hidden");
  json_object_set_string_member (cv, "headline", (const char *) sqlite3_column_text (stmt, col + 11));
  if (occupation >= 1 && (guint) occupation <= portal_n_occupations)
    {
      JsonObject *occ = json_object_new ();

      json_object_set_string_member (occ, "code", portal_occupations[occupation - 1].code);
      json_object_set_string_member (occ, "label", portal_occupations[occupation - 1].label);
      json_object_set_object_member (cv, "occupation", occ);
    }
  else
    json_object_set_null_member (cv, "occupation");
  json_object_set_member (cv, "skills",
                          portal_cvs_parse_json ((const char *) sqlite3_column_text (stmt, col + 12)));
  json_object_set_string_member (cv, "region",
                                 place >= 1 && place <= portal_n_places ? portal_places[place - 1].name : "");
  json_object_set_int_member (cv, "hours_min", sqlite3_column_int (stmt, col + 5));
  json_object_set_int_member (cv, "hours_max", sqlite3_column_int (stmt, col + 6));
  if (edu >= 1 && edu <= PORTAL_EDUCATION_MAX)
    json_object_set_string_member (cv, "education_level", portal_education_levels[edu]);
  else
    json_object_set_null_member (cv, "education_level");
  json_object_set_string_member (cv, "available_from", available);
  json_object_set_boolean_member (cv, "driving_licence", sqlite3_column_int (stmt, col + 8) != 0);
  json_object_set_array_member (cv, "languages", languages_from_mask (sqlite3_column_int (stmt, col + 10)));
  json_object_set_string_member (cv, "updated_at", updated);

  if (visibility == PORTAL_CV_OPEN)
    {
      g_autofree char *name = portal_store_cvs_display_name (db, sqlite3_column_int64 (stmt, col));

      if (name != NULL)
        json_object_set_string_member (cv, "name", name);
    }

  return cv;
}

/* Reading one CV */

typedef enum
{
  READ_EMPLOYER,
  READ_OWNER,
} ReadMode;

static JsonObject *
personalia_object (sqlite3_stmt *p)
{
  JsonObject *personalia = json_object_new ();
  g_autofree char *name = g_strdup_printf ("%s %s", sqlite3_column_text (p, 0), sqlite3_column_text (p, 1));
  g_autofree char *address = g_strdup_printf ("%s %s", sqlite3_column_text (p, 5), sqlite3_column_text (p, 6));

  json_object_set_string_member (personalia, "name", name);
  json_object_set_string_member (personalia, "birth_date", (const char *) sqlite3_column_text (p, 2));
  json_object_set_string_member (personalia, "email", (const char *) sqlite3_column_text (p, 3));
  json_object_set_string_member (personalia, "phone", (const char *) sqlite3_column_text (p, 4));
  json_object_set_string_member (personalia, "address", address);
  json_object_set_string_member (personalia, "postcode", (const char *) sqlite3_column_text (p, 7));
  json_object_set_string_member (personalia, "city", (const char *) sqlite3_column_text (p, 8));
  return personalia;
}

/* Adds personalia and the unscrubbed text. Only for open CVs or the owner. */
static gboolean
add_private_members (sqlite3     *db,
                     gint64       cv_id,
                     JsonObject  *cv,
                     GError     **error)
{
  sqlite3_stmt *p = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT first_name, last_name, birth_date, email, phone, street, house_number,"
                          " postcode, city, summary, experience FROM cv_private WHERE id = ?",
                          -1, &p, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (p, 1, cv_id);
  rc = sqlite3_step (p);
  if (rc == SQLITE_ROW)
    {
      json_object_set_object_member (cv, "personalia", personalia_object (p));
      if (sqlite3_column_type (p, 9) != SQLITE_NULL)
        json_object_set_string_member (cv, "summary", (const char *) sqlite3_column_text (p, 9));
      if (sqlite3_column_type (p, 10) != SQLITE_NULL)
        json_object_set_member (cv, "experience", portal_cvs_parse_json ((const char *) sqlite3_column_text (p, 10)));
    }
  sqlite3_finalize (p);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return portal_cvs_sql_error (db, error);
  return TRUE;
}

static JsonObject *
read_cv (sqlite3     *db,
         const char  *where,
         gint64       key,
         ReadMode     mode,
         GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(JsonObject) cv = NULL;
  gint64 now = portal_cvs_now ();
  int visibility;
  gint64 id, expires_at;
  int rc;

  sql = g_strdup_printf ("SELECT " PORTAL_CVS_SUMMARY_COLUMNS ", c.expires_at, c.birth_day,"
                         " d.summary, d.experience, d.education"
                         " FROM cvs c JOIN cv_docs d ON d.id = c.id WHERE %s", where);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      portal_cvs_sql_error (db, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such CV");
      else
        portal_cvs_sql_error (db, error);
      return NULL;
    }

  visibility = sqlite3_column_int (stmt, 1);
  expires_at = sqlite3_column_int64 (stmt, PORTAL_CVS_N_SUMMARY_COLUMNS);
  id = sqlite3_column_int64 (stmt, 0);
  /* R7: hidden and expired CVs do not exist for employers. */
  if (mode == READ_EMPLOYER && (visibility == PORTAL_CV_HIDDEN || expires_at <= now))
    {
      sqlite3_finalize (stmt);
      g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such CV");
      return NULL;
    }

  cv = portal_cvs_summary_from_row (db, stmt, 0);
  {
    gint64 birth_day = sqlite3_column_int64 (stmt, PORTAL_CVS_N_SUMMARY_COLUMNS + 1);
    g_autofree char *birth = portal_cvs_format_day (birth_day);
    const char *band = portal_privacy_age_band (birth, now);

    json_object_set_string_member (cv, "age_band", band != NULL ? band : "");
  }
  json_object_set_string_member (cv, "summary",
                                 (const char *) sqlite3_column_text (stmt, PORTAL_CVS_N_SUMMARY_COLUMNS + 2));
  json_object_set_member (cv, "experience",
                          portal_cvs_parse_json ((const char *) sqlite3_column_text (stmt, PORTAL_CVS_N_SUMMARY_COLUMNS + 3)));
  json_object_set_member (cv, "education",
                          portal_cvs_parse_json ((const char *) sqlite3_column_text (stmt, PORTAL_CVS_N_SUMMARY_COLUMNS + 4)));
  sqlite3_finalize (stmt);

  if (mode == READ_OWNER)
    {
      g_autofree char *expires = portal_cvs_format_time (expires_at);
      const char *status = visibility == PORTAL_CV_OPEN ? "open" :
                           visibility == PORTAL_CV_ANONYMOUS ? "anonymous" : "hidden";

      json_object_set_string_member (cv, "status", status);
      json_object_set_string_member (cv, "expires_at", expires);
    }

  if ((mode == READ_OWNER || visibility == PORTAL_CV_OPEN) &&
      !add_private_members (db, id, cv, error))
    return NULL;

  return g_steal_pointer (&cv);
}

JsonObject *
portal_store_cvs_get_for_employer (sqlite3  *db,
                                   gint64    cv_id,
                                   GError  **error)
{
  return read_cv (db, "c.id = ?", cv_id, READ_EMPLOYER, error);
}

JsonObject *
portal_store_cvs_get_for_owner (sqlite3  *db,
                                gint64    jobseeker_id,
                                GError  **error)
{
  return read_cv (db, "c.jobseeker_id = ?", jobseeker_id, READ_OWNER, error);
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql,
             gint64      arg,
             gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

gboolean
portal_store_cvs_is_findable (sqlite3 *db,
                              gint64   cv_id)
{
  sqlite3_stmt *stmt = NULL;
  gboolean findable = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM cvs WHERE id = ? AND visibility > 0 AND expires_at > ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cv_id);
  sqlite3_bind_int64 (stmt, 2, portal_cvs_now ());
  findable = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return findable;
}

JsonObject *
portal_store_cvs_get_anonymous_summary (sqlite3 *db,
                                        gint64   cv_id)
{
  sqlite3_stmt *stmt = NULL;
  JsonObject *summary = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT " PORTAL_CVS_SUMMARY_COLUMNS " FROM cvs c JOIN cv_docs d ON d.id = c.id"
                          " WHERE c.id = ? AND c.visibility > 0 AND c.expires_at > ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cv_id);
  sqlite3_bind_int64 (stmt, 2, portal_cvs_now ());
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      summary = portal_cvs_summary_from_row (db, stmt, 0);
      json_object_remove_member (summary, "name");
    }
  sqlite3_finalize (stmt);
  return summary;
}

gint64
portal_store_cvs_id_for_jobseeker (sqlite3 *db,
                                   gint64   jobseeker_id)
{
  return query_int64 (db, "SELECT id FROM cvs WHERE jobseeker_id = ?", jobseeker_id, 0);
}

gint64
portal_store_cvs_get_jobseeker_id (sqlite3 *db,
                                   gint64   cv_id)
{
  return query_int64 (db, "SELECT jobseeker_id FROM cvs WHERE id = ?", cv_id, 0);
}

char *
portal_store_cvs_display_name (sqlite3 *db,
                               gint64   cv_id)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT p.first_name || ' ' || p.last_name FROM cvs c JOIN cv_private p ON p.id = c.id"
                          " WHERE c.id = ? AND c.visibility = 2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cv_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name;
}

JsonObject *
portal_store_cvs_contact_details (sqlite3 *db,
                                  gint64   cv_id)
{
  sqlite3_stmt *stmt = NULL;
  JsonObject *contact = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT first_name || ' ' || last_name, email, phone FROM cv_private WHERE id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cv_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      contact = json_object_new ();
      json_object_set_string_member (contact, "name", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (contact, "email", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_string_member (contact, "phone", (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return contact;
}

char *
portal_cv_candidate_label (gint64 cv_id)
{
  /* Crockford-style base32 of a scrambled id: stable, short, no vowels
   * that spell words. */
  static const char alphabet[] = "0123456789BCDFGHJKLMNPQRSTVWXZ7K";
  guint64 x = (guint64) cv_id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  char code[5];

  x ^= x >> 29;
  for (guint i = 0; i < 4; i++)
    {
      code[i] = alphabet[x & 31];
      x >>= 5;
    }
  code[4] = '\0';
  return g_strdup_printf ("Kandidaat %s", code);
}

/* The jobseeker's own changes */

/* Adds (@add) or removes a CV's rows in cv_fts and cv_skills. */
static gboolean
index_cv (sqlite3     *db,
          gint64       cv_id,
          gint64       seq,
          gboolean     add,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(JsonNode) skills = NULL;
  g_autoptr(GString) skills_text = g_string_new (NULL);
  g_autofree char *headline = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *occupation = NULL;
  JsonArray *array;
  gboolean ok;

  if (sqlite3_prepare_v2 (db,
                          "SELECT d.headline, d.summary, d.skills, o.label FROM cv_docs d JOIN cvs c ON c.id = d.id"
                          " LEFT JOIN occupations o ON o.id = c.occupation_id WHERE d.id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, cv_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return portal_cvs_sql_error (db, error);
    }
  headline = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  summary = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  skills = portal_cvs_parse_json ((const char *) sqlite3_column_text (stmt, 2));
  occupation = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  array = JSON_NODE_HOLDS_ARRAY (skills) ? json_node_get_array (skills) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *skill = json_array_get_string_element (array, i);

      if (skill == NULL)
        continue;
      g_string_append_printf (skills_text, "%s%s", i > 0 ? ", " : "", skill);
    }

  if (sqlite3_prepare_v2 (db,
                          add ? "INSERT INTO cv_fts (rowid, headline, summary, skills, occupation) VALUES (?, ?, ?, ?, ?)"
                              : "INSERT INTO cv_fts (cv_fts, rowid, headline, summary, skills, occupation)"
                                " VALUES ('delete', ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, headline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, skills_text->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, occupation != NULL ? occupation : "", -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return portal_cvs_sql_error (db, error);

  if (sqlite3_prepare_v2 (db,
                          add ? "INSERT OR IGNORE INTO cv_skills (skill_id, seq) SELECT id, ? FROM skills WHERE key = ?"
                              : "DELETE FROM cv_skills WHERE seq = ?1 AND skill_id = (SELECT id FROM skills WHERE key = ?2)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  for (guint i = 0; ok && array != NULL && i < json_array_get_length (array); i++)
    {
      const char *skill = json_array_get_string_element (array, i);
      g_autofree char *key = skill != NULL ? portal_cvs_skill_key (skill) : NULL;

      if (key == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, seq);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return portal_cvs_sql_error (db, error);

  return TRUE;
}

static gboolean
lookup_own_cv (sqlite3     *db,
               gint64       jobseeker_id,
               gint64      *cv_id,
               gint64      *seq,
               int         *visibility,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, seq, visibility FROM cvs WHERE jobseeker_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, jobseeker_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *cv_id = sqlite3_column_int64 (stmt, 0);
      *seq = sqlite3_column_int64 (stmt, 1);
      *visibility = sqlite3_column_int (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "This jobseeker has no CV");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return portal_cvs_sql_error (db, error);
  return TRUE;
}

static gboolean
run_in_savepoint (sqlite3   *db,
                  gboolean (*body) (sqlite3 *, gpointer, GError **),
                  gpointer   data,
                  GError   **error)
{
  if (!portal_cvs_exec (db, "SAVEPOINT cvs_change", error))
    return FALSE;
  if (!body (db, data, error))
    {
      portal_cvs_exec (db, "ROLLBACK TO cvs_change; RELEASE cvs_change", NULL);
      return FALSE;
    }
  return portal_cvs_exec (db, "RELEASE cvs_change", error);
}

typedef struct
{
  gint64 jobseeker_id;
  int    visibility;
} VisibilityChange;

static gboolean
set_visibility_body (sqlite3   *db,
                     gpointer   data,
                     GError   **error)
{
  VisibilityChange *change = data;
  sqlite3_stmt *stmt = NULL;
  gint64 cv_id, seq;
  int old;
  gboolean ok;

  if (!lookup_own_cv (db, change->jobseeker_id, &cv_id, &seq, &old, error))
    return FALSE;
  if (old == change->visibility)
    return TRUE;

  if (old == PORTAL_CV_HIDDEN && !index_cv (db, cv_id, seq, TRUE, error))
    return FALSE;
  if (change->visibility == PORTAL_CV_HIDDEN && !index_cv (db, cv_id, seq, FALSE, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "UPDATE cvs SET visibility = ? WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int (stmt, 1, change->visibility);
  sqlite3_bind_int64 (stmt, 2, cv_id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok ? TRUE : portal_cvs_sql_error (db, error);
}

gboolean
portal_store_cvs_set_visibility (sqlite3     *db,
                                 gint64       jobseeker_id,
                                 const char  *visibility,
                                 GError     **error)
{
  VisibilityChange change = { jobseeker_id, -1 };

  if (g_strcmp0 (visibility, "hidden") == 0)
    change.visibility = PORTAL_CV_HIDDEN;
  else if (g_strcmp0 (visibility, "anonymous") == 0)
    change.visibility = PORTAL_CV_ANONYMOUS;
  else if (g_strcmp0 (visibility, "open") == 0)
    change.visibility = PORTAL_CV_OPEN;
  else
    {
      g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION,
                           "visibility must be hidden, anonymous or open");
      return FALSE;
    }

  return run_in_savepoint (db, set_visibility_body, &change, error);
}

gboolean
portal_cvs_move_to_front (sqlite3  *db,
                          gint64    cv_id,
                          gint64    updated_at,
                          GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq, new_seq;
  int visibility;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, "SELECT seq, visibility FROM cvs WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, cv_id);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  seq = ok ? sqlite3_column_int64 (stmt, 0) : 0;
  visibility = ok ? sqlite3_column_int (stmt, 1) : 0;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such CV");
      return FALSE;
    }

  /* Keep seq order equal to updated_at order: the search relies on it. */
  updated_at = MAX (updated_at, query_int64 (db, "SELECT max(updated_at) FROM cvs WHERE ? IS NOT NULL", 0, 0));
  new_seq = query_int64 (db, "SELECT max(seq) FROM cvs WHERE ? IS NOT NULL", 0, 0) + 1;

  if (visibility != PORTAL_CV_HIDDEN && !index_cv (db, cv_id, seq, FALSE, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "UPDATE cvs SET seq = ?, updated_at = ?, expires_at = ? WHERE id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, new_seq);
  sqlite3_bind_int64 (stmt, 2, updated_at);
  sqlite3_bind_int64 (stmt, 3, updated_at + PORTAL_CV_VALIDITY_SECONDS);
  sqlite3_bind_int64 (stmt, 4, cv_id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return portal_cvs_sql_error (db, error);

  return visibility == PORTAL_CV_HIDDEN || index_cv (db, cv_id, new_seq, TRUE, error);
}

static gboolean
renew_body (sqlite3   *db,
            gpointer   data,
            GError   **error)
{
  gint64 jobseeker_id = *(gint64 *) data;
  gint64 cv_id, seq;
  int visibility;

  if (!lookup_own_cv (db, jobseeker_id, &cv_id, &seq, &visibility, error))
    return FALSE;
  return portal_cvs_move_to_front (db, cv_id, portal_cvs_now (), error);
}

gboolean
portal_store_cvs_renew (sqlite3  *db,
                        gint64    jobseeker_id,
                        GError  **error)
{
  return run_in_savepoint (db, renew_body, &jobseeker_id, error);
}
