/* portal-store.c: the SQLite store, schema, accounts, sessions and quotas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "portal-error.h"
#include "portal-json.h"
#include "portal-store-cvs.h"
#include "portal-store-private.h"

struct _PortalStore
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;  /* const char *sql → sqlite3_stmt */
  gboolean    is_new;
};

G_DEFINE_FINAL_TYPE (PortalStore, portal_store, G_TYPE_OBJECT)

/* Each entry moves the schema one version up; never edit a released one. */
static const char *migrations[] = {
  /* 1: accounts, sessions, vacancies, threads, logs */
  "CREATE TABLE organisations ("
  "  id INTEGER PRIMARY KEY,"
  "  kvk TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  contact_name TEXT NOT NULL,"
  "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  phone TEXT NOT NULL,"
  "  password_hash TEXT NOT NULL,"
  "  verification TEXT NOT NULL DEFAULT 'pending',"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE jobseekers ("
  "  id INTEGER PRIMARY KEY,"
  "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  name TEXT NOT NULL,"
  "  password_hash TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  account_kind INTEGER NOT NULL,"
  "  account_id INTEGER NOT NULL,"
  "  access_hash TEXT NOT NULL UNIQUE,"
  "  access_expires INTEGER NOT NULL,"
  "  refresh_hash TEXT NOT NULL UNIQUE,"
  "  refresh_expires INTEGER NOT NULL,"
  "  revoked INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE sign_in_failures ("
  "  email_hash TEXT NOT NULL,"
  "  at INTEGER NOT NULL);"
  "CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email_hash, at);"
  "CREATE TABLE idempotency_keys ("
  "  account_kind INTEGER NOT NULL,"
  "  account_id INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  request_hash TEXT NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  body BLOB NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (account_kind, account_id, key));"
  "CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);"
  "CREATE TABLE vacancies ("
  "  id INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisations (id),"
  "  title TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  occupation_code TEXT,"
  "  occupation_label TEXT,"
  "  place TEXT,"
  "  postcode TEXT,"
  "  hours_min INTEGER,"
  "  hours_max INTEGER,"
  "  contract_type TEXT,"
  "  education_level TEXT,"
  "  salary_min INTEGER,"
  "  salary_max INTEGER,"
  "  salary_period TEXT,"
  "  skills TEXT NOT NULL DEFAULT '[]',"
  "  start_date TEXT,"
  "  closing_date TEXT,"
  "  state TEXT NOT NULL DEFAULT 'draft',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX vacancies_by_organisation ON vacancies (organisation_id, id);"
  "CREATE TABLE threads ("
  "  id INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL,"
  "  vacancy_id INTEGER NOT NULL REFERENCES vacancies (id),"
  "  cv_id INTEGER NOT NULL,"
  "  jobseeker_id INTEGER NOT NULL,"
  "  candidate_label TEXT NOT NULL,"
  "  revealed_contact TEXT,"
  "  organisation_read_upto INTEGER NOT NULL DEFAULT 0,"
  "  jobseeker_read_upto INTEGER NOT NULL DEFAULT 0,"
  "  last_message_at INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (vacancy_id, cv_id));"
  "CREATE INDEX threads_by_organisation ON threads (organisation_id, last_message_at, id);"
  "CREATE INDEX threads_by_jobseeker ON threads (jobseeker_id, last_message_at, id);"
  "CREATE INDEX threads_by_organisation_created ON threads (organisation_id, created_at);"
  "CREATE TABLE messages ("
  "  id INTEGER PRIMARY KEY,"
  "  thread_id INTEGER NOT NULL REFERENCES threads (id),"
  "  sender TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX messages_by_thread ON messages (thread_id, id);"
  "CREATE TABLE cv_views ("
  "  id INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL,"
  "  cv_id INTEGER NOT NULL,"
  "  viewed_at INTEGER NOT NULL);"
  "CREATE INDEX cv_views_by_organisation ON cv_views (organisation_id, viewed_at);"
  "CREATE INDEX cv_views_by_cv ON cv_views (cv_id, id);",
  /* 2: shortlists per vacancy (portal-store-shortlist.c) */
  "CREATE TABLE shortlist_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL,"
  "  vacancy_id INTEGER NOT NULL REFERENCES vacancies (id),"
  "  cv_id INTEGER NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  added_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (vacancy_id, cv_id));"
  "CREATE INDEX shortlist_entries_by_vacancy ON shortlist_entries (organisation_id, vacancy_id, id);"
  "CREATE TRIGGER shortlist_entries_vacancy_deleted AFTER DELETE ON vacancies"
  " BEGIN DELETE FROM shortlist_entries WHERE vacancy_id = OLD.id; END;",
};

static void
portal_store_finalize (GObject *object)
{
  PortalStore *self = (PortalStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);

  G_OBJECT_CLASS (portal_store_parent_class)->finalize (object);
}

static void
portal_store_class_init (PortalStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = portal_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
portal_store_init (PortalStore *self)
{
  /* Keyed by the SQL literal's address: each call site has its own. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

gboolean
portal_store_fail (PortalStore  *self,
                   GError      **error)
{
  g_debug ("SQLite: %s", sqlite3_errmsg (self->db));
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_INTERNAL,
               "Storage error: %s", sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (PortalStore  *self,
      const char   *sql,
      GError      **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_INTERNAL, "Storage error: %s", message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (PortalStore  *self,
         GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self, "PRAGMA user_version", error);
  int version;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return portal_store_fail (self, error);
  version = sqlite3_column_int (stmt, 0);
  portal_stmt_release (g_steal_pointer (&stmt));

  self->is_new = version == 0;
  for (guint i = (guint) version; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (self, migrations[i], error) || !exec (self, bump, error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!exec (self, "COMMIT", error))
        return FALSE;
    }
  return TRUE;
}

PortalStore *
portal_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(PortalStore) self = g_object_new (PORTAL_TYPE_STORE, NULL);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_INTERNAL, "Cannot open database “%s”: %s",
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !migrate (self, error) ||
      !portal_store_cvs_init_schema (self->db, error))
    return NULL;

  return g_steal_pointer (&self);
}

sqlite3 *
portal_store_get_db (PortalStore *self)
{
  g_return_val_if_fail (PORTAL_IS_STORE (self), NULL);
  return self->db;
}

gboolean
portal_store_is_new (PortalStore *self)
{
  return self->is_new;
}

gboolean
portal_store_begin (PortalStore  *self,
                    GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self, "BEGIN IMMEDIATE", error);

  return stmt != NULL && portal_store_step_done (self, stmt, error);
}

gboolean
portal_store_commit (PortalStore  *self,
                     GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self, "COMMIT", error);

  return stmt != NULL && portal_store_step_done (self, stmt, error);
}

void
portal_store_rollback (PortalStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

/* Statement helpers */

void
portal_stmt_release (PortalStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

PortalStmt *
portal_store_prepare (PortalStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      portal_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
portal_store_step_done (PortalStore  *self,
                        PortalStmt   *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_CONFLICT, "This conflicts with an existing record");
      return FALSE;
    }
  return portal_store_fail (self, error);
}

void
portal_stmt_bind_text (PortalStmt *stmt,
                       int         index,
                       const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
portal_stmt_bind_int (PortalStmt *stmt,
                      int         index,
                      gint64      value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
portal_stmt_bind_member_text (PortalStmt *stmt,
                              int         index,
                              JsonObject *object,
                              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

void
portal_stmt_bind_member_int (PortalStmt *stmt,
                             int         index,
                             JsonObject *object,
                             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
}

void
portal_json_set_column_text (JsonObject *object,
                             const char *name,
                             PortalStmt *stmt,
                             int         column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, (const char *) sqlite3_column_text (stmt, column));
}

void
portal_json_set_column_int (JsonObject *object,
                            const char *name,
                            PortalStmt *stmt,
                            int         column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_int_member (object, name, sqlite3_column_int64 (stmt, column));
}

char *
portal_stmt_dup_text (PortalStmt *stmt,
                      int         column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Organisations */

#define ORGANISATION_COLUMNS "id, kvk, name, kind, contact_name, email, phone, verification, created_at"

static JsonObject *
organisation_from_row (PortalStmt *stmt)
{
  JsonObject *org = json_object_new ();

  json_object_set_int_member (org, "id", sqlite3_column_int64 (stmt, 0));
  portal_json_set_column_text (org, "kvk", stmt, 1);
  portal_json_set_column_text (org, "name", stmt, 2);
  portal_json_set_column_text (org, "kind", stmt, 3);
  portal_json_set_column_text (org, "contact_name", stmt, 4);
  portal_json_set_column_text (org, "email", stmt, 5);
  portal_json_set_column_text (org, "phone", stmt, 6);
  portal_json_set_column_text (org, "verification", stmt, 7);
  portal_json_set_timestamp (org, "created_at", sqlite3_column_int64 (stmt, 8));
  return org;
}

static gboolean
email_taken (PortalStore *self,
             const char  *email)
{
  PortalAccountKind kind;
  gint64 id;

  return portal_store_account_find (self, email, &kind, &id, NULL);
}

JsonObject *
portal_store_organisation_create (PortalStore  *self,
                                  JsonObject   *fields,
                                  const char   *password_hash,
                                  GError      **error)
{
  g_autoptr(PortalStmt) stmt = NULL;
  g_autoptr(PortalStmt) kvk = NULL;

  if (email_taken (self, json_object_get_string_member (fields, "email")))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_CONFLICT, "An account with this e-mail address already exists");
      return NULL;
    }
  kvk = portal_store_prepare (self, "SELECT 1 FROM organisations WHERE kvk = ?", error);
  if (kvk == NULL)
    return NULL;
  portal_stmt_bind_member_text (kvk, 1, fields, "kvk");
  if (sqlite3_step (kvk) == SQLITE_ROW)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_CONFLICT, "An organisation with this KvK number already exists");
      return NULL;
    }

  stmt = portal_store_prepare (self,
                               "INSERT INTO organisations (kvk, name, kind, contact_name, email, phone,"
                               " password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_member_text (stmt, 1, fields, "kvk");
  portal_stmt_bind_member_text (stmt, 2, fields, "name");
  portal_stmt_bind_member_text (stmt, 3, fields, "kind");
  portal_stmt_bind_member_text (stmt, 4, fields, "contact_name");
  portal_stmt_bind_member_text (stmt, 5, fields, "email");
  portal_stmt_bind_member_text (stmt, 6, fields, "phone");
  portal_stmt_bind_text (stmt, 7, password_hash);
  portal_stmt_bind_int (stmt, 8, portal_now ());
  if (!portal_store_step_done (self, stmt, error))
    return NULL;
  return portal_store_organisation_get (self, sqlite3_last_insert_rowid (self->db), error);
}

JsonObject *
portal_store_organisation_get (PortalStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT " ORGANISATION_COLUMNS " FROM organisations WHERE id = ?",
                                                     error);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such organisation");
      return NULL;
    }
  return organisation_from_row (stmt);
}

gboolean
portal_store_organisation_update (PortalStore  *self,
                                  gint64        id,
                                  JsonObject   *fields,
                                  GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "UPDATE organisations SET"
                                                     " name = coalesce (?2, name),"
                                                     " contact_name = coalesce (?3, contact_name),"
                                                     " phone = coalesce (?4, phone)"
                                                     " WHERE id = ?1",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, id);
  portal_stmt_bind_member_text (stmt, 2, fields, "name");
  portal_stmt_bind_member_text (stmt, 3, fields, "contact_name");
  portal_stmt_bind_member_text (stmt, 4, fields, "phone");
  return portal_store_step_done (self, stmt, error);
}

