/* portal-server.c: SoupServer, routing, authentication and the access log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "portal-json.h"
#include "portal-request.h"
#include "portal-routes.h"
#include "portal-server.h"

typedef enum
{
  ACCESS_PUBLIC,        /* no token needed */
  ACCESS_ANY,           /* any signed-in account */
  ACCESS_ORGANISATION,  /* organisations only, others 403 forbidden */
  ACCESS_JOBSEEKER,     /* jobseekers only, others 403 forbidden */
} Access;

typedef struct
{
  const char      *method;
  const char      *pattern;  /* "{id}" and "{cv_id}" stand for positive integers */
  Access           access;
  PortalRouteFunc  func;
} Route;

static const Route routes[] = {
  { "GET", "/v1/health", ACCESS_PUBLIC, portal_route_health },
  { "POST", "/v1/organisations", ACCESS_PUBLIC, portal_route_organisation_create },
  { "GET", "/v1/organisations/me", ACCESS_ORGANISATION, portal_route_organisation_get },
  { "PATCH", "/v1/organisations/me", ACCESS_ORGANISATION, portal_route_organisation_patch },
  { "POST", "/v1/sessions", ACCESS_PUBLIC, portal_route_session_create },
  { "POST", "/v1/sessions/refresh", ACCESS_PUBLIC, portal_route_session_refresh },
  { "DELETE", "/v1/sessions/current", ACCESS_ANY, portal_route_session_delete },
  { "GET", "/v1/vacancies", ACCESS_ORGANISATION, portal_route_vacancy_list },
  { "POST", "/v1/vacancies", ACCESS_ORGANISATION, portal_route_vacancy_create },
  { "GET", "/v1/vacancies/{id}", ACCESS_ORGANISATION, portal_route_vacancy_get },
  { "PATCH", "/v1/vacancies/{id}", ACCESS_ORGANISATION, portal_route_vacancy_patch },
  { "DELETE", "/v1/vacancies/{id}", ACCESS_ORGANISATION, portal_route_vacancy_delete },
  { "POST", "/v1/vacancies/{id}/publish", ACCESS_ORGANISATION, portal_route_vacancy_publish },
  { "POST", "/v1/vacancies/{id}/close", ACCESS_ORGANISATION, portal_route_vacancy_close },
  { "POST", "/v1/vacancies/{id}/renew", ACCESS_ORGANISATION, portal_route_vacancy_renew },
  { "GET", "/v1/vacancies/{id}/matches", ACCESS_ORGANISATION, portal_route_vacancy_matches },
  { "GET", "/v1/vacancies/{id}/shortlist", ACCESS_ORGANISATION, portal_route_shortlist_list },
  { "PUT", "/v1/vacancies/{id}/shortlist/{cv_id}", ACCESS_ORGANISATION, portal_route_shortlist_put },
  { "DELETE", "/v1/vacancies/{id}/shortlist/{cv_id}", ACCESS_ORGANISATION, portal_route_shortlist_delete },
  { "GET", "/v1/cvs", ACCESS_ORGANISATION, portal_route_cv_search },
  { "GET", "/v1/cvs/{id}", ACCESS_ORGANISATION, portal_route_cv_get },
  { "GET", "/v1/quota", ACCESS_ORGANISATION, portal_route_quota },
  { "GET", "/v1/threads", ACCESS_ANY, portal_route_thread_list },
  { "POST", "/v1/threads", ACCESS_ORGANISATION, portal_route_thread_create },
  { "GET", "/v1/threads/{id}", ACCESS_ANY, portal_route_thread_get },
  { "GET", "/v1/threads/{id}/messages", ACCESS_ANY, portal_route_message_list },
  { "POST", "/v1/threads/{id}/messages", ACCESS_ANY, portal_route_message_create },
  { "POST", "/v1/threads/{id}/read", ACCESS_ANY, portal_route_thread_read },
  { "POST", "/v1/threads/{id}/reveal", ACCESS_JOBSEEKER, portal_route_thread_reveal },
  { "GET", "/v1/me/cv", ACCESS_JOBSEEKER, portal_route_own_cv_get },
  { "PATCH", "/v1/me/cv", ACCESS_JOBSEEKER, portal_route_own_cv_patch },
  { "POST", "/v1/me/cv/renew", ACCESS_JOBSEEKER, portal_route_own_cv_renew },
  { "GET", "/v1/me/cv/views", ACCESS_JOBSEEKER, portal_route_own_cv_views },
};

