/* fuzz-query.c: libFuzzer target for the CV-search query string
 *
 * Decodes the input as the query of GET /v1/cvs the way SoupServer does
 * (soup_form_decode), parses it with portal_cv_query_new_from_params() and,
 * when it is valid, runs the search on a small seeded CV database: the FTS5
 * MATCH built from q, the filters and the cursor must never give anything
 * but a page, a validation error or a bad request (an SQL error would be a
 * query built from unescaped input).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "fuzz-common.h"
#include "portal-error.h"
#include "portal-json.h"
#include "portal-seed.h"
#include "portal-store-cvs.h"

static sqlite3 *db;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_make_warnings_fatal ();
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      !portal_store_cvs_init_schema (db, &error) ||
      !portal_seed_cvs (db, 300, 1, &error))
    g_error ("cannot set up the CV database: %s", error != NULL ? error->message : sqlite3_errmsg (db));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GHashTable) decoded = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(JsonArray) field_errors = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PortalCvQuery) query = NULL;
  g_autoptr(JsonObject) page = NULL;
  const char *cursor;

  /* SoupServer hands handlers soup_form_decode() of the URI's query; the
   * route gives the store a copy with separately allocated strings
   * (portal-routes-cvs.c, copy_params), and so does this target. */
  decoded = soup_form_decode (text);
  if (decoded == NULL)
    return 0;
  params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, decoded);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (params, g_strdup (key), g_strdup (value));
  }

  cursor = g_hash_table_lookup (params, "cursor");
  if (cursor != NULL && strlen (cursor) <= 512)
    {
      gint64 a, b;
      g_autoptr(GError) cursor_error = NULL;

      if (!portal_cursor_decode (cursor, &a, &b, &cursor_error))
        g_assert (g_error_matches (cursor_error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST));
    }

  query = portal_cv_query_new_from_params (params, field_errors, &error);
  if (query == NULL)
    {
      g_assert (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION));
      g_assert (json_array_get_length (field_errors) > 0);
      return 0;
    }
  g_assert (error == NULL);
  g_assert (portal_cv_query_get_limit (query) >= 1 && portal_cv_query_get_limit (query) <= PORTAL_CV_LIMIT_MAX);

  page = portal_store_cvs_search (db, query, portal_cv_query_get_cursor (query),
                                  portal_cv_query_get_limit (query), &error);
  if (page == NULL)
    {
      if (!g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION) &&
          !g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST))
        g_error ("search failed with an unexpected error: %s", error->message);
      return 0;
    }
  g_assert (json_object_has_member (page, "items"));
  g_assert (json_array_get_length (json_object_get_array_member (page, "items")) <= portal_cv_query_get_limit (query));
  return 0;
}