gboolean
portal_store_organisation_set_verification (PortalStore  *self,
                                            const char   *email,
                                            const char   *verification,
                                            GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "UPDATE organisations SET verification = ? WHERE email = ?",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_text (stmt, 1, verification);
  portal_stmt_bind_text (stmt, 2, email);
  if (!portal_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No organisation with e-mail address “%s”", email);
      return FALSE;
    }
  return TRUE;
}

char *
portal_store_organisation_verification (PortalStore *self,
                                        gint64       id)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT verification FROM organisations WHERE id = ?",
                                                     NULL);

  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return portal_stmt_dup_text (stmt, 0);
}

/* Accounts */

gboolean
portal_store_account_find (PortalStore       *self,
                           const char        *email,
                           PortalAccountKind *kind,
                           gint64            *id,
                           char             **password_hash)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT 1, id, password_hash FROM organisations WHERE email = ?1"
                                                     " UNION ALL "
                                                     "SELECT 2, id, password_hash FROM jobseekers WHERE email = ?1",
                                                     NULL);

  if (stmt == NULL || email == NULL)
    return FALSE;
  portal_stmt_bind_text (stmt, 1, email);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *kind = sqlite3_column_int (stmt, 0) == 1 ? PORTAL_ACCOUNT_ORGANISATION : PORTAL_ACCOUNT_JOBSEEKER;
  *id = sqlite3_column_int64 (stmt, 1);
  if (password_hash != NULL)
    *password_hash = portal_stmt_dup_text (stmt, 2);
  return TRUE;
}

