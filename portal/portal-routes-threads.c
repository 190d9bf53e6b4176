/* portal-routes-threads.c: threads and messages (R2, R3, R8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-json.h"
#include "portal-routes.h"
#include "portal-store-cvs.h"

#define MESSAGE_MAX 5000

static void
notify_side (PortalRequest     *request,
             PortalAccountKind  kind,
             gint64             account_id,
             gint64             thread_id,
             JsonObject        *message)
{
  PortalEvents *events = portal_server_get_events (request->server);
  g_autoptr(JsonObject) thread = NULL;
  g_autoptr(JsonObject) updated = NULL;

  if (account_id <= 0)
    return;
  if (message != NULL)
    {
      g_autoptr(JsonObject) created = json_object_new ();

      json_object_set_string_member (created, "type", "message.created");
      json_object_set_int_member (created, "thread_id", thread_id);
      json_object_set_object_member (created, "message", json_object_ref (message));
      portal_events_send (events, kind, account_id, created);
    }
  thread = portal_store_thread_get (portal_request_get_store (request), kind, account_id, thread_id, NULL);
  if (thread == NULL)
    return;
  updated = json_object_new ();
  json_object_set_string_member (updated, "type", "thread.updated");
  json_object_set_object_member (updated, "thread", g_steal_pointer (&thread));
  portal_events_send (events, kind, account_id, updated);
}

void
portal_routes_notify_thread (PortalRequest *request,
                             gint64         thread_id,
                             JsonObject    *message)
{
  gint64 organisation_id, jobseeker_id, cv_id;
  gboolean active;

  if (!portal_store_thread_parties (portal_request_get_store (request), thread_id,
                                    &organisation_id, &jobseeker_id, &cv_id, &active))
    return;
  notify_side (request, PORTAL_ACCOUNT_ORGANISATION, organisation_id, thread_id, message);
  notify_side (request, PORTAL_ACCOUNT_JOBSEEKER, jobseeker_id, thread_id, message);
}

/* The thread's parties, or NOT_FOUND unless the caller is one of them. */
static gboolean
caller_is_party (PortalRequest  *request,
                 gint64          thread_id,
                 gint64         *cv_id,
                 gboolean       *vacancy_active,
                 GError        **error)
{
  gint64 organisation_id, jobseeker_id;

  if (!portal_store_thread_parties (portal_request_get_store (request), thread_id,
                                    &organisation_id, &jobseeker_id, cv_id, vacancy_active) ||
      (request->account_kind == PORTAL_ACCOUNT_ORGANISATION && organisation_id != request->account_id) ||
      (request->account_kind == PORTAL_ACCOUNT_JOBSEEKER && jobseeker_id != request->account_id))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_NOT_FOUND, "No such thread");
      return FALSE;
    }
  return TRUE;
}

/* The message body: a string of 1..5000 characters. */
static const char *
message_body (PortalRequest  *request,
              JsonArray      *errors,
              GError        **error)
{
  JsonObject *body = portal_request_get_body (request, error);
  const char *text;
  glong length;

  if (body == NULL || (text = portal_json_require_string (body, "body", errors, error)) == NULL)
    return NULL;
  length = g_utf8_strlen (text, -1);
  if (length < 1)
    portal_field_errors_add (errors, "body", "min", "A message cannot be empty");
  else if (length > MESSAGE_MAX)
    portal_field_errors_add (errors, "body", "max", "A message has at most 5000 characters");
  return text;
}

static void
reply_validation (PortalRequest *request,
                  JsonArray     *errors)
{
  g_autoptr(GError) error = g_error_new_literal (PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "The message is not valid");

  portal_request_reply_error (request, error, errors, NULL);
}

