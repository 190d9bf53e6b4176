/* portal-events.c
 *
 * One process holds its own connections. A portal running several processes
 * would fan events out through the database (PostgreSQL LISTEN/NOTIFY) and
 * call portal_events_send() in each process; nothing here assumes a single
 * process beyond that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-events.h"
#include "portal-json.h"

typedef struct
{
  SoupWebsocketConnection *connection;
  PortalAccountKind        kind;
  gint64                   account_id;
  gint64                   session_id;
  gulong                   closed_id;
} Listener;

struct _PortalEvents
{
  GObject    parent_instance;

  GPtrArray *listeners;  /* Listener */
  guint      heartbeat_id;
};

G_DEFINE_FINAL_TYPE (PortalEvents, portal_events, G_TYPE_OBJECT)

static void
listener_free (Listener *listener)
{
  g_clear_signal_handler (&listener->closed_id, listener->connection);
  g_clear_object (&listener->connection);
  g_free (listener);
}

static void
send_to (Listener   *listener,
         JsonObject *event)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (soup_websocket_connection_get_state (listener->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return;
  node = json_node_init_object (json_node_alloc (), event);
  text = json_to_string (node, FALSE);
  soup_websocket_connection_send_text (listener->connection, text);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  PortalEvents *self = user_data;
  g_autoptr(JsonObject) event = json_object_new ();

  json_object_set_string_member (event, "type", "heartbeat");
  portal_json_set_timestamp (event, "at", portal_now ());
  for (guint i = 0; i < self->listeners->len; i++)
    send_to (g_ptr_array_index (self->listeners, i), event);
  return G_SOURCE_CONTINUE;
}

static void
portal_events_dispose (GObject *object)
{
  PortalEvents *self = (PortalEvents *) object;

  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  if (self->listeners != NULL)
    g_ptr_array_set_size (self->listeners, 0);

  G_OBJECT_CLASS (portal_events_parent_class)->dispose (object);
}

static void
portal_events_finalize (GObject *object)
{
  PortalEvents *self = (PortalEvents *) object;

  g_clear_pointer (&self->listeners, g_ptr_array_unref);

  G_OBJECT_CLASS (portal_events_parent_class)->finalize (object);
}

static void
portal_events_class_init (PortalEventsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = portal_events_dispose;
  object_class->finalize = portal_events_finalize;
}

static void
portal_events_init (PortalEvents *self)
{
  self->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) listener_free);
  self->heartbeat_id = g_timeout_add_seconds (PORTAL_EVENTS_HEARTBEAT_SECONDS, heartbeat_cb, self);
}

PortalEvents *
portal_events_new (void)
{
  return g_object_new (PORTAL_TYPE_EVENTS, NULL);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  PortalEvents *self = user_data;

  for (guint i = 0; i < self->listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (self->listeners, i);

      if (listener->connection == connection)
        {
          g_ptr_array_remove_index_fast (self->listeners, i);
          return;
        }
    }
}

void
portal_events_add_connection (PortalEvents            *self,
                              SoupWebsocketConnection *connection,
                              PortalAccountKind        kind,
                              gint64                   account_id,
                              gint64                   session_id)
{
  Listener *listener = g_new0 (Listener, 1);

  listener->connection = g_object_ref (connection);
  listener->kind = kind;
  listener->account_id = account_id;
  listener->session_id = session_id;
  listener->closed_id = g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), self);
  g_ptr_array_add (self->listeners, listener);
}

void
portal_events_send (PortalEvents      *self,
                    PortalAccountKind  kind,
                    gint64             account_id,
                    JsonObject        *event)
{
  for (guint i = 0; i < self->listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (self->listeners, i);

      if (listener->kind == kind && listener->account_id == account_id)
        send_to (listener, event);
    }
}

void
portal_events_close_session (PortalEvents *self,
                             gint64        session_id)
{
  for (guint i = 0; i < self->listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (self->listeners, i);

      /* The "closed" handler removes the listener once the close is done. */
      if (listener->session_id == session_id &&
          soup_websocket_connection_get_state (listener->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (listener->connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION,
                                         "signed out");
    }
}

guint
portal_events_get_n_connections (PortalEvents *self)
{
  return self->listeners->len;
}

void
portal_events_close_all (PortalEvents *self)
{
  g_autoptr(GPtrArray) listeners = g_steal_pointer (&self->listeners);

  self->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) listener_free);
  for (guint i = 0; i < listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (listeners, i);

      g_clear_signal_handler (&listener->closed_id, listener->connection);
      if (soup_websocket_connection_get_state (listener->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (listener->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
}
