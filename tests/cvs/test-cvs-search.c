/* test-cvs-search.c: every filter and sort against a brute-force oracle,
 * cursor paging, limits, validation, hostile input and R7
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cvs-test-util.h"
#include "portal-error.h"
#include "portal-seed.h"
#include "portal-seed-data.h"
#include "portal-store-cvs.h"

/* The oracle: every CV in plain C, filtered the simple way. */
typedef struct
{
  gint64      id;
  gint64      seq;
  int         visibility;
  gint64      updated_at;
  gint64      expires_at;
  int         place_id;
  int         occupation_id;
  int         hours_min;
  int         hours_max;
  int         edu_rank;
  gboolean    licence;
  gint64      available_from;
  guint       lang_mask;
  GHashTable *skills;    /* casefolded */
  GHashTable *words;     /* casefolded FTS words */
} Row;

static CvsTestDb fixture;
static GPtrArray *rows;
static gint64 now;

static void
row_free (gpointer data)
{
  Row *r = data;

  g_hash_table_unref (r->skills);
  g_hash_table_unref (r->words);
  g_free (r);
}

static void
add_words (GHashTable *words,
           const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  const char *p = folded;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_hash_table_add (words, g_strndup (start, p - start));
    }
}

static void
load_rows (void)
{
  sqlite3_stmt *stmt = NULL;

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = g_ptr_array_new_with_free_func (row_free);
  g_assert_cmpint (sqlite3_prepare_v2 (fixture.db,
    "SELECT c.id, c.seq, c.visibility, c.updated_at, c.expires_at, c.place_id, c.occupation_id, c.hours_min,"
    " c.hours_max, c.edu_rank, c.licence, c.available_from, c.lang_mask, d.skills, d.headline, d.summary, o.label"
    " FROM cvs c JOIN cv_docs d ON d.id = c.id JOIN occupations o ON o.id = c.occupation_id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row *r = g_new0 (Row, 1);
      g_autoptr(JsonNode) skills = json_from_string ((const char *) sqlite3_column_text (stmt, 13), NULL);
      JsonArray *array = json_node_get_array (skills);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->seq = sqlite3_column_int64 (stmt, 1);
      r->visibility = sqlite3_column_int (stmt, 2);
      r->updated_at = sqlite3_column_int64 (stmt, 3);
      r->expires_at = sqlite3_column_int64 (stmt, 4);
      r->place_id = sqlite3_column_int (stmt, 5);
      r->occupation_id = sqlite3_column_int (stmt, 6);
      r->hours_min = sqlite3_column_int (stmt, 7);
      r->hours_max = sqlite3_column_int (stmt, 8);
      r->edu_rank = sqlite3_column_int (stmt, 9);
      r->licence = sqlite3_column_int (stmt, 10);
      r->available_from = sqlite3_column_int64 (stmt, 11);
      r->lang_mask = sqlite3_column_int (stmt, 12);
      r->skills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      r->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_hash_table_add (r->skills, g_utf8_casefold (json_array_get_string_element (array, i), -1));
          add_words (r->words, json_array_get_string_element (array, i));
        }
      add_words (r->words, (const char *) sqlite3_column_text (stmt, 14));
      add_words (r->words, (const char *) sqlite3_column_text (stmt, 15));
      add_words (r->words, (const char *) sqlite3_column_text (stmt, 16));
      g_ptr_array_add (rows, r);
    }
  sqlite3_finalize (stmt);
}

static double
distance_km (const PortalPlace *a,
             const PortalPlace *b)
{
  double rad = G_PI / 180, dlat = (b->lat - a->lat) * rad, dlon = (b->lon - a->lon) * rad;
  double h = sin (dlat / 2) * sin (dlat / 2) + cos (a->lat * rad) * cos (b->lat * rad) * sin (dlon / 2) * sin (dlon / 2);

  return 2 * 6371.0 * asin (sqrt (h));
}

