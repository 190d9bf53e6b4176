/* werving-client.c: the API client of one account at one portal
 *
 * One SoupSession per account. Every call goes through call_async: it adds
 * the bearer token, reads the body with a size bound, maps problem documents
 * to WERVING_ERRORs and, on a 401, refreshes the tokens once (shared by all
 * calls that hit the 401 together) and retries once.
 *
 * Headers are never logged: they carry bearer tokens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-client-private.h"
#include "werving-error-private.h"
#include "werving-json-private.h"

#define READ_CHUNK (64 * 1024)
#define IDLE_TIMEOUT 60

struct _WervingClient
{
  GObject         parent_instance;

  char           *base_url;     /* scheme://host[:port][/path], no trailing '/' */
  SoupSession    *session;
  WervingSession *auth;
  guint           token_generation;
  WervingQuota   *quota;
  GHashTable     *trusted;      /* host -> sha256 hex */

  gboolean        reachable;
  gboolean        refreshing;
  GPtrArray      *refresh_waiters; /* of GTask */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (WervingClient, werving_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_SESSION,
  PROP_SIGNED_IN,
  PROP_QUOTA,
  PROP_REACHABLE,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  SIGNED_OUT,
  REQUEST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  char                 *method;
  char                 *path;
  GBytes               *body;
  char                 *idempotency_key;
  WervingRequestFlags   flags;
  WervingParseFunc      parse;
  GType                 item_type;
  WervingItemParseFunc  item_parse;

  guint                 generation;
  gboolean              retried;
  SoupMessage          *message;
  GInputStream         *stream;
  GByteArray           *buffer;
} Call;

static void
call_free (Call *call)
{
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->idempotency_key);
  g_clear_object (&call->message);
  g_clear_object (&call->stream);
  g_clear_pointer (&call->buffer, g_byte_array_unref);
  g_free (call);
}

static void send_call (GTask *task);

/* Whether the last request reached the portal: a network-level failure says
 * no, any HTTP answer says yes. */
static void
set_reachable (WervingClient *self,
               gboolean       reachable)
{
  if (self->reachable == reachable)
    return;
  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}

static void
set_session (WervingClient  *self,
             WervingSession *session)
{
  gboolean was_signed_in = self->auth != NULL;

  if (self->auth == session)
    return;

  g_set_object (&self->auth, session);
  self->token_generation++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  if (was_signed_in != (session != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

static void
werving_client_dispose (GObject *object)
{
  WervingClient *self = WERVING_CLIENT (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (werving_client_parent_class)->dispose (object);
}

static void
werving_client_finalize (GObject *object)
{
  WervingClient *self = WERVING_CLIENT (object);

  g_free (self->base_url);
  g_clear_object (&self->session);
  g_clear_object (&self->auth);
  g_clear_object (&self->quota);
  g_clear_pointer (&self->trusted, g_hash_table_unref);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (werving_client_parent_class)->finalize (object);
}

static void
werving_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WervingClient *self = WERVING_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->auth);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->auth != NULL);
      break;
    case PROP_QUOTA:
      g_value_set_object (value, self->quota);
      break;
    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_client_class_init (WervingClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = werving_client_dispose;
  object_class->finalize = werving_client_finalize;
  object_class->get_property = werving_client_get_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * WervingClient:session:
   *
   * The current tokens; changes on sign-in, on every refresh (store the new
   * refresh token then) and on sign-out.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, WERVING_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUOTA] =
    g_param_spec_object ("quota", NULL, NULL, WERVING_TYPE_QUOTA,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * WervingClient:reachable:
   *
   * FALSE after a request failed at the network level (no connection, DNS,
   * timeout, connection dropped: WERVING_ERROR_NETWORK), TRUE again as soon
   * as any request gets an HTTP answer. Starts TRUE.
   */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WervingClient::session-expired:
   *
   * The refresh token was refused: the user must sign in again.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WervingClient::signed-out:
   *
   * The user signed out: whatever was kept for this account must go.
   */
  signals[SIGNED_OUT] =
    g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WervingClient::request:
   * @method: the HTTP method
   * @path: the path and query below the base URL
   *
   * Emitted for every HTTP request sent (diagnostics and tests).
   */
  signals[REQUEST] =
    g_signal_new ("request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
werving_client_init (WervingClient *self)
{
  self->reachable = TRUE;
  self->quota = werving_quota_new ();
  self->trusted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", "Werving/" PACKAGE_VERSION,
                                /* Built from g_get_language_names (). */
                                "accept-language-auto", TRUE,
                                /* A desktop user waits 30 s at most for a stalled
                                 * portal; idle connections go after a minute.
                                 */
                                "timeout", WERVING_CLIENT_TIMEOUT,
                                "idle-timeout", IDLE_TIMEOUT,
                                NULL);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

WervingClient *
werving_client_new (const char  *base_url,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(WervingClient) self = NULL;
  const char *scheme;
  const char *host;
  g_autofree char *path = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_INSECURE_URL,
                   "Not a portal address: %s", local_error->message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 &&
       !(g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host))))
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_INSECURE_URL,
                   "The portal address must use https (plain http only for loopback): %s",
                   base_url);
      return NULL;
    }

  path = g_strdup (g_uri_get_path (uri));
  while (*path != '\0' && path[strlen (path) - 1] == '/')
    path[strlen (path) - 1] = '\0';

  self = g_object_new (WERVING_TYPE_CLIENT, NULL);
  {
    g_autoptr(GUri) root = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL,
                                        host, g_uri_get_port (uri), path, NULL, NULL);
    self->base_url = g_uri_to_string (root);
  }

  return g_steal_pointer (&self);
}

