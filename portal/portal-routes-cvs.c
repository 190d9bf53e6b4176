/* portal-routes-cvs.c: CV search and detail for organisations (R1, R4–R7)
 * and the jobseeker's own CV (R5, R7, R8). The CV data itself comes from
 * portal-store-cvs; this file adds the rules around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-json.h"
#include "portal-routes.h"
#include "portal-store-cvs.h"

static void
set_quota_headers (PortalRequest *request,
                   guint          used)
{
  guint limit = portal_server_get_options (request->server)->cv_view_quota;
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  g_autofree char *remaining = g_strdup_printf ("%u", used < limit ? limit - used : 0);
  g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, portal_seconds_until_midnight ());

  portal_request_set_header (request, "X-Quota-Limit", limit_text);
  portal_request_set_header (request, "X-Quota-Remaining", remaining);
  portal_request_set_header (request, "X-Quota-Reset", reset);
}

static void
reply_search (PortalRequest *request,
              PortalCvQuery *query,
              const char    *cursor,
              guint          limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = portal_store_cvs_search (portal_request_get_db (request), query,
                                                        cursor, limit, &error);

  if (page == NULL)
    {
      /* The store calls a bad cursor or limit a validation error; for the
       * client it is a malformed query. */
      if (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION))
        error->code = PORTAL_ERROR_BAD_REQUEST;
      portal_request_reply_error (request, error, NULL, NULL);
    }
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, page);
}

/* A bad cursor or limit is a malformed query (400) on every list, while the
 * search filters are validated field by field (422). */
static gboolean
only_paging_errors (JsonArray *errors)
{
  guint n = json_array_get_length (errors);

  for (guint i = 0; i < n; i++)
    {
      const char *field = json_object_get_string_member_with_default (json_array_get_object_element (errors, i),
                                                                      "field", "");

      if (g_strcmp0 (field, "cursor") != 0 && g_strcmp0 (field, "limit") != 0)
        return FALSE;
    }
  return n > 0;
}

/* portal_cv_query_new_from_params() removes values that are not UTF-8 from
 * the table it is given and g_free()s key and value separately, while the
 * table SoupServer hands a handler (soup_form_decode) keeps each value
 * inside its key's allocation: "?q=%FF" aborted the server in free(). The
 * store gets a copy of its own. */
static GHashTable *
copy_params (GHashTable *query)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

void
portal_route_cv_search (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(GHashTable) params = copy_params (request->query);
  g_autoptr(PortalCvQuery) query = NULL;
  const char *cursor;
  guint limit;

  set_quota_headers (request, portal_store_cv_views_today (portal_request_get_store (request),
                                                           request->account_id));
  if (!portal_routes_require_verified (request))
    return;
  /* Paging is checked here so that every list answers the same way. */
  if (!portal_request_get_paging (request, &cursor, &limit, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  query = portal_cv_query_new_from_params (params, errors, &error);
  if (query == NULL)
    {
      if (only_paging_errors (errors) && g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION))
        error->code = PORTAL_ERROR_BAD_REQUEST;
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  reply_search (request, query, portal_cv_query_get_cursor (query), portal_cv_query_get_limit (query));
}

void
portal_route_vacancy_matches (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) vacancy = NULL;
  g_autoptr(PortalCvQuery) query = NULL;
  const char *cursor;
  guint limit;

  vacancy = portal_store_vacancy_get (portal_request_get_store (request), request->account_id,
                                      request->id, &error);
  if (vacancy == NULL || !portal_request_get_paging (request, &cursor, &limit, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (!portal_routes_require_verified (request))
    return;
  query = portal_cv_query_new_for_vacancy (vacancy);
  reply_search (request, query, cursor, limit);
}

void
portal_route_cv_get (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  guint limit = portal_server_get_options (request->server)->cv_view_quota;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) cv = NULL;
  guint used = portal_store_cv_views_today (store, request->account_id);

  set_quota_headers (request, used);
  if (!portal_routes_require_verified (request))
    return;
  /* R4: past the daily cap no CV data leaves the server. */
  if (used >= limit)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "retry_after", portal_seconds_until_midnight ());
      json_object_set_string_member (extra, "quota", "cv-views");
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_QUOTA_EXCEEDED,
                   "The organisation has viewed %u CVs today, the daily maximum", limit);
      portal_request_reply_error (request, error, NULL, extra);
      return;
    }
  cv = portal_store_cvs_get_for_employer (portal_request_get_db (request), request->id, &error);
  /* R5: only a view that showed a CV is counted and logged. */
  if (cv == NULL || !portal_store_cv_view_log (store, request->account_id, request->id, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  set_quota_headers (request, used + 1);
  portal_request_reply_json (request, SOUP_STATUS_OK, cv);
}

static JsonObject *
quota_counter (guint limit,
               guint used)
{
  JsonObject *counter = json_object_new ();
  gint64 now = portal_now ();

  json_object_set_int_member (counter, "limit", limit);
  json_object_set_int_member (counter, "used", used);
  json_object_set_int_member (counter, "remaining", used < limit ? limit - used : 0);
  portal_json_set_timestamp (counter, "resets_at", now + portal_seconds_until_midnight ());
  return counter;
}

void
portal_route_quota (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  const PortalServerOptions *options = portal_server_get_options (request->server);
  g_autoptr(JsonObject) quota = json_object_new ();
  guint views = portal_store_cv_views_today (store, request->account_id);

  json_object_set_object_member (quota, "cv_views", quota_counter (options->cv_view_quota, views));
  json_object_set_object_member (quota, "new_contacts",
                                 quota_counter (options->contact_quota,
                                                portal_store_new_contacts_today (store, request->account_id)));
  set_quota_headers (request, views);
  portal_request_reply_json (request, SOUP_STATUS_OK, quota);
}

/* The jobseeker's own CV */

static void
reply_own_cv (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) cv = portal_store_cvs_get_for_owner (portal_request_get_db (request),
                                                             request->account_id, &error);

  if (cv == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, cv);
}

void
portal_route_own_cv_get (PortalRequest *request)
{
  reply_own_cv (request);
}

void
portal_route_own_cv_patch (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  JsonObject *body = portal_request_get_body (request, &error);
  const char *visibility = NULL;

  if (body == NULL ||
      ((visibility = portal_json_require_string (body, "visibility", errors, &error)) == NULL && error != NULL))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (visibility == NULL)
    {
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "visibility is required");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  if (!portal_store_cvs_set_visibility (portal_request_get_db (request), request->account_id, visibility, &error))
    {
      if (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION))
        portal_field_errors_add (errors, "visibility", "enum", "Must be “hidden”, “anonymous” or “open”");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  reply_own_cv (request);
}

void
portal_route_own_cv_renew (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!portal_store_cvs_renew (portal_request_get_db (request), request->account_id, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  reply_own_cv (request);
}

void
portal_route_own_cv_views (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) list = NULL;
  gint64 cv_id = portal_store_cvs_id_for_jobseeker (portal_request_get_db (request), request->account_id);
  const char *cursor;
  guint limit;

  if (cv_id == 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_NOT_FOUND, "You have no CV");
      return;
    }
  if (!portal_request_get_paging (request, &cursor, &limit, &error) ||
      (list = portal_store_cv_views_for_cv (portal_request_get_store (request), cv_id,
                                            cursor, limit, &error)) == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, list);
}