static gboolean
oracle_match (Row        *r,
              GHashTable *params)
{
  const char *v;

  if (r->visibility == 0 || r->expires_at <= now)
    return FALSE;
  if ((v = g_hash_table_lookup (params, "q")) != NULL)
    {
      GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer word;
      gboolean all = TRUE;

      add_words (words, v);
      g_hash_table_iter_init (&iter, words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        all = all && g_hash_table_contains (r->words, word);
      g_hash_table_unref (words);
      if (!all)
        return FALSE;
    }
  if ((v = g_hash_table_lookup (params, "skills")) != NULL)
    {
      g_auto(GStrv) skills = g_strsplit (v, ",", -1);

      for (guint i = 0; skills[i] != NULL; i++)
        {
          g_autofree char *folded = g_utf8_casefold (g_strstrip (skills[i]), -1);

          if (!g_hash_table_contains (r->skills, folded))
            return FALSE;
        }
    }
  if ((v = g_hash_table_lookup (params, "occupation")) != NULL &&
      !g_str_equal (portal_occupations[r->occupation_id - 1].code, v))
    return FALSE;
  if ((v = g_hash_table_lookup (params, "place")) != NULL)
    {
      const char *radius = g_hash_table_lookup (params, "radius_km");
      double km = radius != NULL ? g_ascii_strtod (radius, NULL) : 25;

      if (distance_km (portal_place_lookup (v), &portal_places[r->place_id - 1]) > km)
        return FALSE;
    }
  if ((v = g_hash_table_lookup (params, "education_min")) != NULL && r->edu_rank < (int) portal_education_rank (v))
    return FALSE;
  if ((v = g_hash_table_lookup (params, "hours_min")) != NULL && r->hours_max < atoi (v))
    return FALSE;
  if ((v = g_hash_table_lookup (params, "hours_max")) != NULL && r->hours_min > atoi (v))
    return FALSE;
  if ((v = g_hash_table_lookup (params, "driving_licence")) != NULL && g_str_equal (v, "true") && !r->licence)
    return FALSE;
  if ((v = g_hash_table_lookup (params, "languages")) != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (v, ",", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          int index = portal_language_index (codes[i]);

          if (index < 0 || !(r->lang_mask & (1u << index)))
            return FALSE;
        }
    }
  if ((v = g_hash_table_lookup (params, "available_from")) != NULL)
    {
      g_autofree char *iso = g_strconcat (v, "T00:00:00Z", NULL);
      g_autoptr(GDateTime) d = g_date_time_new_from_iso8601 (iso, NULL);

      if (r->available_from > g_date_time_to_unix (d) / 86400)
        return FALSE;
    }
  if ((v = g_hash_table_lookup (params, "updated_since")) != NULL)
    {
      g_autofree char *iso = g_strconcat (v, "T00:00:00Z", NULL);
      g_autoptr(GDateTime) d = g_date_time_new_from_iso8601 (iso, NULL);

      if (r->updated_at < g_date_time_to_unix (d))
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
params_of (const char *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) pairs = g_strsplit (query, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');

      if (eq != NULL)
        g_hash_table_insert (params, g_strndup (pairs[i], eq - pairs[i]), g_strdup (eq + 1));
    }
  return params;
}

static void
check_against_oracle (const char *query,
                      guint       limit)
{
  g_autoptr(GHashTable) params = params_of (query);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = cvs_test_search_all (fixture.db, query, limit);
  g_autoptr(JsonObject) first = cvs_test_search (fixture.db, query, NULL, 1);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = g_ptr_array_index (rows, i);

      if (oracle_match (r, params))
        g_hash_table_add (expected, &r->id);
    }
  g_test_message ("%s: %u matches", query, g_hash_table_size (expected));
  g_assert_cmpuint (ids->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_contains (expected, &g_array_index (ids, gint64, i)));
  g_assert_cmpint (json_object_get_int_member (first, "total"), ==, g_hash_table_size (expected));
  g_assert_false (json_object_get_boolean_member (first, "total_is_estimate"));
}

static void
test_filters (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) soon = g_date_time_add_days (today, 10);
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (today, -30);
  g_autofree char *available = g_date_time_format (soon, "available_from=%Y-%m-%d");
  g_autofree char *since = g_date_time_format (month_ago, "updated_since=%Y-%m-%d");
  g_autofree char *since_combo = g_date_time_format (month_ago, "updated_since=%Y-%m-%d&q=ervaring&hours_min=24");
  const char *queries[] = {
    "", "q=lasser", "q=ervaren verpleegkundige", "q=VCA", "q=ervaring&sort=relevance", "q=lasser&sort=recent",
    "skills=VCA", "skills=vca,Houtbewerking", "skills=Python, SQL", "skills=Bestaat niet",
    "occupation=2221", "occupation=9999",
    "place=Utrecht&radius_km=25", "place=zwolle&radius_km=0", "place=Amsterdam", "place=Maastricht&radius_km=7.5",
    "education_min=hbo", "education_min=vmbo", "hours_min=32", "hours_max=20", "hours_min=24&hours_max=32",
    "driving_licence=true", "driving_licence=false", "languages=nl,en", "languages=pl", "languages=xx",
    "q=ervaring&place=Rotterdam&radius_km=30&education_min=mbo-4&driving_licence=true",
    "skills=VCA&place=Eindhoven&radius_km=40&hours_min=32&languages=nl",
    "occupation=7212&place=Groningen&radius_km=100", "occupation=5321&place=Zutphen&radius_km=20&sort=recent",
    "place=Leeuwarden&radius_km=50&education_min=mbo-2&hours_max=32",
    "q=kassa&skills=Klantvriendelijkheid&languages=nl",
    available, since, since_combo,
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    check_against_oracle (queries[i], i % 3 == 0 ? 100 : 7);
}

static void
test_sort_recent (void)
{
  g_autofree char *cursor = NULL;
  g_autofree char *last = g_strdup ("9999");
  guint n = 0;

  do
    {
      g_autoptr(JsonObject) page = cvs_test_search (fixture.db, "education_min=mbo-4&sort=recent", cursor, 13);
      JsonArray *items = json_object_get_array_member (page, "items");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          const char *updated = json_object_get_string_member (json_array_get_object_element (items, i), "updated_at");

          g_assert_cmpstr (updated, <=, last);
          g_free (last);
          last = g_strdup (updated);
          n++;
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member (page, "next_cursor"));
    }
  while (cursor != NULL);
  g_assert_cmpuint (n, >, 100);
}

