/* test-events.c: the events WebSocket against a real portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-test-portal.h"

#define CALL WERVING_TEST_CALL

typedef struct
{
  guint      connects;
  gboolean   connected;
  char      *wanted_body;
  gboolean   got_message;
  gboolean   got_thread;
} State;

static void
on_connected (WervingEvents *events,
              GParamSpec    *pspec,
              State         *state)
{
  state->connected = werving_events_get_connected (events);
  if (state->connected)
    state->connects++;
}

static void
on_message (WervingEvents  *events,
            WervingMessage *message,
            State          *state)
{
  if (g_strcmp0 (werving_message_get_body (message), state->wanted_body) == 0)
    state->got_message = TRUE;
}

static void
on_thread (WervingEvents *events,
           WervingThread *thread,
           State         *state)
{
  state->got_thread = TRUE;
}

static gint64
first_thread (WervingClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) threads = CALL (client, &error, list_threads, NULL, 0);
  g_autoptr(WervingThread) thread = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (threads), >=, 1);
  thread = g_list_model_get_item (werving_page_get_items (threads), 0);
  return werving_thread_get_id (thread);
}

static void
test_live_message (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingEvents) events = NULL;
  g_autoptr(WervingMessage) reply = NULL;
  g_autoptr(GError) error = NULL;
  State state = { 0, };

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  jobseeker = werving_test_client_new (portal, WERVING_TEST_JOBSEEKER);
  events = g_object_new (WERVING_TYPE_EVENTS, "client", client, "initial-backoff-ms", 100, NULL);
  g_signal_connect (events, "notify::connected", G_CALLBACK (on_connected), &state);
  g_signal_connect (events, "message-created", G_CALLBACK (on_message), &state);
  g_signal_connect (events, "thread-updated", G_CALLBACK (on_thread), &state);
  werving_events_start (events);
  g_assert_true (werving_test_wait_for (&state.connected, 10000));

  /* The candidate answers; the organisation hears it live. */
  state.wanted_body = g_strdup ("Ja, ik heb interesse!");
  reply = CALL (jobseeker, &error, send_message, first_thread (jobseeker), state.wanted_body, NULL);
  g_assert_no_error (error);
  g_assert_true (werving_test_wait_for (&state.got_message, 10000));
  werving_test_wait_for (&state.got_thread, 2000);
  g_assert_true (state.got_thread);

  /* The portal goes away and comes back: the channel reconnects. */
  werving_test_portal_kill (portal);
  while (state.connected)
    g_main_context_iteration (NULL, TRUE);
  werving_test_portal_restart (portal);
  g_assert_true (werving_test_wait_for (&state.connected, 20000));
  g_assert_cmpuint (state.connects, ==, 2);

  g_free (state.wanted_body);
}

static void
test_heartbeat_watchdog (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingEvents) events = NULL;
  State state = { 0, };

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  /* The portal beats every 15 s; a 1 s watchdog must give up and reconnect. */
  events = g_object_new (WERVING_TYPE_EVENTS, "client", client, "heartbeat-timeout", 1,
                         "initial-backoff-ms", 50, NULL);
  g_signal_connect (events, "notify::connected", G_CALLBACK (on_connected), &state);
  werving_events_start (events);
  g_assert_true (werving_test_wait_for (&state.connected, 10000));
  werving_test_sleep (3000);
  g_assert_cmpuint (state.connects, >=, 2);
}

static void
test_expired_token (void)
{
  const char *args[] = { "--access-ttl", "1", NULL };
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (args);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingEvents) events = NULL;
  State state = { 0, };

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  werving_test_sleep (2100);
  /* The handshake gets 401: refresh, then connect. */
  events = g_object_new (WERVING_TYPE_EVENTS, "client", client, "initial-backoff-ms", 100, NULL);
  g_signal_connect (events, "notify::connected", G_CALLBACK (on_connected), &state);
  werving_events_start (events);
  g_assert_true (werving_test_wait_for (&state.connected, 10000));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/events/live-message", test_live_message);
  g_test_add_func ("/core/events/heartbeat-watchdog", test_heartbeat_watchdog);
  g_test_add_func ("/core/events/expired-token", test_expired_token);

  return g_test_run ();
}
