/* portal-store-private.h: helpers shared by the portal-store*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "portal-store.h"

G_BEGIN_DECLS

/* A cached prepared statement; releasing resets it for the next user. */
typedef sqlite3_stmt PortalStmt;

void        portal_stmt_release     (PortalStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalStmt, portal_stmt_release)

/* Returns the cached statement for @sql (a string literal), or NULL with
 * PORTAL_ERROR_INTERNAL. */
PortalStmt *portal_store_prepare    (PortalStore  *self,
                                     const char   *sql,
                                     GError      **error);
/* Sets PORTAL_ERROR_INTERNAL with SQLite's message; logs the detail. */
gboolean    portal_store_fail       (PortalStore  *self,
                                     GError      **error);
/* sqlite3_step() expecting SQLITE_DONE. */
gboolean    portal_store_step_done  (PortalStore  *self,
                                     PortalStmt   *stmt,
                                     GError      **error);

void        portal_stmt_bind_text   (PortalStmt   *stmt,
                                     int           index,
                                     const char   *text);
void        portal_stmt_bind_int    (PortalStmt   *stmt,
                                     int           index,
                                     gint64        value);
/* Binds the member as text/integer, or NULL when absent or null. */
void        portal_stmt_bind_member_text (PortalStmt *stmt,
                                     int           index,
                                     JsonObject   *object,
                                     const char   *name);
void        portal_stmt_bind_member_int  (PortalStmt *stmt,
                                     int           index,
                                     JsonObject   *object,
                                     const char   *name);
/* Sets the member from a column, as null when the column is NULL. */
void        portal_json_set_column_text (JsonObject *object,
                                     const char   *name,
                                     PortalStmt   *stmt,
                                     int           column);
void        portal_json_set_column_int  (JsonObject *object,
                                     const char   *name,
                                     PortalStmt   *stmt,
                                     int           column);
char       *portal_stmt_dup_text    (PortalStmt   *stmt,
                                     int           column);

G_END_DECLS