static double
bm25_of (gint64      id,
         const char *match)
{
  g_autofree char *sql = g_strdup_printf ("SELECT bm25(cv_fts) FROM cv_fts WHERE cv_fts MATCH '%s'"
                                          " AND rowid = (SELECT seq FROM cvs WHERE id = %" G_GINT64_FORMAT ")",
                                          match, id);
  sqlite3_stmt *stmt = NULL;
  double rank;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture.db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rank = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return rank;
}

static void
test_sort_relevance (void)
{
  g_autoptr(GArray) ids = cvs_test_search_all (fixture.db, "q=lasser tig", 3);
  g_autoptr(GArray) recent = cvs_test_search_all (fixture.db, "q=lasser tig&sort=recent", 50);
  double previous = -G_MAXDOUBLE;

  g_assert_cmpuint (ids->len, >, 5);
  g_assert_cmpuint (ids->len, ==, recent->len);
  /* Best first (bm25 is lower for better matches), across page borders. */
  for (guint i = 0; i < ids->len; i++)
    {
      double rank = bm25_of (g_array_index (ids, gint64, i), "\"lasser\" \"tig\"");

      g_assert_cmpfloat (rank, >=, previous);
      previous = rank;
    }
}

static void
test_limits (void)
{
  const char *bad[] = { "limit=0", "limit=1000", "limit=101", "limit=-1", "limit=abc", "limit=1.5", "limit=" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) one = cvs_test_search (fixture.db, "", NULL, 1);
  g_autoptr(JsonObject) hundred = cvs_test_search (fixture.db, "", NULL, 100);
  g_autoptr(GHashTable) ok_params = params_of ("limit=100");
  g_autoptr(PortalCvQuery) q = portal_cv_query_new_from_params (ok_params, NULL, &error);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (one, "items")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hundred, "items")), ==, 100);
  g_assert_no_error (error);
  g_assert_cmpuint (portal_cv_query_get_limit (q), ==, 100);

  g_assert_null (portal_store_cvs_search (fixture.db, q, NULL, 0, &error));
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_null (portal_store_cvs_search (fixture.db, q, NULL, 101, &error));
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GHashTable) params = params_of (bad[i]);
      g_autoptr(JsonArray) errors = json_array_new ();
      g_autoptr(PortalCvQuery) bad_q = portal_cv_query_new_from_params (params, errors, &error);

      g_assert_null (bad_q);
      g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
      g_clear_error (&error);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==, "limit");
    }
}

