/* portal-store-cvs-write.c: adding CVs, fast enough for bulk generation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-privacy.h"
#include "portal-seed-data.h"
#include "portal-store-cvs-private.h"

#include <string.h>

enum
{
  STMT_CV,
  STMT_DOC,
  STMT_PRIVATE,
  STMT_SKILL_NEW,
  STMT_CV_SKILL,
  STMT_FTS,
  STMT_SKILL_COUNT,
  N_STMTS
};

static const char * const stmt_sql[N_STMTS] = {
  [STMT_CV] = "INSERT INTO cvs (seq, id, jobseeker_id, visibility, created_at, updated_at, expires_at,"
              " place_id, occupation_id, hours_min, hours_max, edu_rank, licence, available_from,"
              " lang_mask, birth_day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
  [STMT_DOC] = "INSERT INTO cv_docs (id, headline, skills, summary, experience, education) VALUES (?,?,?,?,?,?)",
  [STMT_PRIVATE] = "INSERT INTO cv_private (id, first_name, last_name, birth_date, email, phone, street,"
                   " house_number, postcode, city, photo_url, linkedin, national_id, summary, experience)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
  [STMT_SKILL_NEW] = "INSERT INTO skills (key, name) VALUES (?, ?)",
  [STMT_CV_SKILL] = "INSERT OR IGNORE INTO cv_skills (skill_id, seq) VALUES (?, ?)",
  [STMT_FTS] = "INSERT INTO cv_fts (rowid, headline, summary, skills, occupation) VALUES (?,?,?,?,?)",
  [STMT_SKILL_COUNT] = "UPDATE skills SET cv_count = cv_count + ? WHERE id = ?",
};

struct _PortalCvWriter
{
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  GHashTable   *skill_ids;     /* key -> id */
  GHashTable   *skill_counts;  /* id -> added findable CVs */
  gint64        next_seq;
  gint64        next_id;
  gint64        last_updated;
};

void
portal_cv_writer_free (PortalCvWriter *writer)
{
  if (writer == NULL)
    return;
  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (writer->stmts[i]);
  g_clear_pointer (&writer->skill_ids, g_hash_table_unref);
  g_clear_pointer (&writer->skill_counts, g_hash_table_unref);
  g_free (writer);
}

