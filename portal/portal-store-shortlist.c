/* portal-store-shortlist.c: an organisation's shortlist per vacancy
 *
 * An entry pairs one of the organisation's vacancies with a CV, a stage and
 * a private note. The CV part of an answer is always the anonymous summary
 * (portal_store_cvs_get_anonymous_summary): listing a shortlist is not a CV
 * view, so it must not show what only a counted, logged view shows (R1, R4,
 * R5). Notes are the organisation's own and no jobseeker route reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-json.h"
#include "portal-store-cvs.h"
#include "portal-store-private.h"

#define ENTRY_COLUMNS "id, cv_id, stage, note, added_at, updated_at"

static const char * const stages[] = {
  "shortlisted", "contacted", "replied", "interview", "hired", "rejected", NULL
};

gboolean
portal_shortlist_stage_is_valid (const char *stage)
{
  return stage != NULL && g_strv_contains (stages, stage);
}

static JsonObject *
entry_from_row (PortalStore *self,
                PortalStmt  *stmt)
{
  JsonObject *entry = json_object_new ();
  gint64 cv_id = sqlite3_column_int64 (stmt, 1);
  JsonObject *summary = portal_store_cvs_get_anonymous_summary (portal_store_get_db (self), cv_id);

  json_object_set_int_member (entry, "cv_id", cv_id);
  portal_json_set_column_text (entry, "stage", stmt, 2);
  portal_json_set_column_text (entry, "note", stmt, 3);
  portal_json_set_timestamp (entry, "added_at", sqlite3_column_int64 (stmt, 4));
  portal_json_set_timestamp (entry, "updated_at", sqlite3_column_int64 (stmt, 5));
  /* A CV its owner hid (or let expire) keeps its place on the shortlist,
   * but nothing of it is shown any more (R7, R8). */
  json_object_set_boolean_member (entry, "available", summary != NULL);
  if (summary != NULL)
    json_object_set_object_member (entry, "summary", summary);
  else
    json_object_set_null_member (entry, "summary");
  return entry;
}

static JsonObject *
entry_get (PortalStore  *self,
           gint64        organisation_id,
           gint64        vacancy_id,
           gint64        cv_id,
           GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT " ENTRY_COLUMNS " FROM shortlist_entries"
                                                     " WHERE organisation_id = ? AND vacancy_id = ? AND cv_id = ?",
                                                     error);
  int rc;

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, vacancy_id);
  portal_stmt_bind_int (stmt, 3, cv_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entry_from_row (self, stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "This CV is not on the vacancy’s shortlist");
  else
    portal_store_fail (self, error);
  return NULL;
}

JsonObject *
portal_store_shortlist_list (PortalStore  *self,
                             gint64        organisation_id,
                             gint64        vacancy_id,
                             const char   *cursor,
                             guint         limit,
                             GError      **error)
{
  g_autoptr(PortalStmt) stmt = NULL;
  g_autoptr(PortalStmt) count = NULL;
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *next = NULL;
  gint64 after = G_MAXINT64, unused, last_id = 0;
  guint n = 0;

  if (cursor != NULL && !portal_cursor_decode (cursor, &after, &unused, error))
    return NULL;
  /* Newest first; the entry id keeps the order total. */
  stmt = portal_store_prepare (self,
                               "SELECT " ENTRY_COLUMNS " FROM shortlist_entries"
                               " WHERE organisation_id = ?1 AND vacancy_id = ?2 AND id < ?3"
                               " ORDER BY id DESC LIMIT ?4",
                               error);
  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, vacancy_id);
  portal_stmt_bind_int (stmt, 3, after);
  portal_stmt_bind_int (stmt, 4, limit + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (++n > limit)
        {
          next = portal_cursor_encode (last_id, 0);
          break;
        }
      last_id = sqlite3_column_int64 (stmt, 0);
      json_array_add_object_element (items, entry_from_row (self, stmt));
    }

  count = portal_store_prepare (self,
                                "SELECT count(*) FROM shortlist_entries WHERE organisation_id = ? AND vacancy_id = ?",
                                error);
  if (count == NULL)
    return NULL;
  portal_stmt_bind_int (count, 1, organisation_id);
  portal_stmt_bind_int (count, 2, vacancy_id);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      portal_store_fail (self, error);
      return NULL;
    }
  return portal_json_list_new (items, next, sqlite3_column_int64 (count, 0));
}

JsonObject *
portal_store_shortlist_put (PortalStore  *self,
                            gint64        organisation_id,
                            gint64        vacancy_id,
                            gint64        cv_id,
                            const char   *stage,
                            const char   *note,
                            gboolean     *created,
                            GError      **error)
{
  g_autoptr(PortalStmt) update = NULL;
  g_autoptr(PortalStmt) insert = NULL;
  gint64 now = portal_now ();

  g_return_val_if_fail (portal_shortlist_stage_is_valid (stage), NULL);

  *created = FALSE;
  update = portal_store_prepare (self,
                                 "UPDATE shortlist_entries SET stage = ?4, note = coalesce (?5, note), updated_at = ?6"
                                 " WHERE organisation_id = ?1 AND vacancy_id = ?2 AND cv_id = ?3",
                                 error);
  if (update == NULL)
    return NULL;
  portal_stmt_bind_int (update, 1, organisation_id);
  portal_stmt_bind_int (update, 2, vacancy_id);
  portal_stmt_bind_int (update, 3, cv_id);
  portal_stmt_bind_text (update, 4, stage);
  portal_stmt_bind_text (update, 5, note);
  portal_stmt_bind_int (update, 6, now);
  if (!portal_store_step_done (self, update, error))
    return NULL;

  if (sqlite3_changes (portal_store_get_db (self)) == 0)
    {
      /* Only a CV the organisation may see can join a shortlist (R7). */
      if (!portal_store_cvs_is_findable (portal_store_get_db (self), cv_id))
        {
          g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such CV");
          return NULL;
        }
      insert = portal_store_prepare (self,
                                     "INSERT INTO shortlist_entries"
                                     " (organisation_id, vacancy_id, cv_id, stage, note, added_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, coalesce (?5, ''), ?6, ?6)",
                                     error);
      if (insert == NULL)
        return NULL;
      portal_stmt_bind_int (insert, 1, organisation_id);
      portal_stmt_bind_int (insert, 2, vacancy_id);
      portal_stmt_bind_int (insert, 3, cv_id);
      portal_stmt_bind_text (insert, 4, stage);
      portal_stmt_bind_text (insert, 5, note);
      portal_stmt_bind_int (insert, 6, now);
      if (!portal_store_step_done (self, insert, error))
        return NULL;
      *created = TRUE;
    }
  return entry_get (self, organisation_id, vacancy_id, cv_id, error);
}

gboolean
portal_store_shortlist_delete (PortalStore  *self,
                               gint64        organisation_id,
                               gint64        vacancy_id,
                               gint64        cv_id,
                               GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "DELETE FROM shortlist_entries"
                                                     " WHERE organisation_id = ? AND vacancy_id = ? AND cv_id = ?",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, vacancy_id);
  portal_stmt_bind_int (stmt, 3, cv_id);
  if (!portal_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (portal_store_get_db (self)) == 0)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "This CV is not on the vacancy’s shortlist");
      return FALSE;
    }
  return TRUE;
}