static void
test_validation (void)
{
  g_autofree char *long_q = g_strnfill (201, 'a');
  g_autofree char *q_param = g_strconcat ("q=", long_q, NULL);
  g_autoptr(GString) many_skills = g_string_new ("skills=");
  const struct { const char *query; const char *field; } cases[] = {
    { "place=Utrecht&radius_km=-1", "radius_km" },
    { "place=Utrecht&radius_km=abc", "radius_km" },
    { "place=Utrecht&radius_km=301", "radius_km" },
    { "place=Utrecht&radius_km=nan", "radius_km" },
    { "radius_km=5", "radius_km" },
    { "place=Atlantis", "place" },
    { "education_min=phd", "education_min" },
    { "hours_min=0", "hours_min" },
    { "hours_max=41", "hours_max" },
    { "hours_min=30&hours_max=20", "hours_min" },
    { "driving_licence=yes", "driving_licence" },
    { "languages=NL!", "languages" },
    { "available_from=2024-02-30", "available_from" },
    { "available_from=20240201", "available_from" },
    { "updated_since=yesterday", "updated_since" },
    { "sort=best", "sort" },
    { "occupation=12a4", "occupation" },
    { "occupation=1 OR 1", "occupation" },
    { "cursor=%%%", "cursor" },
    { q_param, "q" },
    { NULL, "skills" },
  };

  for (guint i = 0; i < 31; i++)
    g_string_append_printf (many_skills, "%sskill%u", i > 0 ? "," : "", i);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) params = params_of (cases[i].query != NULL ? cases[i].query : many_skills->str);
      g_autoptr(JsonArray) errors = json_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(PortalCvQuery) q = portal_cv_query_new_from_params (params, errors, &error);
      gboolean found = FALSE;

      g_assert_null (q);
      g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
      for (guint j = 0; j < json_array_get_length (errors); j++)
        found = found || g_str_equal (json_object_get_string_member (json_array_get_object_element (errors, j), "field"),
                                      cases[i].field);
      if (!found)
        g_error ("%s: no error for %s", cases[i].query, cases[i].field);
    }

  /* All errors at once, and invalid UTF-8. */
  {
    g_autoptr(GHashTable) params = params_of ("education_min=phd&hours_min=99&sort=x");
    g_autoptr(JsonArray) errors = json_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(PortalCvQuery) q = NULL;

    g_hash_table_insert (params, g_strdup ("q"), g_strdup ("\xff\xfe"));
    q = portal_cv_query_new_from_params (params, errors, &error);
    g_assert_null (q);
    g_assert_cmpuint (json_array_get_length (errors), ==, 4);
  }
}

