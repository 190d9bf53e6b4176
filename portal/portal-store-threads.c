/* portal-store-threads.c: threads between an organisation and a jobseeker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-json.h"
#include "portal-store-cvs.h"
#include "portal-store-private.h"

/* ?1 is the viewer's side: 1 organisation, 2 jobseeker. */
#define THREAD_COLUMNS \
  "t.id, t.vacancy_id, v.title, t.cv_id, t.candidate_label," \
  " (SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND" \
  "   CASE WHEN ?1 = 1 THEN m.sender = 'jobseeker' AND m.id > t.organisation_read_upto" \
  "        ELSE m.sender = 'organisation' AND m.id > t.jobseeker_read_upto END)," \
  " t.last_message_at," \
  " (SELECT m.body FROM messages m WHERE m.thread_id = t.id ORDER BY m.id DESC LIMIT 1)," \
  " NOT (v.state = 'active' AND (v.closing_date IS NULL OR v.closing_date >= date('now')))," \
  " t.revealed_contact, t.created_at"

#define PREVIEW_LENGTH 120

static gboolean
not_found (GError **error)
{
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such thread");
  return FALSE;
}

static JsonObject *
thread_from_row (PortalStore *self,
                 PortalStmt  *stmt)
{
  JsonObject *thread = json_object_new ();
  const char *preview = (const char *) sqlite3_column_text (stmt, 7);
  const char *revealed = (const char *) sqlite3_column_text (stmt, 9);
  g_autoptr(JsonObject) contact = NULL;
  g_autofree char *open_name = NULL;
  const char *label = (const char *) sqlite3_column_text (stmt, 4);

  if (revealed != NULL)
    contact = portal_json_parse_object (revealed, strlen (revealed), NULL);
  if (contact != NULL && json_object_get_string_member_with_default (contact, "name", NULL) != NULL)
    label = json_object_get_string_member (contact, "name");
  else if ((open_name = portal_store_cvs_display_name (portal_store_get_db (self),
                                                       sqlite3_column_int64 (stmt, 3))) != NULL)
    label = open_name;

  json_object_set_int_member (thread, "id", sqlite3_column_int64 (stmt, 0));
  json_object_set_int_member (thread, "vacancy_id", sqlite3_column_int64 (stmt, 1));
  portal_json_set_column_text (thread, "vacancy_title", stmt, 2);
  json_object_set_int_member (thread, "cv_id", sqlite3_column_int64 (stmt, 3));
  json_object_set_string_member (thread, "candidate_label", label);
  json_object_set_int_member (thread, "unread_count", sqlite3_column_int64 (stmt, 5));
  portal_json_set_timestamp (thread, "last_message_at", sqlite3_column_int64 (stmt, 6));
  if (preview != NULL)
    {
      g_autofree char *cut = g_utf8_substring (preview, 0, MIN (g_utf8_strlen (preview, -1), PREVIEW_LENGTH));

      json_object_set_string_member (thread, "last_message_preview", cut);
    }
  else
    json_object_set_null_member (thread, "last_message_preview");
  json_object_set_boolean_member (thread, "read_only", sqlite3_column_int (stmt, 8) != 0);
  if (contact != NULL)
    json_object_set_object_member (thread, "revealed_contact", g_steal_pointer (&contact));
  else
    json_object_set_null_member (thread, "revealed_contact");
  portal_json_set_timestamp (thread, "created_at", sqlite3_column_int64 (stmt, 10));
  return thread;
}

gint64
portal_store_thread_find (PortalStore *self,
                          gint64       vacancy_id,
                          gint64       cv_id)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT id FROM threads WHERE vacancy_id = ? AND cv_id = ?",
                                                     NULL);

  if (stmt == NULL)
    return 0;
  portal_stmt_bind_int (stmt, 1, vacancy_id);
  portal_stmt_bind_int (stmt, 2, cv_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gint64
portal_store_thread_create (PortalStore  *self,
                            gint64        organisation_id,
                            gint64        vacancy_id,
                            gint64        cv_id,
                            gint64        jobseeker_id,
                            const char   *candidate_label,
                            GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "INSERT INTO threads (organisation_id, vacancy_id, cv_id,"
                                                     " jobseeker_id, candidate_label, last_message_at, created_at)"
                                                     " VALUES (?, ?, ?, ?, ?, ?6, ?6)",
                                                     error);

  if (stmt == NULL)
    return 0;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, vacancy_id);
  portal_stmt_bind_int (stmt, 3, cv_id);
  portal_stmt_bind_int (stmt, 4, jobseeker_id);
  portal_stmt_bind_text (stmt, 5, candidate_label);
  portal_stmt_bind_int (stmt, 6, portal_now ());
  if (!portal_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (portal_store_get_db (self));
}