char *
portal_store_account_email (PortalStore       *self,
                            PortalAccountKind  kind,
                            gint64             id)
{
  g_autoptr(PortalStmt) stmt = NULL;

  if (kind == PORTAL_ACCOUNT_ORGANISATION)
    stmt = portal_store_prepare (self, "SELECT email FROM organisations WHERE id = ?", NULL);
  else
    stmt = portal_store_prepare (self, "SELECT email FROM jobseekers WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return portal_stmt_dup_text (stmt, 0);
}

gint64
portal_store_jobseeker_create (PortalStore  *self,
                               const char   *email,
                               const char   *name,
                               const char   *password_hash,
                               GError      **error)
{
  g_autoptr(PortalStmt) stmt = NULL;

  if (email_taken (self, email))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_CONFLICT, "An account with this e-mail address already exists");
      return 0;
    }
  stmt = portal_store_prepare (self,
                               "INSERT INTO jobseekers (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return 0;
  portal_stmt_bind_text (stmt, 1, email);
  portal_stmt_bind_text (stmt, 2, name);
  portal_stmt_bind_text (stmt, 3, password_hash);
  portal_stmt_bind_int (stmt, 4, portal_now ());
  if (!portal_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* Sessions */

gboolean
portal_store_session_create (PortalStore       *self,
                             PortalAccountKind  kind,
                             gint64             account_id,
                             const char        *access_hash,
                             gint64             access_expires,
                             const char        *refresh_hash,
                             gint64             refresh_expires,
                             GError           **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "INSERT INTO sessions (account_kind, account_id, access_hash,"
                                                     " access_expires, refresh_hash, refresh_expires, created_at)"
                                                     " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, kind);
  portal_stmt_bind_int (stmt, 2, account_id);
  portal_stmt_bind_text (stmt, 3, access_hash);
  portal_stmt_bind_int (stmt, 4, access_expires);
  portal_stmt_bind_text (stmt, 5, refresh_hash);
  portal_stmt_bind_int (stmt, 6, refresh_expires);
  portal_stmt_bind_int (stmt, 7, portal_now ());
  return portal_store_step_done (self, stmt, error);
}

gboolean
portal_store_session_lookup (PortalStore       *self,
                             const char        *access_hash,
                             PortalAccountKind *kind,
                             gint64            *account_id,
                             gint64            *session_id)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT id, account_kind, account_id FROM sessions"
                                                     " WHERE access_hash = ? AND revoked = 0 AND access_expires > ?",
                                                     NULL);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_text (stmt, 1, access_hash);
  portal_stmt_bind_int (stmt, 2, portal_now ());
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *session_id = sqlite3_column_int64 (stmt, 0);
  *kind = (PortalAccountKind) sqlite3_column_int (stmt, 1);
  *account_id = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

gboolean
portal_store_session_consume_refresh (PortalStore       *self,
                                      const char        *refresh_hash,
                                      PortalAccountKind *kind,
                                      gint64            *account_id)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "UPDATE sessions SET revoked = 1"
                                                     " WHERE refresh_hash = ? AND revoked = 0 AND refresh_expires > ?"
                                                     " RETURNING account_kind, account_id",
                                                     NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_text (stmt, 1, refresh_hash);
  portal_stmt_bind_int (stmt, 2, portal_now ());
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *kind = (PortalAccountKind) sqlite3_column_int (stmt, 0);
      *account_id = sqlite3_column_int64 (stmt, 1);
      found = TRUE;
      /* Let the UPDATE finish before the statement is reset. */
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
    }
  return found;
}

