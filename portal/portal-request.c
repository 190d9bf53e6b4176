/* portal-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "portal-json.h"
#include "portal-request.h"

#define PROBLEM_BASE "https://werving.example/problems/"

PortalRequest *
portal_request_new (PortalServer      *server,
                    SoupServerMessage *msg,
                    GHashTable        *query)
{
  PortalRequest *self = g_rc_box_new0 (PortalRequest);

  self->server = server;
  self->msg = g_object_ref (msg);
  self->query = query != NULL ? g_hash_table_ref (query)
                              : g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

static void
portal_request_clear (PortalRequest *self)
{
  g_clear_object (&self->msg);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->body, json_object_unref);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->request_hash, g_free);
}

PortalRequest *
portal_request_ref (PortalRequest *self)
{
  return g_rc_box_acquire (self);
}

void
portal_request_unref (PortalRequest *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) portal_request_clear);
}

PortalStore *
portal_request_get_store (PortalRequest *self)
{
  return portal_server_get_store (self->server);
}

sqlite3 *
portal_request_get_db (PortalRequest *self)
{
  return portal_store_get_db (portal_server_get_store (self->server));
}

JsonObject *
portal_request_get_body (PortalRequest  *self,
                         GError        **error)
{
  SoupMessageBody *body;
  g_autoptr(GBytes) bytes = NULL;

  if (self->body != NULL)
    return self->body;
  body = soup_server_message_get_request_body (self->msg);
  bytes = soup_message_body_flatten (body);
  self->body = portal_json_parse_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  return self->body;
}

gboolean
portal_request_get_paging (PortalRequest  *self,
                           const char    **cursor,
                           guint          *limit,
                           GError        **error)
{
  const char *limit_text = g_hash_table_lookup (self->query, "limit");
  guint64 value = 20;

  *cursor = g_hash_table_lookup (self->query, "cursor");
  if (*cursor != NULL && (**cursor == '\0' || strlen (*cursor) > 512))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST, "The cursor is not valid");
      return FALSE;
    }
  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, 100, &value, NULL))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST, "limit must be an integer from 1 to 100");
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

void
portal_request_pause (PortalRequest *self)
{
  if (self->paused)
    return;
  self->paused = TRUE;
  portal_request_ref (self);
  soup_server_message_pause (self->msg);
}

void
portal_request_set_header (PortalRequest *self,
                           const char    *name,
                           const char    *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg), name, value);
}

static void
finish (PortalRequest *self,
        guint          status,
        const char    *content_type,
        GBytes        *body)
{
  if (self->replied)
    return;
  self->replied = TRUE;

  soup_server_message_set_status (self->msg, status, NULL);
  if (body != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (body, &size);

      soup_server_message_set_response (self->msg, content_type, SOUP_MEMORY_COPY, data, size);
    }

  /* A retry after a server fault or a quota should do the work again. */
  if (self->idempotency_key != NULL && self->account_kind != PORTAL_ACCOUNT_NONE &&
      status < 500 && status != 429)
    portal_store_idempotency_put (portal_request_get_store (self), self->account_kind,
                                  self->account_id, self->idempotency_key, self->request_hash,
                                  status, content_type != NULL ? content_type : "", body);

  if (self->paused)
    {
      self->paused = FALSE;
      soup_server_message_unpause (self->msg);
      portal_request_unref (self);
    }
}

static GBytes *
object_to_bytes (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  gsize length;
  char *text = json_to_string (node, FALSE);

  length = strlen (text);
  return g_bytes_new_take (text, length);
}

void
portal_request_reply_json (PortalRequest *self,
                           guint          status,
                           JsonObject    *object)
{
  g_autoptr(GBytes) bytes = object_to_bytes (object);

  finish (self, status, "application/json", bytes);
}

void
portal_request_reply_empty (PortalRequest *self,
                            guint          status)
{
  finish (self, status, NULL, NULL);
}

void
portal_request_reply_raw (PortalRequest *self,
                          guint          status,
                          const char    *content_type,
                          GBytes        *body)
{
  gboolean has_body = content_type != NULL && *content_type != '\0';

  finish (self, status, has_body ? content_type : NULL, has_body ? body : NULL);
}

static JsonObject *
problem_new (PortalErrorCode  code,
             const char      *detail,
             JsonArray       *field_errors,
             JsonObject      *extra)
{
  JsonObject *problem = json_object_new ();
  g_autofree char *type = g_strconcat (PROBLEM_BASE, portal_error_problem_name (code), NULL);

  json_object_set_string_member (problem, "type", type);
  json_object_set_string_member (problem, "title", portal_error_problem_title (code));
  json_object_set_int_member (problem, "status", portal_error_http_status (code));
  json_object_set_string_member (problem, "detail", detail != NULL ? detail : portal_error_problem_title (code));
  if (code == PORTAL_ERROR_VALIDATION)
    json_object_set_array_member (problem, "errors",
                                  field_errors != NULL ? json_array_ref (field_errors) : json_array_new ());
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &name, &node))
        json_object_set_member (problem, name, json_node_copy (node));
    }
  return problem;
}

void
portal_request_reply_error (PortalRequest *self,
                            const GError  *error,
                            JsonArray     *field_errors,
                            JsonObject    *extra)
{
  PortalErrorCode code = PORTAL_ERROR_INTERNAL;
  g_autoptr(JsonObject) problem = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *detail = NULL;

  if (error != NULL && error->domain == PORTAL_ERROR)
    {
      code = (PortalErrorCode) error->code;
      detail = error->message;
    }
  else if (error != NULL)
    g_message ("internal error: %s", error->message);

  if (code == PORTAL_ERROR_INTERNAL && error != NULL && error->domain == PORTAL_ERROR)
    g_message ("internal error: %s", error->message);
  if (code == PORTAL_ERROR_INTERNAL)
    detail = "Something went wrong on the server";  /* never leak internals */
  if (code == PORTAL_ERROR_UNAUTHENTICATED)
    portal_request_set_header (self, "WWW-Authenticate", "Bearer");
  if (extra != NULL && json_object_has_member (extra, "retry_after"))
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  json_object_get_int_member (extra, "retry_after"));

      portal_request_set_header (self, "Retry-After", seconds);
    }

  problem = problem_new (code, detail, field_errors, extra);
  bytes = object_to_bytes (problem);
  finish (self, portal_error_http_status (code), "application/problem+json", bytes);
}

void
portal_request_reply_problem (PortalRequest   *self,
                              PortalErrorCode  code,
                              const char      *detail)
{
  g_autoptr(GError) error = g_error_new_literal (PORTAL_ERROR, code,
                                                 detail != NULL ? detail : portal_error_problem_title (code));

  portal_request_reply_error (self, error, NULL, NULL);
}

void
portal_message_reply_problem (SoupServerMessage *msg,
                              PortalErrorCode    code,
                              const char        *detail)
{
  g_autoptr(JsonObject) problem = problem_new (code, detail, NULL, NULL);
  g_autoptr(GBytes) bytes = object_to_bytes (problem);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (code == PORTAL_ERROR_UNAUTHENTICATED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "WWW-Authenticate", "Bearer");
  soup_server_message_set_status (msg, portal_error_http_status (code), NULL);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_COPY, data, size);
}