const char *
werving_client_get_base_url (WervingClient *self)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * werving_client_get_session:
 *
 * Returns: (transfer none) (nullable): the current session
 */
WervingSession *
werving_client_get_session (WervingClient *self)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), NULL);

  return self->auth;
}

gboolean
werving_client_get_signed_in (WervingClient *self)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), FALSE);

  return self->auth != NULL;
}

gboolean
werving_client_get_reachable (WervingClient *self)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), FALSE);

  return self->reachable;
}

/**
 * werving_client_get_quota:
 *
 * Returns: (transfer none): the quota object; its values are -1 until known
 */
WervingQuota *
werving_client_get_quota (WervingClient *self)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), NULL);

  return self->quota;
}

SoupSession *
werving_client_get_soup_session (WervingClient *self)
{
  return self->session;
}

void
werving_client_set_timeout (WervingClient *self,
                            guint          seconds)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));

  g_object_set (self->session, "timeout", seconds, NULL);
}

guint
werving_client_get_token_generation (WervingClient *self)
{
  return self->token_generation;
}

GUri *
werving_client_build_uri (WervingClient *self,
                          const char    *path,
                          gboolean       websocket)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);

  if (websocket)
    {
      g_autofree char *ws = NULL;

      if (g_str_has_prefix (url, "https:"))
        ws = g_strconcat ("wss:", url + strlen ("https:"), NULL);
      else
        ws = g_strconcat ("ws:", url + strlen ("http:"), NULL);
      return g_uri_parse (ws, G_URI_FLAGS_ENCODED, NULL);
    }

  return g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
}

guint
werving_client_authorize (WervingClient *self,
                          SoupMessage   *message)
{
  /* The API has no redirects, and a redirect may lead to another host:
   * whether libsoup drops the Authorization header there depends on its
   * version (CVE-2025-46421), and an answer from another host is not the
   * portal's anyway. A 3xx is an error of its own.
   */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  if (self->auth != NULL)
    {
      g_autofree char *value =
        g_strconcat ("Bearer ", werving_session_get_access_token (self->auth), NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", value);
    }
  return self->token_generation;
}

/* TLS */

char *
werving_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}

void
werving_client_set_trusted_certificate (WervingClient *self,
                                        const char    *host,
                                        const char    *sha256_hex)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (host != NULL);

  if (sha256_hex == NULL)
    g_hash_table_remove (self->trusted, host);
  else
    g_hash_table_insert (self->trusted, g_ascii_strdown (host, -1), g_ascii_strdown (sha256_hex, -1));
}

static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       WervingClient        *self)
{
  g_autofree char *fingerprint = werving_certificate_fingerprint (certificate);
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (soup_message_get_uri (message)), -1);
  const char *trusted = g_hash_table_lookup (self->trusted, host);

  g_object_set_data_full (G_OBJECT (message), "werving-peer-fingerprint",
                          g_strdup (fingerprint), g_free);

  /* Only the exact certificate the user chose to trust; never all. */
  return trusted != NULL && fingerprint != NULL && g_str_equal (trusted, fingerprint);
}

