/* portal-store-vacancies.c: vacancies, always scoped to one organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-json.h"
#include "portal-store-private.h"

/* An active vacancy whose closing date has passed reports "expired" (R7). */
#define STATUS_EXPR \
  "CASE WHEN state = 'active' AND closing_date < date('now') THEN 'expired' ELSE state END"

#define VACANCY_COLUMNS \
  "id, title, description, occupation_code, occupation_label, place, postcode, hours_min, hours_max," \
  " contract_type, education_level, salary_min, salary_max, salary_period, skills, start_date," \
  " closing_date, " STATUS_EXPR ", created_at, updated_at"

/* Salaries may have cents (an hourly wage of 15.50). */
static void
set_column_number (JsonObject *object,
                   const char *name,
                   PortalStmt *stmt,
                   int         column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      json_object_set_int_member (object, name, sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      json_object_set_double_member (object, name, sqlite3_column_double (stmt, column));
      break;
    default:
      json_object_set_null_member (object, name);
      break;
    }
}

static void
bind_member_number (PortalStmt *stmt,
                    int         index,
                    JsonObject *object,
                    const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else
    sqlite3_bind_null (stmt, index);
}

static JsonObject *
vacancy_from_row (PortalStmt *stmt)
{
  JsonObject *vacancy = json_object_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *skills = (const char *) sqlite3_column_text (stmt, 14);
  JsonNode *root;

  json_object_set_int_member (vacancy, "id", sqlite3_column_int64 (stmt, 0));
  portal_json_set_column_text (vacancy, "title", stmt, 1);
  portal_json_set_column_text (vacancy, "description", stmt, 2);
  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
    json_object_set_null_member (vacancy, "occupation");
  else
    {
      JsonObject *occupation = json_object_new ();

      portal_json_set_column_text (occupation, "code", stmt, 3);
      portal_json_set_column_text (occupation, "label", stmt, 4);
      json_object_set_object_member (vacancy, "occupation", occupation);
    }
  portal_json_set_column_text (vacancy, "place", stmt, 5);
  portal_json_set_column_text (vacancy, "postcode", stmt, 6);
  portal_json_set_column_int (vacancy, "hours_min", stmt, 7);
  portal_json_set_column_int (vacancy, "hours_max", stmt, 8);
  portal_json_set_column_text (vacancy, "contract_type", stmt, 9);
  portal_json_set_column_text (vacancy, "education_level", stmt, 10);
  if (sqlite3_column_type (stmt, 13) == SQLITE_NULL)
    json_object_set_null_member (vacancy, "salary");
  else
    {
      JsonObject *salary = json_object_new ();

      set_column_number (salary, "min", stmt, 11);
      set_column_number (salary, "max", stmt, 12);
      portal_json_set_column_text (salary, "period", stmt, 13);
      json_object_set_object_member (vacancy, "salary", salary);
    }
  if (skills != NULL && json_parser_load_from_data (parser, skills, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    json_object_set_member (vacancy, "skills", json_node_copy (root));
  else
    json_object_set_array_member (vacancy, "skills", json_array_new ());
  portal_json_set_column_text (vacancy, "start_date", stmt, 15);
  portal_json_set_column_text (vacancy, "closing_date", stmt, 16);
  portal_json_set_column_text (vacancy, "status", stmt, 17);
  portal_json_set_timestamp (vacancy, "created_at", sqlite3_column_int64 (stmt, 18));
  portal_json_set_timestamp (vacancy, "updated_at", sqlite3_column_int64 (stmt, 19));
  return vacancy;
}

static char *
skills_to_text (JsonObject *vacancy)
{
  JsonNode *skills = json_object_get_member (vacancy, "skills");

  if (skills == NULL || !JSON_NODE_HOLDS_ARRAY (skills))
    return g_strdup ("[]");
  return json_to_string (skills, FALSE);
}

/* Binds ?3 .. ?18 from the vacancy's writable members. */
static void
bind_writable (PortalStmt *stmt,
               JsonObject *vacancy)
{
  JsonNode *node;
  JsonObject *occupation = NULL, *salary = NULL;

  node = json_object_get_member (vacancy, "occupation");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    occupation = json_node_get_object (node);
  node = json_object_get_member (vacancy, "salary");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    salary = json_node_get_object (node);

  portal_stmt_bind_member_text (stmt, 3, vacancy, "title");
  if (json_object_get_member (vacancy, "description") != NULL &&
      json_node_get_value_type (json_object_get_member (vacancy, "description")) == G_TYPE_STRING)
    portal_stmt_bind_member_text (stmt, 4, vacancy, "description");
  else
    portal_stmt_bind_text (stmt, 4, "");
  portal_stmt_bind_member_text (stmt, 5, occupation, "code");
  portal_stmt_bind_member_text (stmt, 6, occupation, "label");
  portal_stmt_bind_member_text (stmt, 7, vacancy, "place");
  portal_stmt_bind_member_text (stmt, 8, vacancy, "postcode");
  portal_stmt_bind_member_int (stmt, 9, vacancy, "hours_min");
  portal_stmt_bind_member_int (stmt, 10, vacancy, "hours_max");
  portal_stmt_bind_member_text (stmt, 11, vacancy, "contract_type");
  portal_stmt_bind_member_text (stmt, 12, vacancy, "education_level");
  bind_member_number (stmt, 13, salary, "min");
  bind_member_number (stmt, 14, salary, "max");
  portal_stmt_bind_member_text (stmt, 15, salary, "period");
  sqlite3_bind_text (stmt, 16, skills_to_text (vacancy), -1, g_free);
  portal_stmt_bind_member_text (stmt, 17, vacancy, "start_date");
  portal_stmt_bind_member_text (stmt, 18, vacancy, "closing_date");
}

JsonObject *
portal_store_vacancy_create (PortalStore  *self,
                             gint64        organisation_id,
                             JsonObject   *vacancy,
                             GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "INSERT INTO vacancies (organisation_id, created_at, title,"
                                                     " description, occupation_code, occupation_label, place, postcode,"
                                                     " hours_min, hours_max, contract_type, education_level, salary_min,"
                                                     " salary_max, salary_period, skills, start_date, closing_date,"
                                                     " updated_at, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                                     " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?2, 'draft')",
                                                     error);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, portal_now ());
  bind_writable (stmt, vacancy);
  if (!portal_store_step_done (self, stmt, error))
    return NULL;
  return portal_store_vacancy_get (self, organisation_id,
                                   sqlite3_last_insert_rowid (portal_store_get_db (self)), error);
}

