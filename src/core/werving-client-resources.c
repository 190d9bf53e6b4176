/* werving-client-resources.c: one async pair per resource of the API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-client-private.h"

static void
append_param (GString    *path,
              const char *name,
              const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (path, strchr (path->str, '?') ? '&' : '?');
  g_string_append (path, name);
  g_string_append_c (path, '=');
  g_string_append_uri_escaped (path, value, NULL, FALSE);
}

static void
append_paging (GString    *path,
               const char *cursor,
               guint       limit)
{
  append_param (path, "cursor", cursor);
  if (limit > 0)
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%u", limit);
      append_param (path, "limit", buf);
    }
}

static char *
list_path (const char *base,
           const char *filter_name,
           const char *filter_value,
           const char *cursor,
           guint       limit)
{
  GString *path = g_string_new (base);

  if (filter_name != NULL)
    append_param (path, filter_name, filter_value);
  append_paging (path, cursor, limit);
  return g_string_free (path, FALSE);
}

G_GNUC_PRINTF (1, 0)
static char *
list_path_id (const char *format,
              gint64      id,
              const char *cursor,
              guint       limit)
{
  g_autofree char *base = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  base = g_strdup_printf (format, id);
#pragma GCC diagnostic pop
  return list_path (base, NULL, NULL, cursor, limit);
}

static char *
search_path (WervingCvQuery *query,
             const char     *cursor,
             guint           limit)
{
  g_autofree char *criteria = werving_cv_query_to_string (query);
  GString *path = g_string_new ("/v1/cvs");

  if (*criteria != '\0')
    g_string_append_printf (path, "?%s", criteria);
  append_paging (path, cursor, limit);
  return g_string_free (path, FALSE);
}

static JsonNode *
string_object (const char *name,
               const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
werving_client_get_organisation_async (WervingClient       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup ("/v1/organisations/me");
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_organisation_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_get_organisation_async, cancellable, callback, user_data);
}

WervingOrganisation *
werving_client_get_organisation_finish (WervingClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_get_organisation_async, error);
}

void
werving_client_list_vacancies_async (WervingClient       *self,
                                     const char          *status,
                                     const char          *cursor,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = list_path ("/v1/vacancies", "status", status, cursor, limit);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, WERVING_TYPE_VACANCY, (WervingItemParseFunc) werving_vacancy_new_from_json,
                             werving_client_list_vacancies_async, cancellable, callback, user_data);
}

WervingPage *
werving_client_list_vacancies_finish (WervingClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_list_vacancies_async, error);
}

void
werving_client_get_vacancy_async (WervingClient       *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, id);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_vacancy_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_get_vacancy_async, cancellable, callback, user_data);
}

WervingVacancy *
werving_client_get_vacancy_finish (WervingClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_get_vacancy_async, error);
}

void
werving_client_update_vacancy_async (WervingClient       *self,
                                     WervingVacancy      *vacancy,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) request_body = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (WERVING_IS_VACANCY (vacancy));

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, werving_vacancy_get_id (vacancy));
  request_body = werving_vacancy_to_json (vacancy);
  werving_client_call_async (self, "PATCH", path, request_body, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_vacancy_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_update_vacancy_async, cancellable, callback, user_data);
}

WervingVacancy *
werving_client_update_vacancy_finish (WervingClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_update_vacancy_async, error);
}

void
werving_client_delete_vacancy_async (WervingClient       *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, id);
  werving_client_call_async (self, "DELETE", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, G_TYPE_INVALID, NULL,
                             werving_client_delete_vacancy_async, cancellable, callback, user_data);
}

gboolean
werving_client_delete_vacancy_finish (WervingClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_delete_vacancy_async, error) != NULL;
}

void
werving_client_publish_vacancy_async (WervingClient       *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/publish", id);
  werving_client_call_async (self, "POST", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_vacancy_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_publish_vacancy_async, cancellable, callback, user_data);
}

WervingVacancy *
werving_client_publish_vacancy_finish (WervingClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_publish_vacancy_async, error);
}

void
werving_client_close_vacancy_async (WervingClient       *self,
                                    gint64               id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/close", id);
  werving_client_call_async (self, "POST", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_vacancy_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_close_vacancy_async, cancellable, callback, user_data);
}

WervingVacancy *
werving_client_close_vacancy_finish (WervingClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_close_vacancy_async, error);
}

void
werving_client_renew_vacancy_async (WervingClient       *self,
                                    gint64               id,
                                    const char          *closing_date,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) request_body = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (closing_date != NULL);

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/renew", id);
  request_body = string_object ("closing_date", closing_date);
  werving_client_call_async (self, "POST", path, request_body, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_vacancy_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_renew_vacancy_async, cancellable, callback, user_data);
}

WervingVacancy *
werving_client_renew_vacancy_finish (WervingClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_renew_vacancy_async, error);
}

void
werving_client_search_cvs_async (WervingClient       *self,
                                 WervingCvQuery      *query,
                                 const char          *cursor,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (WERVING_IS_CV_QUERY (query));

  path = search_path (query, cursor, limit);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, WERVING_TYPE_CV_SUMMARY, (WervingItemParseFunc) werving_cv_summary_new_from_json,
                             werving_client_search_cvs_async, cancellable, callback, user_data);
}

WervingPage *
werving_client_search_cvs_finish (WervingClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_search_cvs_async, error);
}

void
werving_client_list_matches_async (WervingClient       *self,
                                   gint64               vacancy_id,
                                   const char          *cursor,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = list_path_id ("/v1/vacancies/%" G_GINT64_FORMAT "/matches", vacancy_id, cursor, limit);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, WERVING_TYPE_CV_SUMMARY, (WervingItemParseFunc) werving_cv_summary_new_from_json,
                             werving_client_list_matches_async, cancellable, callback, user_data);
}

WervingPage *
werving_client_list_matches_finish (WervingClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_list_matches_async, error);
}

void
werving_client_get_cv_async (WervingClient       *self,
                             gint64               id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/cvs/%" G_GINT64_FORMAT, id);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_cv_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_get_cv_async, cancellable, callback, user_data);
}

WervingCv *
werving_client_get_cv_finish (WervingClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_get_cv_async, error);
}

void
werving_client_list_threads_async (WervingClient       *self,
                                   const char          *cursor,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = list_path ("/v1/threads", NULL, NULL, cursor, limit);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, WERVING_TYPE_THREAD, (WervingItemParseFunc) werving_thread_new_from_json,
                             werving_client_list_threads_async, cancellable, callback, user_data);
}

WervingPage *
werving_client_list_threads_finish (WervingClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_list_threads_async, error);
}

void
werving_client_get_thread_async (WervingClient       *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT, id);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_thread_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_get_thread_async, cancellable, callback, user_data);
}

WervingThread *
werving_client_get_thread_finish (WervingClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_get_thread_async, error);
}

void
werving_client_list_messages_async (WervingClient       *self,
                                    gint64               thread_id,
                                    const char          *cursor,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = list_path_id ("/v1/threads/%" G_GINT64_FORMAT "/messages", thread_id, cursor, limit);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, WERVING_TYPE_MESSAGE, (WervingItemParseFunc) werving_message_new_from_json,
                             werving_client_list_messages_async, cancellable, callback, user_data);
}

WervingPage *
werving_client_list_messages_finish (WervingClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_list_messages_async, error);
}

void
werving_client_send_message_async (WervingClient       *self,
                                   gint64               thread_id,
                                   const char          *body,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) request_body = NULL;
  /* A fresh key still makes the request safe to repeat after a refresh. */
  g_autofree char *key = idempotency_key ? NULL : g_uuid_string_random ();

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (body != NULL);

  path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT "/messages", thread_id);
  request_body = string_object ("body", body);
  werving_client_call_async (self, "POST", path, request_body, idempotency_key ? idempotency_key : key,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_message_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_send_message_async, cancellable, callback, user_data);
}

