/* test-cvs-seed.c: the synthetic CV generator and the jobseeker's own CV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cvs-test-util.h"
#include "portal-error.h"
#include "portal-seed.h"
#include "portal-seed-data.h"
#include "portal-store-cvs.h"

/* A checksum of every row of the CV tables, in a fixed order. */
static char *
dump_checksum (sqlite3 *db)
{
  const char *queries[] = {
    "SELECT * FROM cvs ORDER BY seq",
    "SELECT * FROM cv_docs ORDER BY id",
    "SELECT * FROM cv_private ORDER BY id",
    "SELECT * FROM cv_skills ORDER BY skill_id, seq",
    "SELECT * FROM skills ORDER BY id",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);

            g_checksum_update (sum, (const guchar *) (text != NULL ? text : "<null>"), -1);
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
seeded_checksum (guint64 seed,
                 gint64  now)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  char *checksum;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs_at (t.db, 800, seed, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs"), ==, 800);
  checksum = dump_checksum (t.db);
  cvs_test_db_close (&t);
  return checksum;
}

static void
test_deterministic (void)
{
  gint64 now = 1780000000;
  g_autofree char *a = seeded_checksum (42, now);
  g_autofree char *b = seeded_checksum (42, now);
  g_autofree char *c = seeded_checksum (43, now);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_mix (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *expired_sql = g_strdup_printf ("SELECT count(*) FROM cvs WHERE expires_at <= %" G_GINT64_FORMAT, now);
  double n = 5000;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, (guint) n, 1, &error));
  g_assert_no_error (error);

  g_assert_cmpfloat_with_epsilon (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs WHERE visibility = 0") / n, 0.05, 0.015);
  g_assert_cmpfloat_with_epsilon (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs WHERE visibility = 2") / n, 0.21, 0.03);
  g_assert_cmpfloat_with_epsilon (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs WHERE visibility = 1") / n, 0.74, 0.03);
  g_assert_cmpfloat_with_epsilon (cvs_test_int64 (t.db, expired_sql) / n, 0.05, 0.015);
  /* Search indexes hold findable CVs only. */
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cv_fts"), ==,
                   cvs_test_int64 (t.db, "SELECT count(*) FROM cvs WHERE visibility > 0"));
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cv_skills k JOIN cvs c ON c.seq = k.seq WHERE c.visibility = 0"), ==, 0);
  /* seq order is updated_at order: the search depends on it. */
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs a JOIN cvs b ON b.seq = a.seq + 1 WHERE b.updated_at < a.updated_at"), ==, 0);
  cvs_test_db_close (&t);
}

/* The demo creates its jobseeker's CV (updated now) before the bulk CVs:
 * those must still spread over the past months, and seq order must stay
 * updated_at order. */
static void
test_seed_after_newer_cv (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *expired_sql = g_strdup_printf ("SELECT count(*) FROM cvs WHERE expires_at <= %" G_GINT64_FORMAT, now);
  gint64 own;

  cvs_test_db_open (&t);
  own = portal_seed_cv_for_jobseeker (t.db, 1, "anonymous", 1, &error);
  g_assert_no_error (error);
  g_assert_true (portal_seed_cvs (t.db, 2000, 1, &error));
  g_assert_no_error (error);

  g_assert_cmpfloat_with_epsilon (cvs_test_int64 (t.db, expired_sql) / 2000.0, 0.05, 0.02);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs a JOIN cvs b ON b.seq > a.seq WHERE b.updated_at < a.updated_at"), ==, 0);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT id FROM cvs ORDER BY seq DESC LIMIT 1"), ==, own);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cv_fts"), ==,
                   cvs_test_int64 (t.db, "SELECT count(*) FROM cvs WHERE visibility > 0"));
  g_assert_cmpint (sqlite3_exec (t.db, "INSERT INTO cv_fts (cv_fts) VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(JsonObject) page = cvs_test_search (t.db, "sort=recent", NULL, 1);
    JsonObject *first = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);

    g_assert_cmpint (json_object_get_int_member (first, "id"), ==, own);
  }
  cvs_test_db_close (&t);
}