/* What the access log needs, kept on the message from its first byte. */
typedef struct
{
  gint64      started;     /* monotonic µs */
  char        request_id[33];
  const char *pattern;     /* the route, never the raw path: ids and queries stay out of the log */
  PortalAccountKind kind;
} LogInfo;

struct _PortalServer
{
  GObject              parent_instance;

  SoupServer          *soup;
  PortalStore         *store;
  PortalEvents        *events;
  PortalServerOptions  options;
};

G_DEFINE_FINAL_TYPE (PortalServer, portal_server, G_TYPE_OBJECT)

static LogInfo *
log_info (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "portal-log");
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  LogInfo *info = g_new0 (LogInfo, 1);
  guint32 random[4];

  info->started = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (random); i++)
    random[i] = g_random_int ();
  g_snprintf (info->request_id, sizeof info->request_id, "%08x%08x%08x%08x",
              random[0], random[1], random[2], random[3]);
  g_object_set_data_full (G_OBJECT (msg), "portal-log", info, g_free);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Request-Id", info->request_id);
}

static void
request_finished_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  LogInfo *info = log_info (msg);
  g_autofree char *at = NULL;

  if (info == NULL)
    return;
  at = portal_format_timestamp (portal_now ());
  /* One JSON line per request; no e-mail, token, id or query string. */
  fprintf (stderr,
           "{\"at\":\"%s\",\"request_id\":\"%s\",\"method\":\"%s\",\"route\":\"%s\","
           "\"status\":%u,\"account\":\"%s\",\"duration_us\":%" G_GINT64_FORMAT "}\n",
           at, info->request_id, soup_server_message_get_method (msg),
           info->pattern != NULL ? info->pattern : "-",
           soup_server_message_get_status (msg),
           portal_account_kind_to_string (info->kind),
           g_get_monotonic_time () - info->started);
}

/* Matches @path against @pattern, returning the {id} and {cv_id} (0 when
 * the pattern has none, -1 when that segment is not a positive integer). */
static gboolean
route_matches (const char *pattern,
               const char *path,
               gint64     *id,
               gint64     *sub_id)
{
  g_auto(GStrv) want = g_strsplit (pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);
  guint n = g_strv_length (want);

  *id = 0;
  *sub_id = 0;
  if (g_strv_length (have) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gboolean is_id = g_str_equal (want[i], "{id}");

      if (is_id || g_str_equal (want[i], "{cv_id}"))
        {
          guint64 value;
          gint64 *out = is_id ? id : sub_id;

          if (!g_ascii_string_to_unsigned (have[i], 10, 1, G_MAXINT64, &value, NULL))
            *out = -1;
          else
            *out = (gint64) value;
        }
      else if (!g_str_equal (want[i], have[i]))
        return FALSE;
    }
  return TRUE;
}

static const char *
bearer_token (SoupServerMessage *msg,
              GHashTable        *query)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");

  if (header != NULL && g_ascii_strncasecmp (header, "Bearer ", 7) == 0)
    return header + 7;
  if (query != NULL)
    return g_hash_table_lookup (query, "access_token");
  return NULL;
}

static gboolean
authenticate (PortalServer      *self,
              const char        *token,
              PortalAccountKind *kind,
              gint64            *account_id,
              gint64            *session_id)
{
  g_autofree char *hash = NULL;

  if (token == NULL || *token == '\0' || strlen (token) > 256)
    return FALSE;
  hash = portal_auth_hash_token (token);
  return portal_store_session_lookup (self->store, hash, kind, account_id, session_id);
}

static gboolean
idempotency_key_valid (const char *key)
{
  gsize len = strlen (key);

  if (len < 1 || len > 128)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (key[i] < 0x20 || key[i] > 0x7e)
      return FALSE;
  return TRUE;
}

