/* werving-events.c: live updates over the portal's events WebSocket
 *
 * libsoup 3.2 has no pong timeout, so a dead connection is found by the
 * heartbeat the portal promises: silence for heartbeat-timeout seconds means
 * close and reconnect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-client-private.h"
#include "werving-events.h"
#include "werving-json-private.h"

#define DEFAULT_HEARTBEAT_TIMEOUT 45
#define MAX_BACKOFF_MS (60 * 1000)
#define MAX_FRAME (1024 * 1024)

struct _WervingEvents
{
  GObject                  parent_instance;

  WervingClient           *client;
  SoupWebsocketConnection *connection;
  GCancellable            *cancellable;
  gboolean                 running;
  gboolean                 refreshing;
  guint                    heartbeat_timeout;
  guint                    heartbeat_source;
  guint                    reconnect_source;
  guint                    backoff_ms;
  guint                    initial_backoff_ms;
  gulong                   message_handler;
  gulong                   closed_handler;
};

G_DEFINE_FINAL_TYPE (WervingEvents, werving_events, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CONNECTED,
  PROP_HEARTBEAT_TIMEOUT,
  PROP_INITIAL_BACKOFF_MS,
  N_PROPS
};

enum {
  MESSAGE_CREATED,
  THREAD_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void connect_now (WervingEvents *self);

static void
drop_connection (WervingEvents *self)
{
  gboolean was_connected = self->connection != NULL;

  g_clear_handle_id (&self->heartbeat_source, g_source_remove);
  if (self->connection != NULL)
    {
      g_clear_signal_handler (&self->message_handler, self->connection);
      g_clear_signal_handler (&self->closed_handler, self->connection);
      if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&self->connection);
    }
  if (was_connected)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static gboolean
reconnect_timeout (gpointer user_data)
{
  WervingEvents *self = user_data;

  self->reconnect_source = 0;
  connect_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (WervingEvents *self)
{
  drop_connection (self);
  if (!self->running || self->reconnect_source != 0)
    return;

  self->backoff_ms = self->backoff_ms == 0 ? self->initial_backoff_ms
                                           : MIN (self->backoff_ms * 2, MAX_BACKOFF_MS);
  self->reconnect_source = g_timeout_add (self->backoff_ms, reconnect_timeout, self);
}

static gboolean
heartbeat_missed (gpointer user_data)
{
  WervingEvents *self = user_data;

  self->heartbeat_source = 0;
  g_debug ("No heartbeat for %u s: reconnecting", self->heartbeat_timeout);
  schedule_reconnect (self);
  return G_SOURCE_REMOVE;
}

static void
watch_heartbeat (WervingEvents *self)
{
  g_clear_handle_id (&self->heartbeat_source, g_source_remove);
  self->heartbeat_source = g_timeout_add_seconds (self->heartbeat_timeout, heartbeat_missed, self);
}

static void
handle_event (WervingEvents *self,
              JsonNode      *root)
{
  JsonObject *object;
  JsonNode *type, *member;
  const char *name;
  g_autoptr(GError) error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  type = json_object_get_member (object, "type");
  if (type == NULL || !JSON_NODE_HOLDS_VALUE (type) ||
      json_node_get_value_type (type) != G_TYPE_STRING)
    return;
  name = json_node_get_string (type);

  if (g_str_equal (name, "message.created") &&
      (member = json_object_get_member (object, "message")) != NULL)
    {
      g_autoptr(WervingMessage) message = werving_message_new_from_json (member, &error);

      if (message != NULL)
        g_signal_emit (self, signals[MESSAGE_CREATED], 0, message);
    }
  else if (g_str_equal (name, "thread.updated") &&
           (member = json_object_get_member (object, "thread")) != NULL)
    {
      g_autoptr(WervingThread) thread = werving_thread_new_from_json (member, &error);

      if (thread != NULL)
        g_signal_emit (self, signals[THREAD_UPDATED], 0, thread);
    }

  /* Unknown types (and heartbeats) only prove the line is alive. */
  if (error != NULL)
    g_debug ("Ignoring a malformed %s event: %s", name, error->message);
}

static void
on_message (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *bytes,
            WervingEvents           *self)
{
  g_autoptr(JsonNode) root = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  watch_heartbeat (self);
  self->backoff_ms = 0;

  if (type != SOUP_WEBSOCKET_DATA_TEXT || size > MAX_FRAME)
    return;
  root = werving_json_parse (data, size, NULL);
  if (root != NULL)
    handle_event (self, root);
}

static void
on_closed (SoupWebsocketConnection *connection,
           WervingEvents           *self)
{
  g_debug ("Events connection closed (%u)", soup_websocket_connection_get_close_code (connection));
  schedule_reconnect (self);
}

static void
refreshed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingEvents) self = user_data;
  g_autoptr(GError) error = NULL;

  self->refreshing = FALSE;
  if (werving_client_refresh_finish (WERVING_CLIENT (source), result, &error))
    connect_now (self);
  else if (!g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED) &&
           werving_client_get_signed_in (self->client))
    schedule_reconnect (self);
  /* Signed out: wait for notify::signed-in. */
}