static void
test_realistic (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  guint rows = 0, places_seen;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, 3000, 2, &error));

  g_assert_cmpuint (portal_n_places, >=, 150);
  g_assert_cmpuint (portal_n_occupations, >=, 80);
  places_seen = cvs_test_int64 (t.db, "SELECT count(DISTINCT place_id) FROM cvs");
  g_assert_cmpuint (places_seen, >, 150);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(DISTINCT occupation_id) FROM cvs"), ==, portal_n_occupations);
  /* Amsterdam is the biggest municipality, so it has the most CVs. */
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT place_id FROM cvs GROUP BY place_id ORDER BY count(*) DESC LIMIT 1"), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (t.db, "SELECT c.occupation_id, c.edu_rank, c.hours_min, c.hours_max, c.lang_mask,"
                                             " d.skills, d.headline, d.summary FROM cvs c JOIN cv_docs d ON d.id = c.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const PortalOccupation *occ = &portal_occupations[sqlite3_column_int (stmt, 0) - 1];
      guint edu = sqlite3_column_int (stmt, 1);
      g_autoptr(JsonNode) skills = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
      JsonArray *array = json_node_get_array (skills);
      guint from_occupation = 0;

      g_assert_cmpuint (edu, >=, occ->edu_min);
      g_assert_cmpuint (edu, <=, occ->edu_max);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), >=, 1);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), <=, sqlite3_column_int (stmt, 3));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), <=, 40);
      g_assert_cmpint (sqlite3_column_int (stmt, 4), !=, 0);
      g_assert_cmpuint (json_array_get_length (array), >=, 3);
      for (guint i = 0; i < json_array_get_length (array); i++)
        for (guint j = 0; j < PORTAL_OCCUPATION_MAX_SKILLS && occ->skills[j] != NULL; j++)
          if (g_str_equal (occ->skills[j], json_array_get_string_element (array, i)))
            from_occupation++;
      g_assert_cmpuint (from_occupation, >=, 3);
      g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (stmt, 7)), >, 80);
      rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (rows, ==, 3000);
  cvs_test_db_close (&t);
}

static void
test_for_jobseeker (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) own = NULL;
  g_autoptr(JsonObject) seen = NULL;
  g_autoptr(JsonObject) contact = NULL;
  gint64 id;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, 200, 3, &error));

  id = portal_seed_cv_for_jobseeker (t.db, 77, "anonymous", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 200);
  g_assert_cmpint (portal_store_cvs_id_for_jobseeker (t.db, 77), ==, id);
  g_assert_cmpint (portal_store_cvs_get_jobseeker_id (t.db, id), ==, 77);
  g_assert_cmpint (portal_store_cvs_get_jobseeker_id (t.db, 1), ==, 0);
  g_assert_cmpint (portal_store_cvs_id_for_jobseeker (t.db, 78), ==, 0);

  own = portal_store_cvs_get_for_owner (t.db, 77, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (own, "status"), ==, "anonymous");
  g_assert_true (json_object_has_member (own, "expires_at"));
  g_assert_true (json_object_has_member (json_object_get_object_member (own, "personalia"), "email"));

  seen = portal_store_cvs_get_for_employer (t.db, id, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (seen, "personalia"));
  g_assert_null (portal_store_cvs_display_name (t.db, id));
  contact = portal_store_cvs_contact_details (t.db, id);
  g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==,
                   json_object_get_string_member (json_object_get_object_member (own, "personalia"), "email"));

  /* The newest CV comes first. */
  {
    g_autoptr(JsonObject) page = cvs_test_search (t.db, "sort=recent", NULL, 1);
    JsonObject *first = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);

    g_assert_cmpint (json_object_get_int_member (first, "id"), ==, id);
  }

  g_assert_cmpint (portal_seed_cv_for_jobseeker (t.db, 79, "public", 5, &error), ==, 0);
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_null (portal_store_cvs_get_for_owner (t.db, 80, &error));
  g_assert_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cvs_test_db_close (&t);
}

static void
test_candidate_label (void)
{
  g_autofree char *a = portal_cv_candidate_label (7);
  g_autofree char *b = portal_cv_candidate_label (7);
  g_autofree char *c = portal_cv_candidate_label (8);

  g_assert_true (g_str_has_prefix (a, "Kandidaat "));
  g_assert_cmpuint (strlen (a), ==, strlen ("Kandidaat 7K3Q"));
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_schema_idempotent (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, 50, 4, &error));
  g_assert_true (portal_store_cvs_init_schema (t.db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM cvs"), ==, 50);
  g_assert_cmpint (cvs_test_int64 (t.db, "SELECT count(*) FROM places"), ==, portal_n_places);
  cvs_test_db_close (&t);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cvs/seed/deterministic", test_deterministic);
  g_test_add_func ("/cvs/seed/mix", test_mix);
  g_test_add_func ("/cvs/seed/realistic", test_realistic);
  g_test_add_func ("/cvs/seed/after-newer-cv", test_seed_after_newer_cv);
  g_test_add_func ("/cvs/seed/for-jobseeker", test_for_jobseeker);
  g_test_add_func ("/cvs/seed/candidate-label", test_candidate_label);
  g_test_add_func ("/cvs/seed/schema-idempotent", test_schema_idempotent);

  return g_test_run ();
}