void
portal_route_thread_create (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  sqlite3 *db = portal_request_get_db (request);
  guint quota = portal_server_get_options (request->server)->contact_quota;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) vacancy = NULL;
  g_autoptr(JsonObject) message = NULL;
  g_autoptr(JsonObject) thread = NULL;
  g_autofree char *label = NULL;
  JsonObject *body;
  const char *text;
  gboolean has_vacancy, has_cv;
  gint64 vacancy_id, cv_id, thread_id;

  if ((body = portal_request_get_body (request, &error)) == NULL ||
      !portal_json_get_int (body, "vacancy_id", &has_vacancy, NULL, &vacancy_id, &error) ||
      !portal_json_get_int (body, "cv_id", &has_cv, NULL, &cv_id, &error) ||
      ((text = message_body (request, errors, &error)) == NULL && error != NULL))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (!has_vacancy)
    portal_field_errors_add (errors, "vacancy_id", "required", "Contact is always about one vacancy");
  if (!has_cv)
    portal_field_errors_add (errors, "cv_id", "required", "This field is required");
  if (json_array_get_length (errors) > 0)
    {
      reply_validation (request, errors);
      return;
    }

  /* R2: one of the organisation's own vacancies, and active. */
  vacancy = portal_store_vacancy_get (store, request->account_id, vacancy_id, &error);
  if (vacancy == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (!portal_routes_require_verified (request))
    return;
  if (g_strcmp0 (json_object_get_string_member (vacancy, "status"), "active") != 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_NO_ACTIVE_VACANCY,
                                    "Candidates can only be contacted about an active vacancy");
      return;
    }
  if (cv_id <= 0 || !portal_store_cvs_is_findable (db, cv_id))
    {
      portal_request_reply_problem (request, PORTAL_ERROR_NOT_FOUND, "No such CV");
      return;
    }
  if (portal_store_thread_find (store, vacancy_id, cv_id) != 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_CONFLICT,
                                    "There already is a thread with this candidate about this vacancy");
      return;
    }
  /* R3: new contacts per organisation per day are capped. */
  if (portal_store_new_contacts_today (store, request->account_id) >= quota)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "retry_after", portal_seconds_until_midnight ());
      json_object_set_string_member (extra, "quota", "new-contacts");
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_QUOTA_EXCEEDED,
                   "The organisation has contacted %u new candidates today, the daily maximum", quota);
      portal_request_reply_error (request, error, NULL, extra);
      return;
    }

  label = portal_cv_candidate_label (cv_id);
  if (!portal_store_begin (store, &error) ||
      (thread_id = portal_store_thread_create (store, request->account_id, vacancy_id, cv_id,
                                               portal_store_cvs_get_jobseeker_id (db, cv_id),
                                               label, &error)) == 0 ||
      (message = portal_store_message_add (store, thread_id, PORTAL_ACCOUNT_ORGANISATION, text, &error)) == NULL ||
      !portal_store_commit (store, &error) ||
      (thread = portal_store_thread_get (store, PORTAL_ACCOUNT_ORGANISATION, request->account_id,
                                         thread_id, &error)) == NULL)
    {
      portal_store_rollback (store);
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_request_reply_json (request, SOUP_STATUS_CREATED, thread);
  portal_routes_notify_thread (request, thread_id, message);
}

void
portal_route_thread_list (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) list = NULL;
  const char *cursor;
  guint limit;

  if (!portal_request_get_paging (request, &cursor, &limit, &error) ||
      (list = portal_store_thread_list (portal_request_get_store (request), request->account_kind,
                                        request->account_id, cursor, limit, &error)) == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, list);
}

void
portal_route_thread_get (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) thread = portal_store_thread_get (portal_request_get_store (request),
                                                          request->account_kind, request->account_id,
                                                          request->id, &error);

  if (thread == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, thread);
}

void
portal_route_message_list (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) list = NULL;
  const char *cursor;
  guint limit;
  gint64 cv_id;
  gboolean active;

  if (!caller_is_party (request, request->id, &cv_id, &active, &error) ||
      !portal_request_get_paging (request, &cursor, &limit, &error) ||
      (list = portal_store_message_list (portal_request_get_store (request), request->id,
                                         cursor, limit, &error)) == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, list);
}

void
portal_route_message_create (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) message = NULL;
  const char *text;
  gint64 cv_id;
  gboolean active;

  if (!caller_is_party (request, request->id, &cv_id, &active, &error) ||
      ((text = message_body (request, errors, &error)) == NULL && error != NULL))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (json_array_get_length (errors) > 0)
    {
      reply_validation (request, errors);
      return;
    }
  /* R2: the organisation writes only while the vacancy is active; the
   * candidate can always answer. */
  if (request->account_kind == PORTAL_ACCOUNT_ORGANISATION && !active)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_NO_ACTIVE_VACANCY,
                                    "The vacancy of this thread is no longer active");
      return;
    }
  message = portal_store_message_add (portal_request_get_store (request), request->id,
                                      request->account_kind, text, &error);
  if (message == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_request_reply_json (request, SOUP_STATUS_CREATED, message);
  portal_routes_notify_thread (request, request->id, message);
}

void
portal_route_thread_read (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 cv_id;
  gboolean active;

  if (!caller_is_party (request, request->id, &cv_id, &active, &error) ||
      !portal_store_thread_mark_read (portal_request_get_store (request), request->account_kind,
                                      request->id, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
  notify_side (request, request->account_kind, request->account_id, request->id, NULL);
}

void
portal_route_thread_reveal (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(JsonObject) contact = json_object_new ();
  g_autoptr(JsonObject) thread = NULL;
  const char *names[] = { "name", "email", "phone" };
  gint64 cv_id;
  gboolean active;

  if (!caller_is_party (request, request->id, &cv_id, &active, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  details = portal_store_cvs_contact_details (portal_request_get_db (request), cv_id);
  if (details == NULL)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_NOT_FOUND, "There is no CV behind this thread");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    json_object_set_string_member (contact, names[i],
                                   json_object_get_string_member_with_default (details, names[i], ""));
  if (!portal_store_thread_set_revealed (store, request->id, contact, &error) ||
      (thread = portal_store_thread_get (store, request->account_kind, request->account_id,
                                         request->id, &error)) == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_request_reply_json (request, SOUP_STATUS_OK, thread);
  portal_routes_notify_thread (request, request->id, NULL);
}