static void
connected (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingEvents) self = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (connection == NULL)
    {
      /* Cancelled, or a refresh is under way and reconnects when done. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->refreshing)
        return;

      g_debug ("Events connection failed: %s", error->message);
      schedule_reconnect (self);
      return;
    }

  self->connection = connection;
  self->message_handler = g_signal_connect (connection, "message", G_CALLBACK (on_message), self);
  self->closed_handler = g_signal_connect (connection, "closed", G_CALLBACK (on_closed), self);
  soup_websocket_connection_set_max_incoming_payload_size (connection, MAX_FRAME);
  watch_heartbeat (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static void
on_handshake_status (SoupMessage   *message,
                     WervingEvents *self)
{
  /* An expired token: refresh once, then try again at once. */
  if (soup_message_get_status (message) == SOUP_STATUS_UNAUTHORIZED &&
      werving_client_get_token_generation (self->client) ==
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (message), "werving-generation")))
    {
      self->refreshing = TRUE;
      werving_client_refresh_async (self->client, self->cancellable, refreshed,
                                    g_object_ref (self));
    }
}

static void
connect_now (WervingEvents *self)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupMessage) message = NULL;
  guint generation;

  if (!self->running || self->connection != NULL || !werving_client_get_signed_in (self->client))
    return;

  uri = werving_client_build_uri (self->client, "/v1/events", TRUE);
  message = soup_message_new_from_uri ("GET", uri);
  generation = werving_client_authorize (self->client, message);
  g_object_set_data (G_OBJECT (message), "werving-generation", GUINT_TO_POINTER (generation));
  werving_client_watch_certificate (self->client, message);
  g_signal_connect_object (message, "got-headers", G_CALLBACK (on_handshake_status), self, 0);

  soup_session_websocket_connect_async (werving_client_get_soup_session (self->client), message,
                                        NULL, NULL, G_PRIORITY_DEFAULT, self->cancellable,
                                        connected, g_object_ref (self));
}

void
werving_events_start (WervingEvents *self)
{
  g_return_if_fail (WERVING_IS_EVENTS (self));

  if (self->running)
    return;
  self->running = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  connect_now (self);
}

void
werving_events_stop (WervingEvents *self)
{
  g_return_if_fail (WERVING_IS_EVENTS (self));

  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  self->backoff_ms = 0;
  drop_connection (self);
}

gboolean
werving_events_get_connected (WervingEvents *self)
{
  g_return_val_if_fail (WERVING_IS_EVENTS (self), FALSE);

  return self->connection != NULL;
}

static void
on_signed_in (WervingEvents *self)
{
  if (werving_client_get_signed_in (self->client))
    {
      self->backoff_ms = 0;
      connect_now (self);
    }
  else
    {
      drop_connection (self);
    }
}

static void
werving_events_constructed (GObject *object)
{
  WervingEvents *self = WERVING_EVENTS (object);

  G_OBJECT_CLASS (werving_events_parent_class)->constructed (object);

  g_signal_connect_object (self->client, "notify::signed-in", G_CALLBACK (on_signed_in),
                           self, G_CONNECT_SWAPPED);
}

static void
werving_events_dispose (GObject *object)
{
  WervingEvents *self = WERVING_EVENTS (object);

  werving_events_stop (self);

  G_OBJECT_CLASS (werving_events_parent_class)->dispose (object);
}

static void
werving_events_finalize (GObject *object)
{
  WervingEvents *self = WERVING_EVENTS (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (werving_events_parent_class)->finalize (object);
}

static void
werving_events_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WervingEvents *self = WERVING_EVENTS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connection != NULL);
      break;
    case PROP_HEARTBEAT_TIMEOUT:
      g_value_set_uint (value, self->heartbeat_timeout);
      break;
    case PROP_INITIAL_BACKOFF_MS:
      g_value_set_uint (value, self->initial_backoff_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_events_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WervingEvents *self = WERVING_EVENTS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_HEARTBEAT_TIMEOUT:
      self->heartbeat_timeout = g_value_get_uint (value);
      break;
    case PROP_INITIAL_BACKOFF_MS:
      self->initial_backoff_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_events_class_init (WervingEventsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = werving_events_constructed;
  object_class->dispose = werving_events_dispose;
  object_class->finalize = werving_events_finalize;
  object_class->get_property = werving_events_get_property;
  object_class->set_property = werving_events_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT, co);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HEARTBEAT_TIMEOUT] =
    g_param_spec_uint ("heartbeat-timeout", NULL, NULL, 1, 3600, DEFAULT_HEARTBEAT_TIMEOUT, co);
  properties[PROP_INITIAL_BACKOFF_MS] =
    g_param_spec_uint ("initial-backoff-ms", NULL, NULL, 1, MAX_BACKOFF_MS, 1000, co);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE_CREATED] =
    g_signal_new ("message-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, WERVING_TYPE_MESSAGE);
  signals[THREAD_UPDATED] =
    g_signal_new ("thread-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, WERVING_TYPE_THREAD);
}

static void
werving_events_init (WervingEvents *self)
{
  self->heartbeat_timeout = DEFAULT_HEARTBEAT_TIMEOUT;
  self->initial_backoff_ms = 1000;
  self->cancellable = g_cancellable_new ();
}

WervingEvents *
werving_events_new (WervingClient *client)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);

  return g_object_new (WERVING_TYPE_EVENTS, "client", client, NULL);
}