static gint64
single_int64 (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

PortalCvWriter *
portal_cv_writer_new (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(PortalCvWriter) writer = g_new0 (PortalCvWriter, 1);
  sqlite3_stmt *stmt = NULL;

  writer->db = db;
  writer->skill_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->skill_counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < N_STMTS; i++)
    if (sqlite3_prepare_v2 (db, stmt_sql[i], -1, &writer->stmts[i], NULL) != SQLITE_OK)
      {
        portal_cvs_sql_error (db, error);
        return NULL;
      }

  if (sqlite3_prepare_v2 (db, "SELECT key, id FROM skills", -1, &stmt, NULL) != SQLITE_OK)
    {
      portal_cvs_sql_error (db, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (writer->skill_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
  sqlite3_finalize (stmt);

  writer->next_seq = single_int64 (db, "SELECT max(seq) FROM cvs") + 1;
  writer->next_id = single_int64 (db, "SELECT max(id) FROM cvs") + 1;
  writer->last_updated = single_int64 (db, "SELECT max(updated_at) FROM cvs");

  return g_steal_pointer (&writer);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static gboolean
step_done (PortalCvWriter  *writer,
           int              which,
           GError         **error)
{
  sqlite3_stmt *stmt = writer->stmts[which];
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return portal_cvs_sql_error (writer->db, error);
  return TRUE;
}

static gint64
skill_id (PortalCvWriter  *writer,
          const char      *skill,
          const char      *key,
          GError         **error)
{
  gpointer id;
  sqlite3_stmt *stmt = writer->stmts[STMT_SKILL_NEW];

  if (g_hash_table_lookup_extended (writer->skill_ids, key, NULL, &id))
    return GPOINTER_TO_SIZE (id);

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, skill, -1, SQLITE_STATIC);
  if (!step_done (writer, STMT_SKILL_NEW, error))
    return 0;
  id = GSIZE_TO_POINTER (sqlite3_last_insert_rowid (writer->db));
  g_hash_table_insert (writer->skill_ids, g_strdup (key), id);
  return GPOINTER_TO_SIZE (id);
}

/* Builds the experience JSON, scrubbed when @names is not NULL. */
static char *
experience_json (const PortalCvRecord *r,
                 const char * const   *names)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < r->n_experience; i++)
    {
      const PortalCvExperience *e = &r->experience[i];
      g_autofree char *title = names ? portal_privacy_scrub (e->title, names) : g_strdup (e->title);
      g_autofree char *employer = names ? portal_privacy_scrub (e->employer, names) : g_strdup (e->employer);
      g_autofree char *description = names ? portal_privacy_scrub (e->description, names) : g_strdup (e->description);

      g_string_append (out, i > 0 ? ",{\"title\":" : "{\"title\":");
      append_json_string (out, title);
      g_string_append (out, ",\"employer\":");
      append_json_string (out, employer);
      g_string_append (out, ",\"start\":");
      append_json_string (out, e->start);
      g_string_append (out, ",\"end\":");
      if (e->end != NULL)
        append_json_string (out, e->end);
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"description\":");
      append_json_string (out, description);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static char *
education_json (const PortalCvRecord *r,
                const char * const   *names)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < r->n_education; i++)
    {
      const PortalCvEducation *e = &r->education[i];
      g_autofree char *field = portal_privacy_scrub (e->field, names);
      g_autofree char *institution = portal_privacy_scrub (e->institution, names);

      g_string_append (out, i > 0 ? ",{\"level\":" : "{\"level\":");
      append_json_string (out, e->level);
      g_string_append (out, ",\"field\":");
      append_json_string (out, field);
      g_string_append (out, ",\"institution\":");
      append_json_string (out, institution);
      g_string_append_printf (out, ",\"year\":%u}", e->year);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gint64
portal_cv_writer_add (PortalCvWriter        *writer,
                      const PortalCvRecord  *r,
                      GError               **error)
{
  g_auto(GStrv) person_words = portal_privacy_name_words (r->first_name, r->last_name);
  g_auto(GStrv) street_words = portal_privacy_name_words (r->street, NULL);
  g_autoptr(GStrvBuilder) names_builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *experience = NULL;
  g_autofree char *experience_raw = NULL;
  g_autofree char *education = NULL;
  g_autoptr(GString) skills_json = g_string_new ("[");
  g_autoptr(GString) skills_text = g_string_new (NULL);
  g_autoptr(GArray) skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *occupation_label = r->occupation_index >= 0 ? portal_occupations[r->occupation_index].label : "";
  gint64 seq = writer->next_seq;
  gint64 id = writer->next_id;
  gint64 updated_at = MAX (r->updated_at, writer->last_updated);
  gint64 birth_day = 0;
  gboolean findable = r->visibility != PORTAL_CV_HIDDEN;
  sqlite3_stmt *s;

  g_return_val_if_fail (r->place_index < portal_n_places, 0);
  g_return_val_if_fail (r->first_name != NULL && r->last_name != NULL && r->birth_date != NULL, 0);

  g_strv_builder_addv (names_builder, (const char **) person_words);
  g_strv_builder_addv (names_builder, (const char **) street_words);
  names = g_strv_builder_end (names_builder);
  portal_cvs_parse_day (r->birth_date, &birth_day);

  headline = portal_privacy_scrub (r->headline, (const char * const *) names);
  summary = portal_privacy_scrub (r->summary, (const char * const *) names);
  experience = experience_json (r, (const char * const *) names);
  experience_raw = experience_json (r, NULL);
  education = education_json (r, (const char * const *) names);

  for (guint i = 0; r->skills != NULL && r->skills[i] != NULL; i++)
    {
      g_autofree char *key = portal_cvs_skill_key (r->skills[i]);
      gint64 sid;

      if (key == NULL || key[0] == '\0')
        continue;
      sid = skill_id (writer, r->skills[i], key, error);
      if (sid == 0)
        return 0;
      g_array_append_val (skill_ids, sid);
      if (skills_json->len > 1)
        g_string_append_c (skills_json, ',');
      append_json_string (skills_json, r->skills[i]);
      g_string_append_printf (skills_text, "%s%s", skills_text->len > 0 ? ", " : "", r->skills[i]);
    }
  g_string_append_c (skills_json, ']');

  s = writer->stmts[STMT_CV];
  sqlite3_bind_int64 (s, 1, seq);
  sqlite3_bind_int64 (s, 2, id);
  if (r->jobseeker_id > 0)
    sqlite3_bind_int64 (s, 3, r->jobseeker_id);
  sqlite3_bind_int (s, 4, r->visibility);
  sqlite3_bind_int64 (s, 5, MIN (r->created_at, updated_at));
  sqlite3_bind_int64 (s, 6, updated_at);
  sqlite3_bind_int64 (s, 7, updated_at + PORTAL_CV_VALIDITY_SECONDS);
  sqlite3_bind_int (s, 8, r->place_index + 1);
  if (r->occupation_index >= 0)
    sqlite3_bind_int (s, 9, r->occupation_index + 1);
  sqlite3_bind_int (s, 10, r->hours_min);
  sqlite3_bind_int (s, 11, r->hours_max);
  sqlite3_bind_int (s, 12, r->education_rank);
  sqlite3_bind_int (s, 13, r->driving_licence ? 1 : 0);
  sqlite3_bind_int64 (s, 14, r->available_from_day);
  sqlite3_bind_int (s, 15, r->language_mask);
  sqlite3_bind_int64 (s, 16, birth_day);
  if (!step_done (writer, STMT_CV, error))
    return 0;

  s = writer->stmts[STMT_DOC];
  sqlite3_bind_int64 (s, 1, id);
  sqlite3_bind_text (s, 2, headline, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, skills_json->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, experience, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 6, education, -1, SQLITE_STATIC);
  if (!step_done (writer, STMT_DOC, error))
    return 0;

  s = writer->stmts[STMT_PRIVATE];
  sqlite3_bind_int64 (s, 1, id);
  sqlite3_bind_text (s, 2, r->first_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, r->last_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, r->birth_date, -1, SQLITE_STATIC);
  bind_text_or_null (s, 5, r->email);
  bind_text_or_null (s, 6, r->phone);
  bind_text_or_null (s, 7, r->street);
  bind_text_or_null (s, 8, r->house_number);
  bind_text_or_null (s, 9, r->postcode);
  sqlite3_bind_text (s, 10, portal_places[r->place_index].name, -1, SQLITE_STATIC);
  bind_text_or_null (s, 11, r->photo_url);
  bind_text_or_null (s, 12, r->linkedin);
  bind_text_or_null (s, 13, r->national_id);
  bind_text_or_null (s, 14, g_strcmp0 (summary, r->summary) != 0 ? r->summary : NULL);
  bind_text_or_null (s, 15, strcmp (experience, experience_raw) != 0 ? experience_raw : NULL);
  if (!step_done (writer, STMT_PRIVATE, error))
    return 0;

  if (findable)
    {
      for (guint i = 0; i < skill_ids->len; i++)
        {
          gint64 sid = g_array_index (skill_ids, gint64, i);
          gpointer key = GSIZE_TO_POINTER (sid);

          s = writer->stmts[STMT_CV_SKILL];
          sqlite3_bind_int64 (s, 1, sid);
          sqlite3_bind_int64 (s, 2, seq);
          if (!step_done (writer, STMT_CV_SKILL, error))
            return 0;
          g_hash_table_insert (writer->skill_counts, key,
                               GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (writer->skill_counts, key)) + 1));
        }

      s = writer->stmts[STMT_FTS];
      sqlite3_bind_int64 (s, 1, seq);
      sqlite3_bind_text (s, 2, headline, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 3, summary, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 4, skills_text->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 5, occupation_label, -1, SQLITE_STATIC);
      if (!step_done (writer, STMT_FTS, error))
        return 0;
    }

  writer->next_seq++;
  writer->next_id++;
  writer->last_updated = updated_at;
  return id;
}

void
portal_cv_writer_set_clock (PortalCvWriter *writer,
                            gint64          updated_at)
{
  writer->last_updated = updated_at;
}

gboolean
portal_cv_writer_finish (PortalCvWriter  *writer,
                         GError         **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, writer->skill_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *s = writer->stmts[STMT_SKILL_COUNT];

      sqlite3_bind_int64 (s, 1, GPOINTER_TO_SIZE (value));
      sqlite3_bind_int64 (s, 2, GPOINTER_TO_SIZE (key));
      if (!step_done (writer, STMT_SKILL_COUNT, error))
        return FALSE;
    }
  g_hash_table_remove_all (writer->skill_counts);
  return TRUE;
}
