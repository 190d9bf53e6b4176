/* test-portal-events.c: the /v1/events WebSocket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "portal-test-client.h"

typedef struct
{
  GMainLoop               *loop;
  SoupWebsocketConnection *connection;
  GError                  *error;
  GPtrArray               *events;  /* JsonObject */
  guint                    status;
  gboolean                 closed;
} EventsClient;

static void
message_cb (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  EventsClient *client = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  json_parser_load_from_data (parser, g_bytes_get_data (message, NULL), g_bytes_get_size (message), &error);
  g_assert_no_error (error);
  g_ptr_array_add (client->events, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
  g_main_loop_quit (client->loop);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  EventsClient *client = user_data;

  client->closed = TRUE;
  g_main_loop_quit (client->loop);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EventsClient *client = user_data;

  client->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &client->error);
  if (client->connection != NULL)
    {
      g_signal_connect (client->connection, "message", G_CALLBACK (message_cb), client);
      g_signal_connect (client->connection, "closed", G_CALLBACK (closed_cb), client);
    }
  g_main_loop_quit (client->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs @loop until something quits it or @ms pass. */
static void
run_loop_for (GMainLoop *loop,
              guint      ms)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, timeout_cb, loop, NULL);
  g_source_attach (source, NULL);
  g_main_loop_run (loop);
  g_source_destroy (source);
  g_source_unref (source);
}

static void
connect_events (PortalTestServer *server,
                SoupSession      *session,
                const char       *token,
                EventsClient     *client)
{
  g_autofree char *http = g_strconcat (server->base_uri, "v1/events", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", http);
  client->loop = g_main_loop_new (NULL, FALSE);
  client->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, connected_cb, client);
  run_loop_for (client->loop, 10000);
  client->status = soup_message_get_status (msg);
}

static void
events_client_clear (EventsClient *client)
{
  if (client->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (client->connection, client);
      if (soup_websocket_connection_get_state (client->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (client->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
    }
  g_clear_object (&client->connection);
  g_clear_error (&client->error);
  g_clear_pointer (&client->events, g_ptr_array_unref);
  g_clear_pointer (&client->loop, g_main_loop_unref);
}

/* Waits until an event of @type arrived, at most @seconds. */
static JsonObject *
wait_for_event_for (EventsClient *client,
                    const char   *type,
                    guint         seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < client->events->len; i++)
        {
          JsonObject *event = g_ptr_array_index (client->events, i);

          if (g_strcmp0 (json_object_get_string_member (event, "type"), type) == 0)
            return event;
        }
      run_loop_for (client->loop, 200);
    }
  return NULL;
}

static JsonObject *
wait_for_event (EventsClient *client,
                const char   *type)
{
  return wait_for_event_for (client, type, 10);
}

static void
test_message_created (void)
{
  const char * const args[] = { "--demo", "--cvs", "10", NULL };
  PortalTestServer *server = portal_test_server_start (args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *org = portal_test_sign_in (server, "demo@werving.test", PORTAL_TEST_PASSWORD);
  g_autofree char *jobseeker = portal_test_sign_in (server, "jobseeker@werving.test", PORTAL_TEST_PASSWORD);
  g_autofree char *other = portal_test_register (server, "12121212", "buitenstaander@bedrijf.test");
  g_autoptr(PortalTestReply) threads = portal_test_request (server, "GET", "/v1/threads", jobseeker, NULL, NULL);
  JsonArray *items = json_object_get_array_member (portal_test_reply_object (threads), "items");
  gint64 thread_id = json_object_get_int_member (json_array_get_object_element (items, 0), "id");
  g_autofree char *path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT "/messages", thread_id);
  EventsClient org_events = { 0 }, outsider_events = { 0 };
  g_autoptr(PortalTestReply) sent = NULL;
  JsonObject *created, *message, *updated, *thread;

  connect_events (server, session, org, &org_events);
  g_assert_no_error (org_events.error);
  g_assert_nonnull (org_events.connection);
  connect_events (server, session, other, &outsider_events);
  g_assert_no_error (outsider_events.error);

  sent = portal_test_request (server, "POST", path, jobseeker, "{\"body\":\"Ik kan dinsdag om tien uur.\"}", NULL);
  g_assert_cmpuint (sent->status, ==, 201);

  created = wait_for_event (&org_events, "message.created");
  g_assert_nonnull (created);
  g_assert_cmpint (json_object_get_int_member (created, "thread_id"), ==, thread_id);
  message = json_object_get_object_member (created, "message");
  g_assert_cmpstr (json_object_get_string_member (message, "body"), ==, "Ik kan dinsdag om tien uur.");
  g_assert_cmpstr (json_object_get_string_member (message, "sender"), ==, "jobseeker");
  g_assert_cmpint (json_object_get_int_member (message, "id"), ==,
                   json_object_get_int_member (portal_test_reply_object (sent), "id"));

  updated = wait_for_event (&org_events, "thread.updated");
  g_assert_nonnull (updated);
  thread = json_object_get_object_member (updated, "thread");
  g_assert_cmpint (json_object_get_int_member (thread, "id"), ==, thread_id);
  g_assert_cmpint (json_object_get_int_member (thread, "unread_count"), >=, 1);

  /* Another organisation hears nothing of it. */
  {
    run_loop_for (outsider_events.loop, 500);
    for (guint i = 0; i < outsider_events.events->len; i++)
      g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (outsider_events.events, i), "type"), ==,
                       "heartbeat");
  }

  events_client_clear (&org_events);
  events_client_clear (&outsider_events);
  portal_test_server_stop (server);
}

/* The server sends a heartbeat every 15 s so clients can tell a dead link. */
static void
test_heartbeat (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = portal_test_register (server, "13131313", "hartslag@bedrijf.test");
  EventsClient client = { 0 };
  JsonObject *heartbeat;
  const char *at;

  connect_events (server, session, token, &client);
  g_assert_no_error (client.error);
  heartbeat = wait_for_event_for (&client, "heartbeat", 20);
  g_assert_nonnull (heartbeat);
  at = json_object_get_string_member (heartbeat, "at");
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", at, 0, 0));
  events_client_clear (&client);
  portal_test_server_stop (server);
}

/* Signing out ends the session's events connection too. */
static void
test_sign_out_closes (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = portal_test_register (server, "14141414", "uitloggen@bedrijf.test");
  g_autoptr(PortalTestReply) signed_out = NULL;
  EventsClient client = { 0 };
  gint64 deadline;

  connect_events (server, session, token, &client);
  g_assert_no_error (client.error);
  g_assert_false (client.closed);
  signed_out = portal_test_request (server, "DELETE", "/v1/sessions/current", token, NULL, NULL);
  g_assert_cmpuint (signed_out->status, ==, 204);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!client.closed && g_get_monotonic_time () < deadline)
    run_loop_for (client.loop, 200);
  g_assert_true (client.closed);
  events_client_clear (&client);
  portal_test_server_stop (server);
}

static void
test_unauthenticated (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  EventsClient client = { 0 };

  connect_events (server, session, "wrong-token", &client);
  g_assert_null (client.connection);
  g_assert_nonnull (client.error);
  g_assert_cmpuint (client.status, ==, 401);
  events_client_clear (&client);
  portal_test_server_stop (server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/events/message-created", test_message_created);
  g_test_add_func ("/portal/events/unauthenticated", test_unauthenticated);
  g_test_add_func ("/portal/events/sign-out-closes", test_sign_out_closes);
  g_test_add_func ("/portal/events/heartbeat", test_heartbeat);

  return g_test_run ();
}