WervingMessage *
werving_client_send_message_finish (WervingClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_send_message_async, error);
}

void
werving_client_mark_thread_read_async (WervingClient       *self,
                                       gint64               thread_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT "/read", thread_id);
  werving_client_call_async (self, "POST", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, G_TYPE_INVALID, NULL,
                             werving_client_mark_thread_read_async, cancellable, callback, user_data);
}

gboolean
werving_client_mark_thread_read_finish (WervingClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_mark_thread_read_async, error) != NULL;
}

void
werving_client_get_my_cv_async (WervingClient       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup ("/v1/me/cv");
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_cv_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_get_my_cv_async, cancellable, callback, user_data);
}

WervingCv *
werving_client_get_my_cv_finish (WervingClient  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_get_my_cv_async, error);
}

void
werving_client_set_my_cv_visibility_async (WervingClient       *self,
                                           const char          *visibility,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) request_body = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (visibility != NULL);

  path = g_strdup ("/v1/me/cv");
  request_body = string_object ("visibility", visibility);
  werving_client_call_async (self, "PATCH", path, request_body, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_cv_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_set_my_cv_visibility_async, cancellable, callback, user_data);
}

WervingCv *
werving_client_set_my_cv_visibility_finish (WervingClient  *self,
                                            GAsyncResult   *result,
                                            GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_set_my_cv_visibility_async, error);
}

