/* test-messages.c: the Messages page against a real werving-portal
 *
 * Threads load with the portal's unread counts and opening one marks it
 * read; a jobseeker's reply posted through the portal's HTTP API shows in
 * the open conversation within a second with no user action; a message
 * sent while the portal is down waits in the outbox and reaches the portal
 * exactly once when it is back; a closed vacancy's thread is read-only
 * with its explanation; a thread's draft survives recreating the widget.
 * Runs under tools/test-env.sh (Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "werving-drafts.h"
#include "werving-messages-page.h"

#define WAIT_MS 30000
#define DEMO_PASSWORD "werving-demo-1"

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *db;
  char        *url;
  guint        port;
} Portal;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Starts the portal on @port (0: any) with the database in portal->dir. */
static void
portal_run (Portal *portal,
            guint   port)
{
  const char *binary = g_getenv ("WERVING_PORTAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *line = NULL;
  const char *colon;

  g_assert_nonnull (binary);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawn (launcher, &error, binary, "--demo", "--port", port_text,
                                                 "--db", portal->db, "--cvs", "500", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  g_free (portal->url);
  portal->url = g_strdup (line + strlen ("listening on "));
  colon = strrchr (portal->url, ':');
  g_assert_nonnull (colon);
  portal->port = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
}

static void
portal_start (Portal *portal)
{
  g_autoptr(GError) error = NULL;

  portal->dir = g_dir_make_tmp ("werving-msgs-XXXXXX", &error);
  g_assert_no_error (error);
  portal->db = g_build_filename (portal->dir, "p.db", NULL);
  portal_run (portal, 0);
}

/* Stops the process, keeping its database. */
static void
portal_kill (Portal *portal)
{
  g_subprocess_force_exit (portal->process);
  g_subprocess_wait (portal->process, NULL, NULL);
  g_clear_object (&portal->process);
}

static void
portal_stop (Portal *portal)
{
  g_autofree char *wal = g_strconcat (portal->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (portal->db, "-shm", NULL);

  if (portal->process != NULL)
    portal_kill (portal);
  g_unlink (portal->db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (portal->dir);
  g_clear_pointer (&portal->dir, g_free);
  g_clear_pointer (&portal->db, g_free);
  g_clear_pointer (&portal->url, g_free);
}

/* Main loop helpers */

typedef gboolean (*Predicate) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for (Predicate predicate,
          gpointer  data,
          guint     ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static WervingClient *
sign_in (Portal *portal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingSession) session = NULL;
  WervingClient *client = werving_client_new (portal->url, &error);

  g_assert_no_error (error);
  werving_client_sign_in_async (client, "demo@werving.test", DEMO_PASSWORD, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  session = werving_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  return client;
}

/* The organisation's threads straight from the portal. */
static WervingPage *
list_threads (WervingClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  WervingPage *page;

  werving_client_list_threads_async (client, NULL, 100, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  page = werving_client_list_threads_finish (client, result, &error);
  g_assert_no_error (error);
  return page;
}

/* How many messages of thread @id the portal holds with body @body. */
static guint
count_messages (WervingClient *client,
                gint64         id,
                const char    *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) page = NULL;
  GListModel *items;
  guint count = 0;

  werving_client_list_messages_async (client, id, NULL, 100, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  page = werving_client_list_messages_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_null (werving_page_get_next_cursor (page));
  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WervingMessage) message = g_list_model_get_item (items, i);

      if (g_strcmp0 (werving_message_get_body (message), body) == 0)
        count++;
    }
  return count;
}

/* The jobseeker's side, through the portal's HTTP API (not our client). */
static void
jobseeker_reply (Portal     *portal,
                 gint64      thread_id,
                 const char *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) sign_in_message = NULL;
  g_autoptr(SoupMessage) post = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *json = NULL;
  const char *token;

  url = g_strconcat (portal->url, "v1/sessions", NULL);
  sign_in_message = soup_message_new ("POST", url);
  request = g_bytes_new_static ("{\"email\":\"jobseeker@werving.test\",\"password\":\"" DEMO_PASSWORD "\"}",
                                strlen ("{\"email\":\"jobseeker@werving.test\",\"password\":\"" DEMO_PASSWORD "\"}"));
  soup_message_set_request_body_from_bytes (sign_in_message, "application/json", request);
  answer = soup_session_send_and_read (session, sign_in_message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (sign_in_message), ==, 201);
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  token = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "access_token");
  g_assert_nonnull (token);
  auth = g_strconcat ("Bearer ", token, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  g_free (url);
  url = g_strdup_printf ("%sv1/threads/%" G_GINT64_FORMAT "/messages", portal->url, thread_id);
  post = soup_message_new ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (post), "Authorization", auth);
  g_clear_pointer (&request, g_bytes_unref);
  request = g_bytes_new (json, strlen (json));
  soup_message_set_request_body_from_bytes (post, "application/json", request);
  g_clear_pointer (&answer, g_bytes_unref);
  answer = soup_session_send_and_read (session, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (post), ==, 201);
}

/* Fixture: a portal, a signed-in client and the page in a window */

typedef struct
{
  Portal               portal;
  WervingClient       *client;
  GtkWidget           *window;
  WervingMessagesPage *page;
  WervingOutbox       *outbox;
} Fixture;

static void
show_page (Fixture *fixture)
{
  fixture->window = gtk_window_new ();
  fixture->page = g_object_new (WERVING_TYPE_MESSAGES_PAGE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

/* As the window does: the account's one outbox first, then the client. */
static void
page_set_client (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  if (fixture->outbox == NULL)
    {
      WervingSession *session = werving_client_get_session (fixture->client);
      g_autofree char *path = werving_outbox_get_default_path (werving_client_get_base_url (fixture->client),
                                                               werving_session_get_account_email (session));

      fixture->outbox = werving_outbox_new (fixture->client, path, &error);
      g_assert_no_error (error);
    }
  werving_messages_page_set_outbox (fixture->page, fixture->outbox);
  werving_messages_page_set_client (fixture->page, fixture->client);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  portal_start (&fixture->portal);
  fixture->client = sign_in (&fixture->portal);
  show_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Leave no outbox behind for the next test's account hash. */
  if (fixture->outbox != NULL)
    werving_outbox_wipe (fixture->outbox);
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->client);
  portal_stop (&fixture->portal);
}

static gboolean
threads_loaded (gpointer data)
{
  return g_list_model_get_n_items (werving_messages_page_get_threads (data)) > 0;
}

static WervingThread *
first_thread (WervingMessagesPage *page)
{
  g_assert_true (wait_for (threads_loaded, page, WAIT_MS));
  return g_list_model_get_item (werving_messages_page_get_threads (page), 0);
}

static guint
count_rows (WervingMessagesPage *page,
            GType                type,
            const char          *body)
{
  GListModel *rows = werving_conversation_view_get_rows (werving_messages_page_get_conversation_view (page));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      const char *text = NULL;

      if (!G_TYPE_CHECK_INSTANCE_TYPE (row, type))
        continue;
      if (WERVING_IS_MESSAGE (row))
        text = werving_message_get_body (WERVING_MESSAGE (row));
      else if (WERVING_IS_OUTBOX_ITEM (row))
        text = werving_outbox_item_get_text (WERVING_OUTBOX_ITEM (row));
      if (body == NULL || g_strcmp0 (text, body) == 0)
        count++;
    }
  return count;
}

static gboolean
conversation_loaded (gpointer data)
{
  /* The demo thread has two messages, a day separator before them. */
  return count_rows (data, WERVING_TYPE_MESSAGE, NULL) >= 2;
}

static gboolean
unread_is_zero (gpointer data)
{
  return werving_messages_page_get_unread_count (data) == 0;
}

static gboolean
events_connected (gpointer data)
{
  WervingEvents *events = werving_messages_page_get_events (data);

  return events != NULL && werving_events_get_connected (events);
}

static WervingThread *
open_first_thread (Fixture *fixture)
{
  WervingThread *thread;

  page_set_client (fixture);
  thread = first_thread (fixture->page);
  werving_messages_page_open_thread (fixture->page, werving_thread_get_id (thread));
  g_assert_true (wait_for (conversation_loaded, fixture->page, WAIT_MS));
  return thread;
}

/* Tests */

static void
test_threads_and_read (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(WervingPage) before = list_threads (fixture->client);
  g_autoptr(WervingPage) after = NULL;
  g_autoptr(WervingThread) thread = NULL;
  g_autoptr(WervingThread) portal_thread = NULL;
  GListModel *threads = werving_messages_page_get_threads (fixture->page);
  GListModel *rows;
  gint64 portal_unread = 0;

  for (guint i = 0; i < werving_page_get_n_items (before); i++)
    {
      g_autoptr(WervingThread) t = g_list_model_get_item (werving_page_get_items (before), i);

      portal_unread += werving_thread_get_unread_count (t);
    }
  g_assert_cmpint (portal_unread, >, 0);

  page_set_client (fixture);
  thread = first_thread (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, werving_page_get_n_items (before));
  g_assert_cmpuint (werving_messages_page_get_unread_count (fixture->page), ==, (guint) portal_unread);
  g_assert_cmpstr (werving_thread_get_vacancy_title (thread), ==, "Medior softwareontwikkelaar");

  /* Search over the loaded threads. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      WERVING_TYPE_MESSAGES_PAGE,
                                                                      "search_entry")),
                         "medior");
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), WERVING_TYPE_MESSAGES_PAGE,
                                                        "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      WERVING_TYPE_MESSAGES_PAGE,
                                                                      "search_entry")),
                         "medior bakker");
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), WERVING_TYPE_MESSAGES_PAGE,
                                                        "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      WERVING_TYPE_MESSAGES_PAGE,
                                                                      "search_entry")),
                         "");
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), WERVING_TYPE_MESSAGES_PAGE,
                                                        "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 1);

  /* Opening marks it read, here and at the portal. */
  werving_messages_page_open_thread (fixture->page, werving_thread_get_id (thread));
  g_assert_true (wait_for (conversation_loaded, fixture->page, WAIT_MS));
  g_assert_true (wait_for (unread_is_zero, fixture->page, WAIT_MS));
  after = list_threads (fixture->client);
  portal_thread = g_list_model_get_item (werving_page_get_items (after), 0);
  g_assert_cmpint (werving_thread_get_unread_count (portal_thread), ==, 0);

  /* Both sides, a day separator first. */
  rows = werving_conversation_view_get_rows (werving_messages_page_get_conversation_view (fixture->page));
  {
    g_autoptr(GObject) first = g_list_model_get_item (rows, 0);

    g_assert_true (GTK_IS_STRING_OBJECT (first));
  }
  g_assert_cmpuint (count_rows (fixture->page, WERVING_TYPE_MESSAGE,
                                "Dank u wel, ik hoor graag meer over de functie."), ==, 1);
}

typedef struct
{
  WervingMessagesPage *page;
  const char          *body;
} RowWait;

static gboolean
message_shown (gpointer data)
{
  RowWait *wait = data;

  return count_rows (wait->page, WERVING_TYPE_MESSAGE, wait->body) == 1;
}

static void
test_live_reply (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(WervingThread) thread = open_first_thread (fixture);
  RowWait wait = { fixture->page, "Ik kan donderdag om tien uur langskomen." };
  gint64 start;

  g_assert_true (wait_for (events_connected, fixture->page, WAIT_MS));
  g_assert_cmpuint (count_rows (fixture->page, WERVING_TYPE_MESSAGE, wait.body), ==, 0);

  jobseeker_reply (&fixture->portal, werving_thread_get_id (thread), wait.body);
  start = g_get_monotonic_time ();
  /* Within one second, without any user action or polling. */
  g_assert_true (wait_for (message_shown, &wait, 1000));
  g_test_message ("reply shown %.1f ms after the POST returned",
                  (g_get_monotonic_time () - start) / 1000.0);
}

static gboolean
has_waiting_item (gpointer data)
{
  RowWait *wait = data;
  GListModel *rows = werving_conversation_view_get_rows (werving_messages_page_get_conversation_view (wait->page));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (WERVING_IS_OUTBOX_ITEM (row) &&
          g_strcmp0 (werving_outbox_item_get_text (WERVING_OUTBOX_ITEM (row)), wait->body) == 0 &&
          werving_outbox_item_get_state (WERVING_OUTBOX_ITEM (row)) == WERVING_OUTBOX_STATE_PENDING &&
          werving_outbox_item_get_attempts (WERVING_OUTBOX_ITEM (row)) > 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
delivered_and_not_waiting (gpointer data)
{
  RowWait *wait = data;

  return count_rows (wait->page, WERVING_TYPE_MESSAGE, wait->body) == 1 &&
         count_rows (wait->page, WERVING_TYPE_OUTBOX_ITEM, NULL) == 0;
}

static void
test_outbox_outage (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WervingThread) thread = open_first_thread (fixture);
  WervingConversationView *view = werving_messages_page_get_conversation_view (fixture->page);
  RowWait wait = { fixture->page, "Schikt dinsdag om half tien u ook?" };
  guint port = fixture->portal.port;

  portal_kill (&fixture->portal);
  gtk_text_buffer_set_text (werving_conversation_view_get_buffer (view), wait.body, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "conversation.send", NULL));

  /* The composer is empty again; the message waits, visibly, after a failed attempt. */
  {
    GtkTextBuffer *buffer = werving_conversation_view_get_buffer (view);

    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  }
  g_assert_cmpuint (count_rows (fixture->page, WERVING_TYPE_OUTBOX_ITEM, wait.body), ==, 1);
  g_assert_true (wait_for (has_waiting_item, &wait, WAIT_MS));
  g_assert_cmpuint (count_rows (fixture->page, WERVING_TYPE_MESSAGE, wait.body), ==, 0);

  /* Back on the same port with the same database. */
  portal_run (&fixture->portal, port);
  g_assert_true (wait_for (delivered_and_not_waiting, &wait, WAIT_MS));
  /* Give a duplicate the time it would need to show up. */
  spin (1500);
  g_assert_cmpuint (count_messages (fixture->client, werving_thread_get_id (thread), wait.body), ==, 1);
  g_assert_cmpuint (count_rows (fixture->page, WERVING_TYPE_MESSAGE, wait.body), ==, 1);
}

static gboolean
read_only_shown (gpointer data)
{
  return werving_conversation_view_get_read_only (werving_messages_page_get_conversation_view (data));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WervingThread) thread = open_first_thread (fixture);
  WervingConversationView *view = werving_messages_page_get_conversation_view (fixture->page);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (werving_conversation_view_get_read_only (view));
  g_assert_null (werving_conversation_view_get_read_only_explanation (view));

  werving_client_close_vacancy_async (fixture->client, werving_thread_get_vacancy_id (thread), NULL,
                                      store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  vacancy = werving_client_close_vacancy_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  werving_messages_page_reload (fixture->page);
  g_assert_true (wait_for (read_only_shown, fixture->page, WAIT_MS));
  g_assert_nonnull (strstr (werving_conversation_view_get_read_only_explanation (view),
                            "Medior softwareontwikkelaar"));
  g_assert_nonnull (strstr (werving_conversation_view_get_read_only_explanation (view), "no longer active"));
  /* Nothing goes out, and what was typed stays. */
  gtk_text_buffer_set_text (werving_conversation_view_get_buffer (view), "Nog een vraag", -1);
  gtk_widget_activate_action (GTK_WIDGET (view), "conversation.send", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (werving_messages_page_get_outbox (fixture->page))), ==, 0);
  g_assert_cmpint (gtk_text_buffer_get_char_count (werving_conversation_view_get_buffer (view)), ==, 13);
}

typedef struct
{
  WervingMessagesPage *page;
  const char          *text;
} DraftWait;

static gboolean
draft_restored (gpointer data)
{
  DraftWait *wait = data;
  GtkTextBuffer *buffer = werving_conversation_view_get_buffer (werving_messages_page_get_conversation_view (wait->page));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strcmp0 (text, wait->text) == 0;
}

static void
test_draft_survives (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WervingThread) thread = open_first_thread (fixture);
  WervingConversationView *view = werving_messages_page_get_conversation_view (fixture->page);
  DraftWait wait = { NULL, "Beste kandidaat,\nwanneer schikt een gesprek?" };
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  dir = werving_drafts_get_dir (werving_client_get_base_url (fixture->client), "demo@werving.test");
  name = g_strdup_printf ("thread-%" G_GINT64_FORMAT ".json", werving_thread_get_id (thread));
  path = g_build_filename (dir, name, NULL);
  g_unlink (path);

  gtk_text_buffer_set_text (werving_conversation_view_get_buffer (view), wait.text, -1);
  /* Written after the debounce, without any other action. */
  spin (900);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  spin (100);

  show_page (fixture);
  wait.page = fixture->page;
  g_assert_false (draft_restored (&wait));
  page_set_client (fixture);
  g_clear_object (&thread);
  thread = first_thread (fixture->page);
  werving_messages_page_open_thread (fixture->page, werving_thread_get_id (thread));
  g_assert_true (wait_for (draft_restored, &wait, WAIT_MS));

  /* Sending clears the draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (werving_messages_page_get_conversation_view (fixture->page)),
                                             "conversation.send", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("werving-msgs-data-XXXXXX", &error);
  int status;

  g_assert_no_error (error);
  /* Drafts and outbox go to a throw-away folder, before GLib caches it. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add ("/ui/messages/threads-and-read", Fixture, NULL,
              fixture_set_up, test_threads_and_read, fixture_tear_down);
  g_test_add ("/ui/messages/live-reply-within-1s", Fixture, NULL,
              fixture_set_up, test_live_reply, fixture_tear_down);
  g_test_add ("/ui/messages/outbox-exactly-once-after-outage", Fixture, NULL,
              fixture_set_up, test_outbox_outage, fixture_tear_down);
  g_test_add ("/ui/messages/closed-vacancy-read-only", Fixture, NULL,
              fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/ui/messages/draft-survives-recreation", Fixture, NULL,
              fixture_set_up, test_draft_survives, fixture_tear_down);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