void
werving_client_watch_certificate (WervingClient *self,
                                  SoupMessage   *message)
{
  g_signal_connect_object (message, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);
}

const char *
werving_message_peer_fingerprint (SoupMessage *message)
{
  return g_object_get_data (G_OBJECT (message), "werving-peer-fingerprint");
}

/* Quota headers */

static gboolean
header_int (SoupMessageHeaders *headers,
            const char         *name,
            gint64             *out)
{
  const char *value = soup_message_headers_get_one (headers, name);

  return value != NULL && g_ascii_string_to_signed (value, 10, 0, G_MAXINT32, out, NULL);
}

static void
update_quota_from_headers (WervingClient      *self,
                           SoupMessageHeaders *headers)
{
  gint64 limit, remaining, reset;
  g_autoptr(WervingQuota) update = NULL;

  if (!header_int (headers, "X-Quota-Limit", &limit) ||
      !header_int (headers, "X-Quota-Remaining", &remaining))
    return;

  /* Start from the current values so new-contacts stays as it was. */
  update = werving_quota_new ();
  werving_quota_update (update, self->quota);
  g_object_set (update,
                "cv-views-limit", limit,
                "cv-views-remaining", remaining,
                "cv-views-used", MAX (limit - remaining, 0),
                NULL);
  if (header_int (headers, "X-Quota-Reset", &reset))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) resets_at = g_date_time_add_seconds (now, (double) reset);

      g_object_set (update, "cv-views-resets-at", resets_at, NULL);
    }
  werving_quota_update (self->quota, update);
}

/* Refresh */

static void
refresh_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WervingClient *self = WERVING_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(GPtrArray) waiters = NULL;

  session = werving_client_call_finish (self, result, refresh_done, &error);
  self->refreshing = FALSE;

  if (session != NULL)
    {
      set_session (self, session);
    }
  else if (g_error_matches (error, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED) ||
           g_error_matches (error, WERVING_ERROR, WERVING_ERROR_BAD_REQUEST))
    {
      set_session (self, NULL);
      g_signal_emit (self, signals[SESSION_EXPIRED], 0);
    }

  waiters = g_steal_pointer (&self->refresh_waiters);
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error == NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

void
werving_client_refresh_async (WervingClient       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_task_set_source_tag (task, werving_client_refresh_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->auth == NULL)
    {
      g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED,
                               "Not signed in");
      return;
    }

  g_ptr_array_add (self->refresh_waiters, g_steal_pointer (&task));
  if (self->refreshing)
    return;

  self->refreshing = TRUE;
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, werving_session_get_refresh_token (self->auth));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* Not the caller's cancellable: other calls wait on this refresh too. */
  werving_client_call_async (self, "POST", "/v1/sessions/refresh", body, NULL,
                             WERVING_REQUEST_NONE,
                             (WervingParseFunc) werving_session_new_from_json, G_TYPE_INVALID, NULL,
                             refresh_done, self->cancellable, refresh_done, NULL);
}

gboolean
werving_client_refresh_finish (WervingClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The call machinery */

static void
return_transport_error (GTask        *task,
                        const GError *error)
{
  Call *call = g_task_get_task_data (task);
  const char *fingerprint = call->message ? werving_message_peer_fingerprint (call->message) : NULL;
  GError *mapped = werving_error_new_from_transport (error, fingerprint);

  if (g_error_matches (mapped, WERVING_ERROR, WERVING_ERROR_NETWORK))
    set_reachable (g_task_get_source_object (task), FALSE);
  g_task_return_error (task, mapped);
}

static void
retry_after_refresh (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!werving_client_refresh_finish (WERVING_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_call (g_steal_pointer (&task));
}

static void
finish_call (GTask *task)
{
  WervingClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  guint status = soup_message_get_status (call->message);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  update_quota_from_headers (self, headers);

  if (status == SOUP_STATUS_UNAUTHORIZED && (call->flags & WERVING_REQUEST_AUTH) &&
      !(call->flags & WERVING_REQUEST_NO_RETRY) && !call->retried)
    {
      call->retried = TRUE;
      g_clear_pointer (&call->buffer, g_byte_array_unref);

      /* Someone refreshed while this call was on its way: just retry. */
      if (call->generation != self->token_generation && self->auth != NULL)
        send_call (g_object_ref (task));
      else
        werving_client_refresh_async (self, g_task_get_cancellable (task),
                                      retry_after_refresh, g_object_ref (task));
      return;
    }

  if (call->buffer->len > 0)
    node = werving_json_parse ((const char *) call->buffer->data, call->buffer->len, &error);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, werving_error_new_from_problem (status, node,
                                                                 soup_message_headers_get_one (headers, "Retry-After")));
      return;
    }

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->parse == NULL && call->item_parse == NULL)
    {
      g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
      return;
    }

  if (node == NULL)
    {
      g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_PARSE, "Empty answer");
      return;
    }

  {
    gpointer object;

    if (call->item_parse != NULL)
      object = werving_page_new_from_json (node, call->item_type, call->item_parse, &error);
    else
      object = call->parse (node, &error);

    if (object == NULL)
      g_task_return_error (task, g_steal_pointer (&error));
    else
      g_task_return_pointer (task, object, g_object_unref);
  }
}