gboolean
portal_store_session_revoke (PortalStore  *self,
                             gint64        session_id,
                             GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self, "UPDATE sessions SET revoked = 1 WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, session_id);
  return portal_store_step_done (self, stmt, error);
}

/* Sign-in throttling */

guint
portal_store_sign_in_failures (PortalStore *self,
                               const char  *email_hash,
                               gint64       since,
                               gint64      *oldest)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT count(*), min(at) FROM sign_in_failures"
                                                     " WHERE email_hash = ? AND at > ?",
                                                     NULL);

  *oldest = 0;
  if (stmt == NULL)
    return 0;
  portal_stmt_bind_text (stmt, 1, email_hash);
  portal_stmt_bind_int (stmt, 2, since);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *oldest = sqlite3_column_int64 (stmt, 1);
  return (guint) sqlite3_column_int (stmt, 0);
}

void
portal_store_sign_in_failure_add (PortalStore *self,
                                  const char  *email_hash)
{
  g_autoptr(PortalStmt) prune = portal_store_prepare (self, "DELETE FROM sign_in_failures WHERE at < ?", NULL);
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "INSERT INTO sign_in_failures (email_hash, at) VALUES (?, ?)",
                                                     NULL);

  if (prune != NULL)
    {
      portal_stmt_bind_int (prune, 1, portal_now () - 86400);
      portal_store_step_done (self, prune, NULL);
    }
  if (stmt == NULL)
    return;
  portal_stmt_bind_text (stmt, 1, email_hash);
  portal_stmt_bind_int (stmt, 2, portal_now ());
  portal_store_step_done (self, stmt, NULL);
}