/* Calls whose body is more than one member */

static void
add_member_from (JsonBuilder *builder,
                 JsonObject  *object,
                 const char  *name)
{
  JsonNode *node = json_object_get_member (object, name);

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, json_node_copy (node));
  else
    json_builder_add_null_value (builder);
}

void
werving_client_register_organisation_async (WervingClient        *self,
                                            WervingOrganisation  *organisation,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autoptr(JsonNode) fields = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (WERVING_IS_ORGANISATION (organisation));
  g_return_if_fail (password != NULL);

  fields = werving_organisation_to_json (organisation);
  object = json_node_get_object (fields);
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, json_node_copy (value));
    }
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  werving_client_call_async (self, "POST", "/v1/organisations", body, NULL,
                             WERVING_REQUEST_NONE,
                             (WervingParseFunc) werving_organisation_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_register_organisation_async,
                             cancellable, callback, user_data);
}

WervingOrganisation *
werving_client_register_organisation_finish (WervingClient  *self,
                                             GAsyncResult   *result,
                                             GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_register_organisation_async, error);
}

void
werving_client_update_organisation_async (WervingClient        *self,
                                          WervingOrganisation  *organisation,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr(JsonNode) fields = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (WERVING_IS_ORGANISATION (organisation));

  fields = werving_organisation_to_json (organisation);
  object = json_node_get_object (fields);
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_member_from (builder, object, "name");
  add_member_from (builder, object, "contact_name");
  add_member_from (builder, object, "phone");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  werving_client_call_async (self, "PATCH", "/v1/organisations/me", body, NULL,
                             WERVING_REQUEST_AUTH,
                             (WervingParseFunc) werving_organisation_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_update_organisation_async,
                             cancellable, callback, user_data);
}

WervingOrganisation *
werving_client_update_organisation_finish (WervingClient  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_update_organisation_async, error);
}

void
werving_client_create_vacancy_async (WervingClient        *self,
                                     WervingVacancy       *vacancy,
                                     const char           *idempotency_key,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (WERVING_IS_VACANCY (vacancy));

  body = werving_vacancy_to_json (vacancy);
  key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  werving_client_call_async (self, "POST", "/v1/vacancies", body, key,
                             WERVING_REQUEST_AUTH,
                             (WervingParseFunc) werving_vacancy_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_create_vacancy_async,
                             cancellable, callback, user_data);
}