/* libsoup 3.2 ends the body stream quietly when the connection closes
 * before Content-Length bytes came: a cut-off answer could parse as a
 * complete one. (With a Content-Encoding the length is the encoded one.)
 */
static gboolean
body_cut_short (Call *call)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  guint status = soup_message_get_status (call->message);

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0) ||
      status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_NOT_MODIFIED ||
      g_str_equal (call->method, "HEAD"))
    return FALSE;

  return (goffset) call->buffer->len < soup_message_headers_get_content_length (headers);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      return_transport_error (task, error);
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      g_input_stream_close (call->stream, NULL, NULL);
      if (body_cut_short (call))
        {
          set_reachable (g_task_get_source_object (task), FALSE);
          g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_NETWORK,
                                   "The connection closed after %u of %" G_GOFFSET_FORMAT " bytes",
                                   call->buffer->len,
                                   soup_message_headers_get_content_length (soup_message_get_response_headers (call->message)));
          return;
        }
      finish_call (task);
      return;
    }

  if (call->buffer->len + g_bytes_get_size (bytes) > WERVING_JSON_MAX_BYTES)
    {
      g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_PARSE,
                               "Answer larger than %d bytes", WERVING_JSON_MAX_BYTES);
      return;
    }

  g_byte_array_append (call->buffer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Not inline: argument order is unspecified, and g_steal_pointer() may
   * run first and leave g_task_get_cancellable() a NULL task. */
  cancellable = g_task_get_cancellable (task);
  g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, on_read, g_steal_pointer (&task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;
  goffset length;

  g_clear_object (&call->stream);
  call->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (call->stream == NULL)
    {
      return_transport_error (task, error);
      return;
    }
  set_reachable (g_task_get_source_object (task), TRUE);

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->message));
  if (length > WERVING_JSON_MAX_BYTES)
    {
      g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_PARSE,
                               "Answer larger than %d bytes", WERVING_JSON_MAX_BYTES);
      return;
    }

  call->buffer = g_byte_array_new ();
  cancellable = g_task_get_cancellable (task);
  g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, on_read, g_steal_pointer (&task));
}

static void
send_call (GTask *task)
{
  WervingClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GUri) uri = werving_client_build_uri (self, call->path, FALSE);
  SoupMessageHeaders *headers;

  if (uri == NULL)
    {
      g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_BAD_REQUEST,
                               "Malformed request path");
      g_object_unref (task);
      return;
    }

  if ((call->flags & WERVING_REQUEST_AUTH) && self->auth == NULL)
    {
      g_task_return_new_error (task, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED,
                               "Not signed in");
      g_object_unref (task);
      return;
    }

  g_clear_object (&call->message);
  g_clear_object (&call->stream);
  call->message = soup_message_new_from_uri (call->method, uri);
  headers = soup_message_get_request_headers (call->message);
  soup_message_headers_replace (headers, "Accept", "application/json, application/problem+json");
  if (call->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", call->idempotency_key);
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json", call->body);
  /* Sign-in and refresh carry the password or the refresh token in the
   * body, which a 307/308 would send on to wherever it points.
   */
  soup_message_add_flags (call->message, SOUP_MESSAGE_NO_REDIRECT);
  if (call->flags & WERVING_REQUEST_AUTH)
    call->generation = werving_client_authorize (self, call->message);
  werving_client_watch_certificate (self, call->message);

  g_debug ("%s %s", call->method, call->path);
  g_signal_emit (self, signals[REQUEST], 0, call->method, call->path);

  soup_session_send_async (self->session, call->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), on_sent, task);
}