void
portal_store_sign_in_failures_clear (PortalStore *self,
                                     const char  *email_hash)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self, "DELETE FROM sign_in_failures WHERE email_hash = ?", NULL);

  if (stmt == NULL)
    return;
  portal_stmt_bind_text (stmt, 1, email_hash);
  portal_store_step_done (self, stmt, NULL);
}

/* Idempotency keys */

gboolean
portal_store_idempotency_get (PortalStore       *self,
                              PortalAccountKind  kind,
                              gint64             account_id,
                              const char        *key,
                              char             **request_hash,
                              guint             *status,
                              char             **content_type,
                              GBytes           **body)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT request_hash, status, content_type, body"
                                                     " FROM idempotency_keys"
                                                     " WHERE account_kind = ? AND account_id = ? AND key = ?"
                                                     " AND created_at > ?",
                                                     NULL);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, kind);
  portal_stmt_bind_int (stmt, 2, account_id);
  portal_stmt_bind_text (stmt, 3, key);
  portal_stmt_bind_int (stmt, 4, portal_now () - 86400);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *request_hash = portal_stmt_dup_text (stmt, 0);
  *status = (guint) sqlite3_column_int (stmt, 1);
  *content_type = portal_stmt_dup_text (stmt, 2);
  *body = g_bytes_new (sqlite3_column_blob (stmt, 3), (gsize) sqlite3_column_bytes (stmt, 3));
  return TRUE;
}