JsonObject *
portal_store_thread_get (PortalStore        *self,
                         PortalAccountKind   viewer_kind,
                         gint64              viewer_id,
                         gint64              thread_id,
                         GError            **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT " THREAD_COLUMNS " FROM threads t"
                                                     " JOIN vacancies v ON v.id = t.vacancy_id"
                                                     " WHERE t.id = ?2 AND"
                                                     " CASE WHEN ?1 = 1 THEN t.organisation_id = ?3"
                                                     "      ELSE t.jobseeker_id = ?3 END",
                                                     error);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, viewer_kind == PORTAL_ACCOUNT_ORGANISATION ? 1 : 2);
  portal_stmt_bind_int (stmt, 2, thread_id);
  portal_stmt_bind_int (stmt, 3, viewer_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      not_found (error);
      return NULL;
    }
  return thread_from_row (self, stmt);
}

gboolean
portal_store_thread_parties (PortalStore *self,
                             gint64       thread_id,
                             gint64      *organisation_id,
                             gint64      *jobseeker_id,
                             gint64      *cv_id,
                             gboolean    *vacancy_active)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT t.organisation_id, t.jobseeker_id, t.cv_id,"
                                                     " v.state = 'active' AND (v.closing_date IS NULL"
                                                     "   OR v.closing_date >= date('now'))"
                                                     " FROM threads t JOIN vacancies v ON v.id = t.vacancy_id"
                                                     " WHERE t.id = ?",
                                                     NULL);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, thread_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *organisation_id = sqlite3_column_int64 (stmt, 0);
  *jobseeker_id = sqlite3_column_int64 (stmt, 1);
  *cv_id = sqlite3_column_int64 (stmt, 2);
  *vacancy_active = sqlite3_column_int (stmt, 3) != 0;
  return TRUE;
}

JsonObject *
portal_store_thread_list (PortalStore        *self,
                          PortalAccountKind   viewer_kind,
                          gint64              viewer_id,
                          const char         *cursor,
                          guint               limit,
                          GError            **error)
{
  g_autoptr(PortalStmt) stmt = NULL;
  g_autoptr(PortalStmt) count = NULL;
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *next = NULL;
  gint64 after_at = G_MAXINT64, after_id = G_MAXINT64, last_at = 0, last_id = 0;
  guint n = 0;

  if (cursor != NULL && !portal_cursor_decode (cursor, &after_at, &after_id, error))
    return NULL;
  /* Newest activity first; (last_message_at, id) keeps the order total. */
  stmt = portal_store_prepare (self,
                               "SELECT " THREAD_COLUMNS " FROM threads t"
                               " JOIN vacancies v ON v.id = t.vacancy_id"
                               " WHERE CASE WHEN ?1 = 1 THEN t.organisation_id = ?2 ELSE t.jobseeker_id = ?2 END"
                               " AND (t.last_message_at < ?3 OR (t.last_message_at = ?3 AND t.id < ?4))"
                               " ORDER BY t.last_message_at DESC, t.id DESC LIMIT ?5",
                               error);
  count = portal_store_prepare (self,
                                "SELECT count(*) FROM threads t WHERE"
                                " CASE WHEN ?1 = 1 THEN t.organisation_id = ?2 ELSE t.jobseeker_id = ?2 END",
                                error);
  if (stmt == NULL || count == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, viewer_kind == PORTAL_ACCOUNT_ORGANISATION ? 1 : 2);
  portal_stmt_bind_int (stmt, 2, viewer_id);
  portal_stmt_bind_int (stmt, 3, after_at);
  portal_stmt_bind_int (stmt, 4, after_id);
  portal_stmt_bind_int (stmt, 5, limit + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (++n > limit)
        {
          next = portal_cursor_encode (last_at, last_id);
          break;
        }
      last_id = sqlite3_column_int64 (stmt, 0);
      last_at = sqlite3_column_int64 (stmt, 6);
      json_array_add_object_element (items, thread_from_row (self, stmt));
    }
  portal_stmt_bind_int (count, 1, viewer_kind == PORTAL_ACCOUNT_ORGANISATION ? 1 : 2);
  portal_stmt_bind_int (count, 2, viewer_id);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      portal_store_fail (self, error);
      return NULL;
    }
  return portal_json_list_new (items, next, sqlite3_column_int64 (count, 0));
}

gboolean
portal_store_thread_mark_read (PortalStore        *self,
                               PortalAccountKind   viewer_kind,
                               gint64              thread_id,
                               GError            **error)
{
  g_autoptr(PortalStmt) stmt = NULL;

  if (viewer_kind == PORTAL_ACCOUNT_ORGANISATION)
    stmt = portal_store_prepare (self,
                                 "UPDATE threads SET organisation_read_upto ="
                                 " (SELECT coalesce (max (id), 0) FROM messages WHERE thread_id = ?1)"
                                 " WHERE id = ?1",
                                 error);
  else
    stmt = portal_store_prepare (self,
                                 "UPDATE threads SET jobseeker_read_upto ="
                                 " (SELECT coalesce (max (id), 0) FROM messages WHERE thread_id = ?1)"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, thread_id);
  return portal_store_step_done (self, stmt, error);
}