static gboolean
not_found (GError **error)
{
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such vacancy");
  return FALSE;
}

JsonObject *
portal_store_vacancy_get (PortalStore  *self,
                          gint64        organisation_id,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT " VACANCY_COLUMNS " FROM vacancies"
                                                     " WHERE id = ? AND organisation_id = ?",
                                                     error);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, id);
  portal_stmt_bind_int (stmt, 2, organisation_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      not_found (error);
      return NULL;
    }
  return vacancy_from_row (stmt);
}

JsonObject *
portal_store_vacancy_update (PortalStore  *self,
                             gint64        organisation_id,
                             gint64        id,
                             JsonObject   *vacancy,
                             GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "UPDATE vacancies SET title = ?3, description = ?4,"
                                                     " occupation_code = ?5, occupation_label = ?6, place = ?7,"
                                                     " postcode = ?8, hours_min = ?9, hours_max = ?10,"
                                                     " contract_type = ?11, education_level = ?12, salary_min = ?13,"
                                                     " salary_max = ?14, salary_period = ?15, skills = ?16,"
                                                     " start_date = ?17, closing_date = ?18, updated_at = ?19"
                                                     " WHERE id = ?1 AND organisation_id = ?2",
                                                     error);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, id);
  portal_stmt_bind_int (stmt, 2, organisation_id);
  bind_writable (stmt, vacancy);
  portal_stmt_bind_int (stmt, 19, portal_now ());
  if (!portal_store_step_done (self, stmt, error))
    return NULL;
  if (sqlite3_changes (portal_store_get_db (self)) == 0)
    {
      not_found (error);
      return NULL;
    }
  portal_stmt_release (g_steal_pointer (&stmt));
  return portal_store_vacancy_get (self, organisation_id, id, error);
}