static char *
request_fingerprint (SoupServerMessage *msg,
                     const char        *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  g_checksum_update (sum, (const guchar *) soup_server_message_get_method (msg), -1);
  g_checksum_update (sum, (const guchar *) " ", 1);
  g_checksum_update (sum, (const guchar *) path, -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  g_checksum_update (sum, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  return g_strdup (g_checksum_get_string (sum));
}

/* TRUE when a stored answer was replayed. */
static gboolean
idempotency_replay (PortalRequest *request)
{
  g_autofree char *stored_hash = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  if (!portal_store_idempotency_get (portal_request_get_store (request), request->account_kind,
                                     request->account_id, request->idempotency_key,
                                     &stored_hash, &status, &content_type, &body))
    return FALSE;

  if (g_strcmp0 (stored_hash, request->request_hash) != 0)
    {
      /* Not a retry of the same request: refuse rather than guess. */
      g_clear_pointer (&request->idempotency_key, g_free);
      portal_request_reply_problem (request, PORTAL_ERROR_CONFLICT,
                                    "This Idempotency-Key was already used for a different request");
      return TRUE;
    }
  g_clear_pointer (&request->idempotency_key, g_free);
  portal_request_set_header (request, "Idempotent-Replayed", "true");
  portal_request_reply_raw (request, status, content_type, body);
  return TRUE;
}

static void
dispatch (PortalServer      *self,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query)
{
  g_autoptr(PortalRequest) request = portal_request_new (self, msg, query);
  const char *method = soup_server_message_get_method (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *key;
  const Route *route = NULL;
  gboolean path_known = FALSE;
  LogInfo *info = log_info (msg);
  gint64 id = 0, sub_id = 0;

  if (body->length > PORTAL_MAX_BODY)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_PAYLOAD_TOO_LARGE,
                                    "Request bodies may be at most 64 KiB");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!route_matches (routes[i].pattern, path, &id, &sub_id))
        continue;
      path_known = TRUE;
      if (g_str_equal (routes[i].method, method))
        {
          route = &routes[i];
          break;
        }
    }
  if (route == NULL)
    {
      /* The document lists no 405; an unknown method on a known path is
       * answered like an unknown path, naming the methods that exist. */
      if (path_known)
        {
          g_autoptr(GString) allow = g_string_new (NULL);

          for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
            if (route_matches (routes[i].pattern, path, &id, &sub_id))
              g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", routes[i].method);
          portal_request_set_header (request, "Allow", allow->str);
          portal_request_reply_problem (request, PORTAL_ERROR_NOT_FOUND,
                                        "This method is not available on this resource");
        }
      else
        portal_request_reply_problem (request, PORTAL_ERROR_NOT_FOUND, "There is no such resource");
      return;
    }
  if (info != NULL)
    info->pattern = route->pattern;

  if (route->access != ACCESS_PUBLIC)
    {
      if (!authenticate (self, bearer_token (msg, NULL), &request->account_kind,
                         &request->account_id, &request->session_id))
        {
          portal_request_reply_problem (request, PORTAL_ERROR_UNAUTHENTICATED,
                                        "A valid access token is required");
          return;
        }
      if (info != NULL)
        info->kind = request->account_kind;
      if ((route->access == ACCESS_ORGANISATION && request->account_kind != PORTAL_ACCOUNT_ORGANISATION) ||
          (route->access == ACCESS_JOBSEEKER && request->account_kind != PORTAL_ACCOUNT_JOBSEEKER))
        {
          portal_request_reply_problem (request, PORTAL_ERROR_FORBIDDEN,
                                        route->access == ACCESS_JOBSEEKER
                                          ? "Only the jobseeker can do this"
                                          : "Only an organisation can do this");
          return;
        }
    }

  if (id < 0 || sub_id < 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_BAD_REQUEST, "The id must be a positive integer");
      return;
    }
  request->id = id;
  request->sub_id = sub_id;

  key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Idempotency-Key");
  if (key != NULL && g_str_equal (method, "POST"))
    {
      if (!idempotency_key_valid (key))
        {
          portal_request_reply_problem (request, PORTAL_ERROR_BAD_REQUEST,
                                        "Idempotency-Key must be 1 to 128 printable ASCII characters");
          return;
        }
      /* Keys are kept per account; a public POST has none to scope them to. */
      if (request->account_kind != PORTAL_ACCOUNT_NONE)
        {
          request->idempotency_key = g_strdup (key);
          request->request_hash = request_fingerprint (msg, path);
          if (idempotency_replay (request))
            return;
        }
    }

  route->func (request);
  if (!request->replied && !request->paused)
    portal_request_reply_problem (request, PORTAL_ERROR_INTERNAL, NULL);
}

static void
server_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  dispatch (PORTAL_SERVER (user_data), msg, path, query);
}

/* A chunked body announces no length: once it is over the limit, stop
 * keeping it (dispatch answers 413 from the length read so far). */
static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length > PORTAL_MAX_BODY)
    soup_message_body_set_accumulate (body, FALSE);
}