gboolean
portal_store_thread_set_revealed (PortalStore  *self,
                                  gint64        thread_id,
                                  JsonObject   *contact,
                                  GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "UPDATE threads SET revealed_contact = ? WHERE id = ?",
                                                     error);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), contact);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json_to_string (node, FALSE), -1, g_free);
  portal_stmt_bind_int (stmt, 2, thread_id);
  return portal_store_step_done (self, stmt, error);
}

static JsonObject *
message_from_row (PortalStmt *stmt)
{
  JsonObject *message = json_object_new ();

  json_object_set_int_member (message, "id", sqlite3_column_int64 (stmt, 0));
  json_object_set_int_member (message, "thread_id", sqlite3_column_int64 (stmt, 1));
  portal_json_set_column_text (message, "sender", stmt, 2);
  portal_json_set_column_text (message, "body", stmt, 3);
  portal_json_set_timestamp (message, "created_at", sqlite3_column_int64 (stmt, 4));
  return message;
}

JsonObject *
portal_store_message_add (PortalStore        *self,
                          gint64              thread_id,
                          PortalAccountKind   sender,
                          const char         *body,
                          GError            **error)
{
  g_autoptr(PortalStmt) insert = portal_store_prepare (self,
                                                       "INSERT INTO messages (thread_id, sender, body, created_at)"
                                                       " VALUES (?, ?, ?, ?)"
                                                       " RETURNING id, thread_id, sender, body, created_at",
                                                       error);
  g_autoptr(PortalStmt) touch = portal_store_prepare (self,
                                                      "UPDATE threads SET last_message_at = ?2,"
                                                      " organisation_read_upto = CASE WHEN ?3 = 1 THEN ?4"
                                                      "   ELSE organisation_read_upto END,"
                                                      " jobseeker_read_upto = CASE WHEN ?3 = 2 THEN ?4"
                                                      "   ELSE jobseeker_read_upto END"
                                                      " WHERE id = ?1",
                                                      error);
  g_autoptr(JsonObject) message = NULL;
  gint64 now = portal_now ();

  if (insert == NULL || touch == NULL)
    return NULL;
  portal_stmt_bind_int (insert, 1, thread_id);
  portal_stmt_bind_text (insert, 2, portal_account_kind_to_string (sender));
  portal_stmt_bind_text (insert, 3, body);
  portal_stmt_bind_int (insert, 4, now);
  if (sqlite3_step (insert) != SQLITE_ROW)
    {
      portal_store_fail (self, error);
      return NULL;
    }
  message = message_from_row (insert);
  if (!portal_store_step_done (self, insert, error))
    return NULL;

  /* The sender has read everything up to and including their own message. */
  portal_stmt_bind_int (touch, 1, thread_id);
  portal_stmt_bind_int (touch, 2, now);
  portal_stmt_bind_int (touch, 3, sender == PORTAL_ACCOUNT_ORGANISATION ? 1 : 2);
  portal_stmt_bind_int (touch, 4, json_object_get_int_member (message, "id"));
  if (!portal_store_step_done (self, touch, error))
    return NULL;
  return g_steal_pointer (&message);
}

JsonObject *
portal_store_message_list (PortalStore  *self,
                           gint64        thread_id,
                           const char   *cursor,
                           guint         limit,
                           GError      **error)
{
  g_autoptr(PortalStmt) stmt = NULL;
  g_autoptr(PortalStmt) count = NULL;
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *next = NULL;
  gint64 after = 0, unused, last_id = 0;
  guint n = 0;

  if (cursor != NULL && !portal_cursor_decode (cursor, &after, &unused, error))
    return NULL;
  stmt = portal_store_prepare (self,
                               "SELECT id, thread_id, sender, body, created_at FROM messages"
                               " WHERE thread_id = ? AND id > ? ORDER BY id LIMIT ?",
                               error);
  count = portal_store_prepare (self, "SELECT count(*) FROM messages WHERE thread_id = ?", error);
  if (stmt == NULL || count == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, thread_id);
  portal_stmt_bind_int (stmt, 2, after);
  portal_stmt_bind_int (stmt, 3, limit + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (++n > limit)
        {
          next = portal_cursor_encode (last_id, 0);
          break;
        }
      last_id = sqlite3_column_int64 (stmt, 0);
      json_array_add_object_element (items, message_from_row (stmt));
    }
  portal_stmt_bind_int (count, 1, thread_id);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      portal_store_fail (self, error);
      return NULL;
    }
  return portal_json_list_new (items, next, sqlite3_column_int64 (count, 0));
}
