/* werving-client.h: the API client of one account at one portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-cv.h"
#include "werving-cv-query.h"
#include "werving-error.h"
#include "werving-message.h"
#include "werving-organisation.h"
#include "werving-page.h"
#include "werving-quota.h"
#include "werving-session.h"
#include "werving-shortlist-entry.h"
#include "werving-thread.h"
#include "werving-vacancy.h"

G_BEGIN_DECLS

#define WERVING_TYPE_CLIENT (werving_client_get_type ())
G_DECLARE_FINAL_TYPE (WervingClient, werving_client, WERVING, CLIENT, GObject)

/* The network timeout of one request (seconds). */
#define WERVING_CLIENT_TIMEOUT 30

/**
 * werving_client_new:
 * @base_url: the portal, e.g. "https://portal.example/" (the API lives under
 *   its "/v1/"). Plain http is accepted only for loopback hosts.
 *
 * Returns: (transfer full) (nullable): a client without a session, or NULL
 * with WERVING_ERROR_INSECURE_URL
 */
WervingClient  *werving_client_new                  (const char     *base_url,
                                                     GError        **error);
const char     *werving_client_get_base_url         (WervingClient  *self);
WervingSession *werving_client_get_session          (WervingClient  *self);
gboolean        werving_client_get_signed_in        (WervingClient  *self);
/* FALSE since a request failed at the network level, until one gets an HTTP
 * answer again (the "reachable" property; notified on change). */
gboolean        werving_client_get_reachable        (WervingClient  *self);
/* Kept current from every CV answer's X-Quota-* headers and from get_quota. */
WervingQuota   *werving_client_get_quota            (WervingClient  *self);

/* Accepts a certificate the system does not trust for @host only if the
 * SHA-256 of its DER encoding is @sha256_hex (64 hex digits); NULL forgets.
 */
void            werving_client_set_trusted_certificate (WervingClient *self,
                                                        const char    *host,
                                                        const char    *sha256_hex);

