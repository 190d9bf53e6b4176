/* cvs-test-util.h: a throw-away SQLite database for the CV store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct
{
  char    *dir;
  sqlite3 *db;
} CvsTestDb;

/* Opens a fresh WAL database in a temporary folder with the CV schema. */
void        cvs_test_db_open    (CvsTestDb  *t);
void        cvs_test_db_close   (CvsTestDb  *t);

gint64      cvs_test_int64      (sqlite3    *db,
                                 const char *sql);
/* GET /v1/cvs style search from "k=v&k=v" (no URL escaping needed in tests). */
JsonObject *cvs_test_search     (sqlite3    *db,
                                 const char *query,
                                 const char *cursor,
                                 guint       limit);
/* Every id of a search, following next_cursor with @limit per page; fails
 * the test on a duplicate. */
GArray     *cvs_test_search_all (sqlite3    *db,
                                 const char *query,
                                 guint       limit);
char       *cvs_test_to_json    (JsonObject *object);

G_END_DECLS