void
portal_store_idempotency_put (PortalStore       *self,
                              PortalAccountKind  kind,
                              gint64             account_id,
                              const char        *key,
                              const char        *request_hash,
                              guint              status,
                              const char        *content_type,
                              GBytes            *body)
{
  g_autoptr(PortalStmt) prune = portal_store_prepare (self, "DELETE FROM idempotency_keys WHERE created_at <= ?", NULL);
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "INSERT OR REPLACE INTO idempotency_keys (account_kind, account_id,"
                                                     " key, request_hash, status, content_type, body, created_at)"
                                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                                     NULL);
  gsize size = 0;
  gconstpointer data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (prune != NULL)
    {
      portal_stmt_bind_int (prune, 1, portal_now () - 86400);
      portal_store_step_done (self, prune, NULL);
    }
  if (stmt == NULL)
    return;
  portal_stmt_bind_int (stmt, 1, kind);
  portal_stmt_bind_int (stmt, 2, account_id);
  portal_stmt_bind_text (stmt, 3, key);
  portal_stmt_bind_text (stmt, 4, request_hash);
  portal_stmt_bind_int (stmt, 5, status);
  portal_stmt_bind_text (stmt, 6, content_type);
  sqlite3_bind_blob (stmt, 7, data != NULL ? data : "", (int) size, SQLITE_TRANSIENT);
  portal_stmt_bind_int (stmt, 8, portal_now ());
  portal_store_step_done (self, stmt, NULL);
}

/* Quotas and the view log */

static gint64
start_of_today (void)
{
  gint64 now = portal_now ();

  return now - now % 86400;
}

guint
portal_store_cv_views_today (PortalStore *self,
                             gint64       organisation_id)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT count(*) FROM cv_views"
                                                     " WHERE organisation_id = ? AND viewed_at >= ?",
                                                     NULL);

  if (stmt == NULL)
    return 0;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, start_of_today ());
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int (stmt, 0);
}

gboolean
portal_store_cv_view_log (PortalStore  *self,
                          gint64        organisation_id,
                          gint64        cv_id,
                          GError      **error)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "INSERT INTO cv_views (organisation_id, cv_id, viewed_at)"
                                                     " VALUES (?, ?, ?)",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, cv_id);
  portal_stmt_bind_int (stmt, 3, portal_now ());
  return portal_store_step_done (self, stmt, error);
}

JsonObject *
portal_store_cv_views_for_cv (PortalStore  *self,
                                     gint64        cv_id,
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
  stmt = portal_store_prepare (self,
                               "SELECT v.id, v.viewed_at, o.name FROM cv_views v"
                               " JOIN organisations o ON o.id = v.organisation_id"
                               " WHERE v.cv_id = ?"
                               " AND v.id < ? ORDER BY v.id DESC LIMIT ?",
                               error);
  count = portal_store_prepare (self,
                                "SELECT count(*) FROM cv_views WHERE cv_id = ?",
                                error);
  if (stmt == NULL || count == NULL)
    return NULL;
  portal_stmt_bind_int (stmt, 1, cv_id);
  portal_stmt_bind_int (stmt, 2, after);
  portal_stmt_bind_int (stmt, 3, limit + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *item;

      if (++n > limit)
        {
          next = portal_cursor_encode (last_id, 0);
          break;
        }
      last_id = sqlite3_column_int64 (stmt, 0);
      item = json_object_new ();
      portal_json_set_column_text (item, "organisation_name", stmt, 2);
      portal_json_set_timestamp (item, "viewed_at", sqlite3_column_int64 (stmt, 1));
      json_array_add_object_element (items, item);
    }
  portal_stmt_bind_int (count, 1, cv_id);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      portal_store_fail (self, error);
      return NULL;
    }
  return portal_json_list_new (items, next, sqlite3_column_int64 (count, 0));
}

guint
portal_store_new_contacts_today (PortalStore *self,
                                 gint64       organisation_id)
{
  g_autoptr(PortalStmt) stmt = portal_store_prepare (self,
                                                     "SELECT count(*) FROM threads"
                                                     " WHERE organisation_id = ? AND created_at >= ?",
                                                     NULL);

  if (stmt == NULL)
    return 0;
  portal_stmt_bind_int (stmt, 1, organisation_id);
  portal_stmt_bind_int (stmt, 2, start_of_today ());
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int (stmt, 0);
}