static char *
b64url (const char *text)
{
  char *encoded = g_base64_encode ((const guchar *) text, strlen (text));

  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');
  return encoded;
}

static void
test_garbage_cursor (void)
{
  const char *texts[] = { "r:-5", "r:abc", "r:", "x:1", "b:nan:5", "b:1:2:3", "r:99999999999999999999", "m:1:1" };
  g_autoptr(GHashTable) params = params_of ("q=lasser");
  g_autoptr(PortalCvQuery) q = portal_cv_query_new_from_params (params, NULL, NULL);
  g_autoptr(JsonObject) page = cvs_test_search (fixture.db, "sort=recent", NULL, 5);
  const char *recent_cursor = json_object_get_string_member (page, "next_cursor");
  const char *raw[] = { "AAAA", "____", "A", recent_cursor };

  for (guint i = 0; i < G_N_ELEMENTS (texts) + G_N_ELEMENTS (raw); i++)
    {
      g_autofree char *cursor = i < G_N_ELEMENTS (texts) ? b64url (texts[i]) : g_strdup (raw[i - G_N_ELEMENTS (texts)]);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) result = portal_store_cvs_search (fixture.db, q, cursor, 20, &error);

      g_assert_null (result);
      g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
    }
}

static void
test_hostile_text (void)
{
  const char *queries[] = {
    "q='; DROP TABLE cvs; --", "q=lasser OR 1=1", "q=NEAR(lasser verpleegkundige)", "q=\"", "q=*", "q=headline:lasser",
    "q=lasser\" OR \"a", "q=^lasser", "q=%%%", "q=-lasser", "skills=x') OR 1=1 --", "skills=%' OR '%'='",
    "q=lasser&skills=VCA\"); DELETE FROM cvs; --",
  };
  gint64 before = cvs_test_int64 (fixture.db, "SELECT count(*) FROM cvs");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(JsonObject) page = cvs_test_search (fixture.db, queries[i], NULL, 20);

      g_assert_true (json_object_has_member (page, "total"));
    }
  /* Text, not syntax: this finds the same as the plain word. */
  {
    g_autoptr(JsonObject) a = cvs_test_search (fixture.db, "q=headline:lasser", NULL, 20);
    g_autoptr(JsonObject) b = cvs_test_search (fixture.db, "q=lasser", NULL, 20);

    g_assert_cmpint (json_object_get_int_member (a, "total"), <=, json_object_get_int_member (b, "total"));
  }
  {
    g_autoptr(GHashTable) params = params_of ("place=Utrecht' OR '1'='1");
    g_autoptr(GError) error = NULL;
    g_autoptr(PortalCvQuery) q = portal_cv_query_new_from_params (params, NULL, &error);

    g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
  }
  g_assert_cmpint (cvs_test_int64 (fixture.db, "SELECT count(*) FROM cvs"), ==, before);
}

static void
test_r7_hidden_and_expired (void)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cvs WHERE visibility = 0 OR expires_at <= %" G_GINT64_FORMAT, now);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *select = g_strdup_printf ("SELECT id FROM cvs WHERE visibility = 0 OR expires_at <= %" G_GINT64_FORMAT, now);
  guint hidden = 0;

  g_assert_cmpint (cvs_test_int64 (fixture.db, sql), >, 50);
  g_assert_cmpint (sqlite3_prepare_v2 (fixture.db, select, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) cv = portal_store_cvs_get_for_employer (fixture.db, id, &error);

      g_assert_null (cv);
      g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND);
      g_assert_false (portal_store_cvs_is_findable (fixture.db, id));
      hidden++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (hidden, >, 50);

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (portal_store_cvs_get_for_employer (fixture.db, 999999, &error));
    g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND);
  }
  /* The search side of R7 is the oracle in /cvs/search/filters: it excludes
   * hidden and expired CVs and the totals must match it exactly. */
}