JsonObject *
portal_store_vacancy_set_state (PortalStore  *self,
                                gint64        organisation_id,
                                gint64        id,
                                const char   *state,
                                const char   *closing_date,
                                GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "UPDATE vacancies SET state = ?3,"
                                                     " closing_date = coalesce (?4, closing_date), updated_at = ?5"
                                                     " WHERE id = ?1 AND organisation_id = ?2",
                                                     error);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, id);
  portal_stmt_bind_int (stmt, 2, organisation_id);
  portal_stmt_bind_text (stmt, 3, state);
  portal_stmt_bind_text (stmt, 4, closing_date);
  portal_stmt_bind_int (stmt, 5, portal_now ());
  if (!portal_store_step_done (self, stmt, error))
    return NULL;
  if (sqlite3_changes (portal_store_get_db (self)) == 0)
    {
      not_found (error);
      return NULL;
    }
  portal_stmt_release (g_steal_pointer (&stmt));
  return portal_store_vacancy_get (self, organisation_id, id, error);
}

gboolean
portal_store_vacancy_delete_draft (PortalStore  *self,
                                   gint64        organisation_id,
                                   gint64        id,
                                   GError      **error)
{
  g_autoptr(JsonObject) vacancy = portal_store_vacancy_get (self, organisation_id, id, error);
  g_autoptr(PortalStmt) stmt = NULL;

  if (vacancy == NULL)
    return FALSE;
  if (g_strcmp0 (json_object_get_string_member (vacancy, "status"), "draft") != 0)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_CONFLICT, "Only a draft vacancy can be deleted");
      return FALSE;
    }
  stmt = portal_store_prepare (self, "DELETE FROM vacancies WHERE id = ? AND organisation_id = ? AND state = 'draft'",
                               error);
  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, id);
  portal_stmt_bind_int (stmt, 2, organisation_id);
  return portal_store_step_done (self, stmt, error);
}

JsonObject *
portal_store_vacancy_list (PortalStore  *self,
                           gint64        organisation_id,
                           const char   *status,
                           const char   *cursor,
                           guint         limit,
                           GError      **error)
{
  g_autoptr(PortalStmt) stmt = NULL;
  g_autoptr(PortalStmt) counts_stmt = NULL;
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *next = NULL;
  JsonObject *counts, *list;
  gint64 after = G_MAXINT64, unused, last_id = 0, total = 0;
  guint n = 0;
  const char *names[] = { "draft", "active", "closed", "expired" };

  if (cursor != NULL && !portal_cursor_decode (cursor, &after, &unused, error))
    return NULL;
  stmt = portal_store_prepare (self,
                               "SELECT " VACANCY_COLUMNS " FROM vacancies"
                               " WHERE organisation_id = ?1 AND id < ?2"
                               " AND (?3 IS NULL OR " STATUS_EXPR " = ?3)"
                               " ORDER BY id DESC LIMIT ?4",
                               error);
  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, after);
  portal_stmt_bind_text (stmt, 3, status);
  portal_stmt_bind_int (stmt, 4, limit + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (++n > limit)
        {
          next = portal_cursor_encode (last_id, 0);
          break;
        }
      last_id = sqlite3_column_int64 (stmt, 0);
      json_array_add_object_element (items, vacancy_from_row (stmt));
    }

  counts_stmt = portal_store_prepare (self,
                                      "SELECT " STATUS_EXPR ", count(*) FROM vacancies"
                                      " WHERE organisation_id = ? GROUP BY 1",
                                      error);
  if (counts_stmt == NULL)
    return NULL;
  counts = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    json_object_set_int_member (counts, names[i], 0);
  portal_stmt_bind_int (counts_stmt, 1, organisation_id);
  while (sqlite3_step (counts_stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (counts_stmt, 0);
      gint64 count = sqlite3_column_int64 (counts_stmt, 1);

      json_object_set_int_member (counts, name, count);
      if (status == NULL || g_strcmp0 (status, name) == 0)
        total += count;
    }

  list = portal_json_list_new (items, next, total);
  json_object_set_object_member (list, "counts", counts);
  return list;
}