/* Refuses an announced oversized body before it is read. */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > PORTAL_MAX_BODY)
    {
      portal_message_reply_problem (msg, PORTAL_ERROR_PAYLOAD_TOO_LARGE,
                                    "Request bodies may be at most 64 KiB");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      /* Without "Expect: 100-continue" libsoup still reads the announced
       * body before answering: drop it as it comes instead of keeping
       * gigabytes in memory. */
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
  else
    g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

/* Authenticates the events upgrade; a status set here stops the handshake. */
static void
events_early_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  PortalServer *self = user_data;
  PortalAccountKind kind;
  gint64 account_id, session_id;
  LogInfo *info = log_info (msg);

  if (info != NULL)
    info->pattern = "/v1/events";
  if (!g_str_equal (path, "/v1/events"))
    {
      portal_message_reply_problem (msg, PORTAL_ERROR_NOT_FOUND, "There is no such resource");
      return;
    }
  if (!authenticate (self, bearer_token (msg, query), &kind, &account_id, &session_id))
    {
      portal_message_reply_problem (msg, PORTAL_ERROR_UNAUTHENTICATED, "A valid access token is required");
      return;
    }
  if (info != NULL)
    info->kind = kind;
  g_object_set_data (G_OBJECT (msg), "portal-account-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (msg), "portal-account-id", g_memdup2 (&account_id, sizeof account_id), g_free);
  g_object_set_data_full (G_OBJECT (msg), "portal-session-id", g_memdup2 (&session_id, sizeof session_id), g_free);
}

static void
events_cb (SoupServer              *soup,
           SoupServerMessage       *msg,
           const char              *path,
           SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  PortalServer *self = user_data;
  PortalAccountKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (msg), "portal-account-kind"));
  gint64 *account_id = g_object_get_data (G_OBJECT (msg), "portal-account-id");
  gint64 *session_id = g_object_get_data (G_OBJECT (msg), "portal-session-id");

  if (account_id == NULL || session_id == NULL)
    {
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
      return;
    }
  portal_events_add_connection (self->events, connection, kind, *account_id, *session_id);
}

static void
portal_server_dispose (GObject *object)
{
  PortalServer *self = (PortalServer *) object;

  if (self->events != NULL)
    portal_events_close_all (self->events);
  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      g_signal_handlers_disconnect_by_data (self->soup, self);
    }
  g_clear_object (&self->soup);
  g_clear_object (&self->events);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (portal_server_parent_class)->dispose (object);
}

static void
portal_server_class_init (PortalServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = portal_server_dispose;
}

static void
portal_server_init (PortalServer *self)
{
}

PortalServer *
portal_server_new (PortalStore               *store,
                   const PortalServerOptions *options)
{
  PortalServer *self = g_object_new (PORTAL_TYPE_SERVER, NULL);

  self->store = g_object_ref (store);
  self->options = *options;
  self->events = portal_events_new ();
  return self;
}

gboolean
portal_server_listen (PortalServer     *self,
                      const char       *address,
                      guint             port,
                      GTlsCertificate  *certificate,
                      GError          **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address", address);
      return FALSE;
    }
  self->soup = soup_server_new ("server-header", "werving-portal/" PACKAGE_VERSION " ",
                                "tls-certificate", certificate,
                                NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, server_cb, self, NULL);
  soup_server_add_early_handler (self->soup, "/v1/events", events_early_cb, self, NULL);
  soup_server_add_websocket_handler (self->soup, "/v1/events", NULL, NULL, events_cb, self, NULL);

  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  return soup_server_listen (self->soup, socket_address,
                             certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, error);
}

char *
portal_server_get_uri (PortalServer *self)
{
  /* Read the listening socket directly: soup_server_get_uris() in libsoup
   * 3.2 leaks the socket address it asks for. */
  GSList *listeners = soup_server_get_listeners (self->soup);
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *host = NULL;
  GInetSocketAddress *inet;

  if (listeners == NULL)
    return NULL;
  address = g_socket_get_local_address (listeners->data, NULL);
  g_slist_free (listeners);
  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;
  inet = G_INET_SOCKET_ADDRESS (address);
  host = g_inet_address_to_string (g_inet_socket_address_get_address (inet));
  return g_strdup_printf ("%s://%s%s%s:%u/", soup_server_is_https (self->soup) ? "https" : "http",
                          strchr (host, ':') != NULL ? "[" : "", host, strchr (host, ':') != NULL ? "]" : "",
                          g_inet_socket_address_get_port (inet));
}

void
portal_server_disconnect (PortalServer *self)
{
  portal_events_close_all (self->events);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

PortalStore *
portal_server_get_store (PortalServer *self)
{
  return self->store;
}

PortalEvents *
portal_server_get_events (PortalServer *self)
{
  return self->events;
}

const PortalServerOptions *
portal_server_get_options (PortalServer *self)
{
  return &self->options;
}