WervingVacancy *
werving_client_create_vacancy_finish (WervingClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_create_vacancy_async, error);
}

void
werving_client_create_thread_async (WervingClient        *self,
                                    gint64                vacancy_id,
                                    gint64                cv_id,
                                    const char           *body,
                                    const char           *idempotency_key,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) request_body = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (body != NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "vacancy_id");
  json_builder_add_int_value (builder, vacancy_id);
  json_builder_set_member_name (builder, "cv_id");
  json_builder_add_int_value (builder, cv_id);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  request_body = json_builder_get_root (builder);

  key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  werving_client_call_async (self, "POST", "/v1/threads", request_body, key,
                             WERVING_REQUEST_AUTH,
                             (WervingParseFunc) werving_thread_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_create_thread_async,
                             cancellable, callback, user_data);
}

WervingThread *
werving_client_create_thread_finish (WervingClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_create_thread_async, error);
}

void
werving_client_get_quota_async (WervingClient       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));

  werving_client_call_async (self, "GET", "/v1/quota", NULL, NULL, WERVING_REQUEST_AUTH,
                             (WervingParseFunc) werving_quota_new_from_json, G_TYPE_INVALID, NULL,
                             werving_client_get_quota_async, cancellable, callback, user_data);
}

WervingQuota *
werving_client_get_quota_finish (WervingClient  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  WervingQuota *quota = werving_client_call_finish (self, result, werving_client_get_quota_async, error);

  if (quota != NULL)
    werving_quota_update (werving_client_get_quota (self), quota);
  return quota;
}

void
werving_client_list_shortlist_async (WervingClient       *self,
                                     gint64               vacancy_id,
                                     const char          *cursor,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = list_path_id ("/v1/vacancies/%" G_GINT64_FORMAT "/shortlist", vacancy_id, cursor, limit);
  werving_client_call_async (self, "GET", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, WERVING_TYPE_SHORTLIST_ENTRY,
                             (WervingItemParseFunc) werving_shortlist_entry_new_from_json,
                             werving_client_list_shortlist_async, cancellable, callback, user_data);
}

WervingPage *
werving_client_list_shortlist_finish (WervingClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_list_shortlist_async, error);
}

void
werving_client_put_shortlist_entry_async (WervingClient       *self,
                                          gint64               vacancy_id,
                                          gint64               cv_id,
                                          const char          *stage,
                                          const char          *note,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (werving_shortlist_stage_is_valid (stage));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stage");
  json_builder_add_string_value (builder, stage);
  if (note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/shortlist/%" G_GINT64_FORMAT, vacancy_id, cv_id);
  /* PUT is idempotent by itself: no Idempotency-Key. */
  werving_client_call_async (self, "PUT", path, body, NULL,
                             WERVING_REQUEST_AUTH, (WervingParseFunc) werving_shortlist_entry_new_from_json,
                             G_TYPE_INVALID, NULL,
                             werving_client_put_shortlist_entry_async, cancellable, callback, user_data);
}

WervingShortlistEntry *
werving_client_put_shortlist_entry_finish (WervingClient  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_put_shortlist_entry_async, error);
}

void
werving_client_delete_shortlist_entry_async (WervingClient       *self,
                                             gint64               vacancy_id,
                                             gint64               cv_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/shortlist/%" G_GINT64_FORMAT, vacancy_id, cv_id);
  werving_client_call_async (self, "DELETE", path, NULL, NULL,
                             WERVING_REQUEST_AUTH, NULL, G_TYPE_INVALID, NULL,
                             werving_client_delete_shortlist_entry_async, cancellable, callback, user_data);
}

gboolean
werving_client_delete_shortlist_entry_finish (WervingClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error)
{
  return werving_client_call_finish (self, result, werving_client_delete_shortlist_entry_async, error) != NULL;
}