static gint64
first_recent_id (void)
{
  g_autoptr(JsonObject) page = cvs_test_search (fixture.db, "sort=recent", NULL, 1);

  return json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (page, "items"), 0), "id");
}

static void
test_visibility_and_renew (void)
{
  g_autoptr(GError) error = NULL;
  gint64 mine = portal_seed_cv_for_jobseeker (fixture.db, 501, "anonymous", 11, &error);
  gint64 other = portal_seed_cv_for_jobseeker (fixture.db, 502, "open", 12, &error);
  gint64 fts_before = cvs_test_int64 (fixture.db, "SELECT count(*) FROM cv_fts");
  g_autoptr(JsonObject) cv = NULL;
  char *name;

  g_assert_no_error (error);
  g_assert_cmpint (first_recent_id (), ==, other);

  g_assert_true (portal_store_cvs_set_visibility (fixture.db, 502, "hidden", &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_recent_id (), ==, mine);
  g_assert_null (portal_store_cvs_get_for_employer (fixture.db, other, &error));
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cvs_test_int64 (fixture.db, "SELECT count(*) FROM cv_fts"), ==, fts_before - 1);
  g_assert_cmpint (sqlite3_exec (fixture.db, "INSERT INTO cv_fts (cv_fts) VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Renewing moves a CV to the front; open shows the name. */
  g_assert_true (portal_store_cvs_set_visibility (fixture.db, 502, "open", &error));
  g_assert_true (portal_store_cvs_renew (fixture.db, 501, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_recent_id (), ==, mine);
  g_assert_true (portal_store_cvs_set_visibility (fixture.db, 501, "open", &error));
  name = portal_store_cvs_display_name (fixture.db, mine);
  g_assert_nonnull (name);
  cv = portal_store_cvs_get_for_employer (fixture.db, mine, &error);
  g_assert_cmpstr (json_object_get_string_member (cv, "name"), ==, name);
  g_free (name);
  g_assert_true (portal_store_cvs_set_visibility (fixture.db, 501, "anonymous", &error));
  g_assert_null (portal_store_cvs_display_name (fixture.db, mine));
  g_assert_cmpint (cvs_test_int64 (fixture.db, "SELECT count(*) FROM cv_fts"), ==, fts_before);
  g_assert_cmpint (sqlite3_exec (fixture.db, "INSERT INTO cv_fts (cv_fts) VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (portal_store_cvs_set_visibility (fixture.db, 501, "public", &error));
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (portal_store_cvs_renew (fixture.db, 999, &error));
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  load_rows ();  /* the oracle must see the changes */
  check_against_oracle ("", 100);
  check_against_oracle ("skills=VCA", 9);
}

static void
test_vacancy_matches (void)
{
  const char *json = "{\"title\":\"Lasser\",\"occupation\":{\"code\":\"7212\",\"label\":\"Lasser\"},"
                     "\"place\":\"Utrecht\",\"skills\":[\"TIG-lassen\",\"VCA\"],\"education_level\":\"mbo-2\","
                     "\"hours_min\":32,\"hours_max\":40}";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(PortalCvQuery) q = portal_cv_query_new_for_vacancy (json_node_get_object (node));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  const PortalPlace *utrecht = portal_place_lookup ("Utrecht");
  guint previous_score = G_MAXUINT, n = 0;

  do
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) page = portal_store_cvs_search (fixture.db, q, cursor, 6, &error);
      JsonArray *items;

      g_assert_no_error (error);
      items = json_object_get_array_member (page, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          gint64 id = json_object_get_int_member (item, "id");
          JsonArray *matched = json_object_get_array_member (item, "matched");
          const PortalPlace *region = portal_place_lookup (json_object_get_string_member (item, "region"));
          gboolean occupation = g_str_equal (json_object_get_string_member (json_object_get_object_member (item, "occupation"), "code"), "7212");
          gboolean has_occupation = FALSE, has_skill = FALSE;

          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          g_assert_cmpfloat (distance_km (utrecht, region), <=, 25.0);
          for (guint j = 0; j < json_array_get_length (matched); j++)
            {
              const char *m = json_array_get_string_element (matched, j);

              has_occupation = has_occupation || g_str_equal (m, "occupation");
              has_skill = has_skill || g_str_has_prefix (m, "skills:");
            }
          g_assert_true (has_occupation == occupation);
          g_assert_true (has_occupation || has_skill);
          /* Best matches first: fewer matched criteria never precede more. */
          g_assert_cmpuint (json_array_get_length (matched), <=, previous_score);
          previous_score = json_array_get_length (matched);
          n++;
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member (page, "next_cursor"));
      if (n == 0)
        g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);
    }
  while (cursor != NULL);
  g_assert_cmpuint (n, >, 10);

  /* Wrong types in the vacancy are ignored, never a crash. */
  {
    g_autoptr(JsonNode) odd = json_from_string ("{\"occupation\":5,\"place\":{},\"skills\":[1,null,\"VCA\"],\"hours_min\":\"x\"}", NULL);
    g_autoptr(PortalCvQuery) odd_q = portal_cv_query_new_for_vacancy (json_node_get_object (odd));
    g_autoptr(JsonObject) page = portal_store_cvs_search (fixture.db, odd_q, NULL, 5, NULL);

    g_assert_nonnull (page);
  }
}

static void
test_total_estimate (void)
{
  CvsTestDb big;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(JsonObject) small = NULL;
  g_autofree char *sql = NULL;
  gint64 findable, total;

  cvs_test_db_open (&big);
  g_assert_true (portal_seed_cvs (big.db, 13000, 21, &error));
  sql = g_strdup_printf ("SELECT count(*) FROM cvs WHERE visibility > 0 AND expires_at > %" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);
  findable = cvs_test_int64 (big.db, sql);
  g_assert_cmpint (findable, >, PORTAL_CV_TOTAL_EXACT_MAX);

  page = cvs_test_search (big.db, "", NULL, 20);
  total = json_object_get_int_member (page, "total");
  g_assert_true (json_object_get_boolean_member (page, "total_is_estimate"));
  g_assert_cmpint (total, >, PORTAL_CV_TOTAL_EXACT_MAX);
  g_assert_cmpfloat (fabs ((double) total - findable) / findable, <, 0.1);

  small = cvs_test_search (big.db, "occupation=2221", NULL, 20);
  g_assert_false (json_object_get_boolean_member (small, "total_is_estimate"));
  cvs_test_db_close (&big);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  cvs_test_db_open (&fixture);
  g_assert_true (portal_seed_cvs (fixture.db, 3000, 5, &error));
  g_assert_no_error (error);
  now = g_get_real_time () / G_USEC_PER_SEC;
  load_rows ();

  g_test_add_func ("/cvs/search/filters", test_filters);
  g_test_add_func ("/cvs/search/sort/recent", test_sort_recent);
  g_test_add_func ("/cvs/search/sort/relevance", test_sort_relevance);
  g_test_add_func ("/cvs/search/limits", test_limits);
  g_test_add_func ("/cvs/search/validation", test_validation);
  g_test_add_func ("/cvs/search/garbage-cursor", test_garbage_cursor);
  g_test_add_func ("/cvs/search/hostile-text", test_hostile_text);
  g_test_add_func ("/cvs/search/r7-hidden-and-expired", test_r7_hidden_and_expired);
  g_test_add_func ("/cvs/search/vacancy-matches", test_vacancy_matches);
  g_test_add_func ("/cvs/search/total-estimate", test_total_estimate);
  g_test_add_func ("/cvs/search/visibility-and-renew", test_visibility_and_renew);

  result = g_test_run ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  cvs_test_db_close (&fixture);
  return result;
}