void
werving_client_call_async (WervingClient        *self,
                           const char           *method,
                           const char           *path,
                           JsonNode             *body,
                           const char           *idempotency_key,
                           WervingRequestFlags   flags,
                           WervingParseFunc      parse,
                           GType                 item_type,
                           WervingItemParseFunc  item_parse,
                           gpointer              source_tag,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* Cancellation comes back from libsoup and is mapped to WERVING_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);

  call = g_new0 (Call, 1);
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->idempotency_key = g_strdup (idempotency_key);
  call->flags = flags;
  call->parse = parse;
  call->item_type = item_type;
  call->item_parse = item_parse;
  if (body != NULL)
    {
      g_autofree char *json = werving_json_to_string (body);
      gsize len = strlen (json);

      call->body = g_bytes_new_take (g_steal_pointer (&json), len);
    }
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  send_call (task);
}

gpointer
werving_client_call_finish (WervingClient  *self,
                            GAsyncResult   *result,
                            gpointer        source_tag,
                            GError        **error)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sessions */

static void
sign_in_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WervingClient *self = WERVING_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingSession) session = NULL;

  session = werving_client_call_finish (self, result, g_task_get_source_tag (task), &error);
  if (session == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_session (self, session);
  g_task_return_pointer (task, g_steal_pointer (&session), g_object_unref);
}

static void
start_session (WervingClient       *self,
               const char          *path,
               JsonNode            *body,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  werving_client_call_async (self, "POST", path, body, NULL, WERVING_REQUEST_NONE,
                             (WervingParseFunc) werving_session_new_from_json, G_TYPE_INVALID, NULL,
                             source_tag, cancellable, sign_in_done, task);
}

static JsonNode *
object_node (const char *name1,
             const char *value1,
             const char *name2,
             const char *value2)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name1);
  json_builder_add_string_value (builder, value1);
  if (name2 != NULL)
    {
      json_builder_set_member_name (builder, name2);
      json_builder_add_string_value (builder, value2);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
werving_client_sign_in_async (WervingClient       *self,
                              const char          *email,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (email != NULL && password != NULL);

  body = object_node ("email", email, "password", password);
  start_session (self, "/v1/sessions", body, werving_client_sign_in_async,
                 cancellable, callback, user_data);
}

/**
 * werving_client_sign_in_finish:
 *
 * Returns: (transfer full) (nullable): the new session, also kept by @self
 */
WervingSession *
werving_client_sign_in_finish (WervingClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
werving_client_resume_async (WervingClient       *self,
                             const char          *refresh_token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (WERVING_IS_CLIENT (self));
  g_return_if_fail (refresh_token != NULL);

  body = object_node ("refresh_token", refresh_token, NULL, NULL);
  start_session (self, "/v1/sessions/refresh", body, werving_client_resume_async,
                 cancellable, callback, user_data);
}

WervingSession *
werving_client_resume_finish (WervingClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sign_out_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  WervingClient *self = WERVING_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The portal may be unreachable or the token already dead: the local
   * sign-out happens regardless; the token expires on its own.
   */
  if (!werving_client_call_finish (self, result, werving_client_sign_out_async, &error))
    g_debug ("Revoking the session failed: %s", error->message);

  set_session (self, NULL);
  g_signal_emit (self, signals[SIGNED_OUT], 0);
  g_task_return_boolean (task, TRUE);
}

void
werving_client_sign_out_async (WervingClient       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WERVING_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, werving_client_sign_out_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->auth == NULL)
    {
      g_signal_emit (self, signals[SIGNED_OUT], 0);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* No refresh-and-retry: an expired token needs no revoking. */
  werving_client_call_async (self, "DELETE", "/v1/sessions/current", NULL, NULL,
                             WERVING_REQUEST_AUTH | WERVING_REQUEST_NO_RETRY, NULL, G_TYPE_INVALID, NULL,
                             werving_client_sign_out_async, cancellable, sign_out_done, task);
}

gboolean
werving_client_sign_out_finish (WervingClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
