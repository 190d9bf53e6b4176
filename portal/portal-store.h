/* portal-store.h: the portal's storage; every SQL statement lives behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "portal-auth.h"

G_BEGIN_DECLS

#define PORTAL_TYPE_STORE (portal_store_get_type ())
G_DECLARE_FINAL_TYPE (PortalStore, portal_store, PORTAL, STORE, GObject)

/* Opens (creating if needed) the SQLite database at @path in WAL mode and
 * migrates it to the current schema, the CV tables included. */
PortalStore *portal_store_open                 (const char        *path,
                                                GError           **error);
sqlite3     *portal_store_get_db               (PortalStore       *self);
/* TRUE when this open created the database (it had no schema before). */
gboolean     portal_store_is_new               (PortalStore       *self);
gboolean     portal_store_begin                (PortalStore       *self,
                                                GError           **error);
gboolean     portal_store_commit               (PortalStore       *self,
                                                GError           **error);
void         portal_store_rollback             (PortalStore       *self);

/* Organisations */
JsonObject  *portal_store_organisation_create  (PortalStore       *self,
                                                JsonObject        *fields,
                                                const char        *password_hash,
                                                GError           **error);
JsonObject  *portal_store_organisation_get     (PortalStore       *self,
                                                gint64             id,
                                                GError           **error);
/* Sets the members of @fields among name, contact_name and phone. */
gboolean     portal_store_organisation_update  (PortalStore       *self,
                                                gint64             id,
                                                JsonObject        *fields,
                                                GError           **error);
gboolean     portal_store_organisation_set_verification (PortalStore *self,
                                                const char        *email,
                                                const char        *verification,
                                                GError           **error);
/* "pending", "verified" or "blocked"; NULL if there is no such organisation. */
char        *portal_store_organisation_verification (PortalStore  *self,
                                                gint64             id);

/* Accounts: organisations and jobseekers share one e-mail namespace. */
gboolean     portal_store_account_find         (PortalStore       *self,
                                                const char        *email,
                                                PortalAccountKind *kind,
                                                gint64            *id,
                                                char             **password_hash);
char        *portal_store_account_email        (PortalStore       *self,
                                                PortalAccountKind  kind,
                                                gint64             id);
gint64       portal_store_jobseeker_create     (PortalStore       *self,
                                                const char        *email,
                                                const char        *name,
                                                const char        *password_hash,
                                                GError           **error);

/* Sessions: only SHA-256 hashes of the tokens are stored. */
gboolean     portal_store_session_create       (PortalStore       *self,
                                                PortalAccountKind  kind,
                                                gint64             account_id,
                                                const char        *access_hash,
                                                gint64             access_expires,
                                                const char        *refresh_hash,
                                                gint64             refresh_expires,
                                                GError           **error);
gboolean     portal_store_session_lookup       (PortalStore       *self,
                                                const char        *access_hash,
                                                PortalAccountKind *kind,
                                                gint64            *account_id,
                                                gint64            *session_id);
/* Revokes the session of a live @refresh_hash and tells whose it was;
 * FALSE when the refresh token is unknown, revoked or expired. */
gboolean     portal_store_session_consume_refresh (PortalStore    *self,
                                                const char        *refresh_hash,
                                                PortalAccountKind *kind,
                                                gint64            *account_id);
gboolean     portal_store_session_revoke       (PortalStore       *self,
                                                gint64             session_id,
                                                GError           **error);

/* Sign-in throttling, keyed by a hash of the lower-cased e-mail. */
guint        portal_store_sign_in_failures     (PortalStore       *self,
                                                const char        *email_hash,
                                                gint64             since,
                                                gint64            *oldest);
void         portal_store_sign_in_failure_add  (PortalStore       *self,
                                                const char        *email_hash);
void         portal_store_sign_in_failures_clear (PortalStore     *self,
                                                const char        *email_hash);

/* Idempotency keys, per account, kept 24 hours. */
gboolean     portal_store_idempotency_get      (PortalStore       *self,
                                                PortalAccountKind  kind,
                                                gint64             account_id,
                                                const char        *key,
                                                char             **request_hash,
                                                guint             *status,
                                                char             **content_type,
                                                GBytes           **body);
void         portal_store_idempotency_put      (PortalStore       *self,
                                                PortalAccountKind  kind,
                                                gint64             account_id,
                                                const char        *key,
                                                const char        *request_hash,
                                                guint              status,
                                                const char        *content_type,
                                                GBytes            *body);

