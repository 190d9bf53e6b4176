/* cvs-test-util.c: a throw-away SQLite database for the CV store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cvs-test-util.h"

#include "portal-store-cvs.h"

#include <glib/gstdio.h>
#include <string.h>

void
cvs_test_db_open (CvsTestDb *t)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("werving-cvs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (t->dir, "cvs.db", NULL);
  g_assert_cmpint (sqlite3_open_v2 (path, &t->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (t->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (portal_store_cvs_init_schema (t->db, &error));
  g_assert_no_error (error);
}

void
cvs_test_db_close (CvsTestDb *t)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  sqlite3_close (t->db);
  dir = g_dir_open (t->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (t->dir);
  g_clear_pointer (&t->dir, g_free);
}

gint64
cvs_test_int64 (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static GHashTable *
parse_query (const char *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');

      if (eq == NULL)
        continue;
      g_hash_table_insert (params, g_strndup (pairs[i], eq - pairs[i]), g_strdup (eq + 1));
    }
  return params;
}

JsonObject *
cvs_test_search (sqlite3    *db,
                 const char *query,
                 const char *cursor,
                 guint       limit)
{
  g_autoptr(GHashTable) params = parse_query (query);
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(PortalCvQuery) q = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *page;

  q = portal_cv_query_new_from_params (params, errors, &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  page = portal_store_cvs_search (db, q, cursor, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

GArray *
cvs_test_search_all (sqlite3    *db,
                     const char *query,
                     guint       limit)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;

  do
    {
      g_autoptr(JsonObject) page = cvs_test_search (db, query, cursor, limit);
      JsonArray *items = json_object_get_array_member (page, "items");

      g_assert_cmpuint (json_array_get_length (items), <=, limit);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          g_array_append_val (ids, id);
          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member (page, "next_cursor"));
      if (cursor != NULL)
        g_assert_cmpuint (json_array_get_length (items), ==, limit);
    }
  while (cursor != NULL);

  return ids;
}

char *
cvs_test_to_json (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}