/* Sessions */
void            werving_client_sign_in_async        (WervingClient        *self,
                                                     const char           *email,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
WervingSession *werving_client_sign_in_finish       (WervingClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Signs in again with a refresh token from the keyring. */
void            werving_client_resume_async         (WervingClient        *self,
                                                     const char           *refresh_token,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
WervingSession *werving_client_resume_finish        (WervingClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Revokes the session at the portal (best effort) and forgets it here. */
void            werving_client_sign_out_async       (WervingClient        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean        werving_client_sign_out_finish      (WervingClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Organisations */
void                 werving_client_register_organisation_async  (WervingClient        *self,
                                                                  WervingOrganisation  *organisation,
                                                                  const char           *password,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
WervingOrganisation *werving_client_register_organisation_finish (WervingClient        *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void                 werving_client_get_organisation_async       (WervingClient        *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
WervingOrganisation *werving_client_get_organisation_finish      (WervingClient        *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
/* Sends name, contact_name and phone. */
void                 werving_client_update_organisation_async    (WervingClient        *self,
                                                                  WervingOrganisation  *organisation,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
WervingOrganisation *werving_client_update_organisation_finish   (WervingClient        *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

/* Vacancies. @status may be NULL (all); @cursor NULL for the first page;
 * @limit 0 for the portal's default.
 */
void            werving_client_list_vacancies_async   (WervingClient        *self,
                                                       const char           *status,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingPage    *werving_client_list_vacancies_finish  (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* @idempotency_key: NULL for a fresh one */
void            werving_client_create_vacancy_async   (WervingClient        *self,
                                                       WervingVacancy       *vacancy,
                                                       const char           *idempotency_key,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingVacancy *werving_client_create_vacancy_finish  (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_get_vacancy_async      (WervingClient        *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingVacancy *werving_client_get_vacancy_finish     (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* PATCHes every writable member of @vacancy (its id names the vacancy). */
void            werving_client_update_vacancy_async   (WervingClient        *self,
                                                       WervingVacancy       *vacancy,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingVacancy *werving_client_update_vacancy_finish  (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_delete_vacancy_async   (WervingClient        *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean        werving_client_delete_vacancy_finish  (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_publish_vacancy_async  (WervingClient        *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingVacancy *werving_client_publish_vacancy_finish (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_close_vacancy_async    (WervingClient        *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingVacancy *werving_client_close_vacancy_finish   (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* @closing_date: YYYY-MM-DD */
void            werving_client_renew_vacancy_async    (WervingClient        *self,
                                                       gint64                id,
                                                       const char           *closing_date,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingVacancy *werving_client_renew_vacancy_finish   (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* CVs: pages of WervingCvSummary; a detail view counts against the quota. */
void            werving_client_search_cvs_async       (WervingClient        *self,
                                                       WervingCvQuery       *query,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingPage    *werving_client_search_cvs_finish      (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_list_matches_async     (WervingClient        *self,
                                                       gint64                vacancy_id,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingPage    *werving_client_list_matches_finish    (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_get_cv_async           (WervingClient        *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingCv      *werving_client_get_cv_finish          (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* Also updates the WervingClient:quota object. */
void            werving_client_get_quota_async        (WervingClient        *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingQuota   *werving_client_get_quota_finish       (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* Every page of a list, following next_cursor to the last page (at most
 * 20,000 items). werving_client_list_all_finish() returns (transfer full)
 * the items in the portal's order: WervingVacancy, WervingThread,
 * WervingMessage or WervingShortlistEntry.
 */
void            werving_client_list_all_vacancies_async (WervingClient        *self,
                                                         const char           *status,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void            werving_client_list_all_threads_async (WervingClient        *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void            werving_client_list_all_messages_async (WervingClient        *self,
                                                        gint64                thread_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
void            werving_client_list_all_shortlist_async (WervingClient        *self,
                                                         gint64                vacancy_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GPtrArray      *werving_client_list_all_finish        (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* Threads and messages */
void            werving_client_list_threads_async     (WervingClient        *self,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingPage    *werving_client_list_threads_finish    (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_create_thread_async    (WervingClient        *self,
                                                       gint64                vacancy_id,
                                                       gint64                cv_id,
                                                       const char           *body,
                                                       const char           *idempotency_key,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingThread  *werving_client_create_thread_finish   (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_get_thread_async       (WervingClient        *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingThread  *werving_client_get_thread_finish      (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_list_messages_async    (WervingClient        *self,
                                                       gint64                thread_id,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingPage    *werving_client_list_messages_finish   (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_send_message_async     (WervingClient        *self,
                                                       gint64                thread_id,
                                                       const char           *body,
                                                       const char           *idempotency_key,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingMessage *werving_client_send_message_finish    (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_mark_thread_read_async (WervingClient        *self,
                                                       gint64                thread_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean        werving_client_mark_thread_read_finish (WervingClient       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Shortlists: pages of WervingShortlistEntry for one of the organisation's
 * vacancies. Put adds (or updates) a CV with a stage; @note NULL keeps the
 * note the portal has. Listing is not a CV view. */
void            werving_client_list_shortlist_async   (WervingClient        *self,
                                                       gint64                vacancy_id,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingPage    *werving_client_list_shortlist_finish  (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            werving_client_put_shortlist_entry_async  (WervingClient        *self,
                                                           gint64                vacancy_id,
                                                           gint64                cv_id,
                                                           const char           *stage,
                                                           const char           *note,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
WervingShortlistEntry *werving_client_put_shortlist_entry_finish (WervingClient  *self,
                                                                  GAsyncResult   *result,
                                                                  GError        **error);
void            werving_client_delete_shortlist_entry_async  (WervingClient        *self,
                                                              gint64                vacancy_id,
                                                              gint64                cv_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean        werving_client_delete_shortlist_entry_finish (WervingClient        *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

/* Jobseeker side */
void            werving_client_get_my_cv_async        (WervingClient        *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WervingCv      *werving_client_get_my_cv_finish       (WervingClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* @visibility: "hidden", "anonymous" or "open" */
void            werving_client_set_my_cv_visibility_async  (WervingClient        *self,
                                                            const char           *visibility,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
WervingCv      *werving_client_set_my_cv_visibility_finish (WervingClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