/* Quotas (R3, R4) and the CV-view log (R5); days are UTC days. */
guint        portal_store_cv_views_today       (PortalStore       *self,
                                                gint64             organisation_id);
gboolean     portal_store_cv_view_log          (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             cv_id,
                                                GError           **error);
JsonObject  *portal_store_cv_views_for_cv      (PortalStore       *self,
                                                gint64             cv_id,
                                                const char        *cursor,
                                                guint              limit,
                                                GError           **error);
guint        portal_store_new_contacts_today   (PortalStore       *self,
                                                gint64             organisation_id);

/* Vacancies, always scoped to their organisation (another's is NOT_FOUND). */
JsonObject  *portal_store_vacancy_create       (PortalStore       *self,
                                                gint64             organisation_id,
                                                JsonObject        *vacancy,
                                                GError           **error);
JsonObject  *portal_store_vacancy_get          (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             id,
                                                GError           **error);
/* Writes every writable member of @vacancy back. */
JsonObject  *portal_store_vacancy_update       (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             id,
                                                JsonObject        *vacancy,
                                                GError           **error);
/* @state is "draft", "active" or "closed"; @closing_date NULL keeps it. */
JsonObject  *portal_store_vacancy_set_state    (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             id,
                                                const char        *state,
                                                const char        *closing_date,
                                                GError           **error);
gboolean     portal_store_vacancy_delete_draft (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             id,
                                                GError           **error);
JsonObject  *portal_store_vacancy_list         (PortalStore       *self,
                                                gint64             organisation_id,
                                                const char        *status,
                                                const char        *cursor,
                                                guint              limit,
                                                GError           **error);

/* Threads and messages. Threads are seen by their organisation and by the
 * jobseeker owning the CV; anyone else gets NOT_FOUND. */
gint64       portal_store_thread_find          (PortalStore       *self,
                                                gint64             vacancy_id,
                                                gint64             cv_id);
gint64       portal_store_thread_create        (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             vacancy_id,
                                                gint64             cv_id,
                                                gint64             jobseeker_id,
                                                const char        *candidate_label,
                                                GError           **error);
JsonObject  *portal_store_thread_get           (PortalStore       *self,
                                                PortalAccountKind  viewer_kind,
                                                gint64             viewer_id,
                                                gint64             thread_id,
                                                GError           **error);
gboolean     portal_store_thread_parties       (PortalStore       *self,
                                                gint64             thread_id,
                                                gint64            *organisation_id,
                                                gint64            *jobseeker_id,
                                                gint64            *cv_id,
                                                gboolean          *vacancy_active);
JsonObject  *portal_store_thread_list          (PortalStore       *self,
                                                PortalAccountKind  viewer_kind,
                                                gint64             viewer_id,
                                                const char        *cursor,
                                                guint              limit,
                                                GError           **error);
gboolean     portal_store_thread_mark_read     (PortalStore       *self,
                                                PortalAccountKind  viewer_kind,
                                                gint64             thread_id,
                                                GError           **error);
gboolean     portal_store_thread_set_revealed  (PortalStore       *self,
                                                gint64             thread_id,
                                                JsonObject        *contact,
                                                GError           **error);
JsonObject  *portal_store_message_add          (PortalStore       *self,
                                                gint64             thread_id,
                                                PortalAccountKind  sender,
                                                const char        *body,
                                                GError           **error);
JsonObject  *portal_store_message_list         (PortalStore       *self,
                                                gint64             thread_id,
                                                const char        *cursor,
                                                guint              limit,
                                                GError           **error);

/* Shortlists (portal-store-shortlist.c), one per vacancy, scoped to the
 * organisation. Entries carry the CV's anonymous summary, or "available":
 * false and a null summary once the CV is hidden or expired. */
gboolean     portal_shortlist_stage_is_valid   (const char        *stage);
JsonObject  *portal_store_shortlist_list       (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             vacancy_id,
                                                const char        *cursor,
                                                guint              limit,
                                                GError           **error);
/* Adds or updates the entry; @note NULL keeps the current note ("" for a
 * new entry). A new entry needs a findable CV, else NOT_FOUND. */
JsonObject  *portal_store_shortlist_put        (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             vacancy_id,
                                                gint64             cv_id,
                                                const char        *stage,
                                                const char        *note,
                                                gboolean          *created,
                                                GError           **error);
gboolean     portal_store_shortlist_delete     (PortalStore       *self,
                                                gint64             organisation_id,
                                                gint64             vacancy_id,
                                                gint64             cv_id,
                                                GError           **error);

G_END_DECLS
