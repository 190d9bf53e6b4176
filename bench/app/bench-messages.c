/* bench-messages.c: from a message posted on the portal to its row drawn in
 * the open conversation (a benchmark, not a test: it prints figures)
 *
 *   bench-messages [--runs N]
 *
 * In-process, with the real WervingMessagesPage in a window on Xvfb, signed
 * in to a local werving-portal with the demo data, the demo thread open and
 * the events channel connected. A second thread plays the jobseeker: it
 * posts over HTTP (its own SoupSession, synchronous), taking the time just
 * before the request (CLOCK_MONOTONIC). The main thread notes when the
 * message's row enters the conversation's model and when the next frame
 * has painted (GdkFrameClock "after-paint"). The idle CPU of the signed-in
 * app is measured by `tools/bench-app.sh idle` (bench-startup --idle).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bench-app-common.h"
#include "werving-messages-page.h"

typedef enum { IDLE, WAIT_ROW, WAIT_PAINT, DONE } Phase;

typedef struct
{
  WervingMessagesPage *page;
  GListModel          *rows;
  char                *url;
  char                *token;   /* the jobseeker's */
  gint64               thread_id;

  Phase    phase;
  char    *body;
  gint64   row_time;
  gint64   drawn_time;

  /* filled by the poster thread */
  GMutex   lock;
  gint64   post_start;
  gint64   post_end;
  guint    post_status;
} Bench;

static Bench bench;

static char *
post_json (SoupSession *session,
           const char  *url,
           const char  *token,
           const char  *json,
           guint       *status)
{
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", auth);
    }
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (session, message, NULL, NULL);
  *status = soup_message_get_status (message);
  return answer != NULL ? g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer)) : NULL;
}

/* The jobseeker: posts each body it is given, timing the request. */
static gpointer
poster_thread (gpointer data)
{
  GAsyncQueue *queue = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *url = g_strdup_printf ("%sv1/threads/%" G_GINT64_FORMAT "/messages", bench.url, bench.thread_id);

  g_main_context_push_thread_default (context);
  session = soup_session_new ();
  for (;;)
    {
      g_autofree char *body = g_async_queue_pop (queue);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;
      g_autofree char *answer = NULL;
      gint64 start, end;
      guint status = 0;

      if (*body == '\0')
        break;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, body);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);

      start = g_get_monotonic_time ();
      answer = post_json (session, url, bench.token, json, &status);
      end = g_get_monotonic_time ();
      g_mutex_lock (&bench.lock);
      bench.post_start = start;
      bench.post_end = end;
      bench.post_status = status;
      g_mutex_unlock (&bench.lock);
      g_main_context_wakeup (NULL);
    }
  g_main_context_pop_thread_default (context);
  return NULL;
}

static char *
jobseeker_token (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (bench.url, "v1/sessions", NULL);
  g_autofree char *answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint status = 0;

  answer = post_json (session, url, NULL,
                      "{\"email\":\"" BENCH_JOBSEEKER "\",\"password\":\"" BENCH_DEMO_PASSWORD "\"}", &status);
  if (status != 201 || !json_parser_load_from_data (parser, answer, -1, NULL))
    g_error ("the jobseeker cannot sign in (%u)", status);
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "access_token"));
}

static void
rows_changed_cb (GListModel *rows,
                 guint       position,
                 guint       removed,
                 guint       added,
                 gpointer    data)
{
  if (bench.phase != WAIT_ROW)
    return;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (WERVING_IS_MESSAGE (row) && g_strcmp0 (werving_message_get_body (WERVING_MESSAGE (row)), bench.body) == 0)
        {
          bench.row_time = g_get_monotonic_time ();
          bench.phase = WAIT_PAINT;
          return;
        }
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (bench.phase == WAIT_PAINT)
    {
      bench.drawn_time = g_get_monotonic_time ();
      bench.phase = DONE;
    }
}

static gboolean
threads_loaded (gpointer data)
{
  return g_list_model_get_n_items (werving_messages_page_get_threads (bench.page)) > 0;
}

static gboolean
conversation_loaded (gpointer data)
{
  GListModel *rows = werving_conversation_view_get_rows (werving_messages_page_get_conversation_view (bench.page));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (WERVING_IS_MESSAGE (row))
        return TRUE;
    }
  return FALSE;
}

static gboolean
events_connected (gpointer data)
{
  WervingEvents *events = werving_messages_page_get_events (bench.page);

  return events != NULL && werving_events_get_connected (events);
}

static gboolean
measured (gpointer data)
{
  gboolean posted;

  g_mutex_lock (&bench.lock);
  posted = bench.post_end != 0;
  g_mutex_unlock (&bench.lock);
  return bench.phase == DONE && posted;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 50;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Messages to post (default 50)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— portal message to its row drawn");
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingThread) thread = NULL;
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) in_model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) post = g_array_new (FALSE, FALSE, sizeof (double));
  GAsyncQueue *queue = g_async_queue_new_full (g_free);
  GThread *poster;
  GtkWidget *window;
  BenchPortal portal;

  setlocale (LC_ALL, "");
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();
  g_mutex_init (&bench.lock);

  bench_portal_start (&portal, NULL, 2000);
  bench.url = portal.url;
  printf ("portal %s (demo data)\n", portal.url);
  client = bench_sign_in (portal.url, BENCH_ORGANISATION);
  bench.token = jobseeker_token ();

  window = gtk_window_new ();
  bench.page = g_object_new (WERVING_TYPE_MESSAGES_PAGE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.page));
  gtk_window_present (GTK_WINDOW (window));
  bench_spin (300);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  printf ("renderer %s\n", bench_renderer_name (window));

  werving_messages_page_set_client (bench.page, client);
  if (!bench_wait_for (threads_loaded, NULL, 30000))
    g_error ("no threads");
  thread = g_list_model_get_item (werving_messages_page_get_threads (bench.page), 0);
  bench.thread_id = werving_thread_get_id (thread);
  werving_messages_page_open_thread (bench.page, bench.thread_id);
  if (!bench_wait_for (conversation_loaded, NULL, 30000) || !bench_wait_for (events_connected, NULL, 30000))
    g_error ("the conversation did not open, or the events channel did not connect");
  bench.rows = werving_conversation_view_get_rows (werving_messages_page_get_conversation_view (bench.page));
  g_signal_connect (bench.rows, "items-changed", G_CALLBACK (rows_changed_cb), NULL);
  bench_spin (1000);

  poster = g_thread_new ("jobseeker", poster_thread, queue);
  for (int i = 0; i < runs; i++)
    {
      double v;

      g_free (bench.body);
      bench.body = g_strdup_printf ("Bericht %d van de benchmark (%08x)", i + 1, g_random_int ());
      bench.post_start = bench.post_end = 0;
      bench.phase = WAIT_ROW;
      g_async_queue_push (queue, g_strdup (bench.body));
      if (!bench_wait_for (measured, NULL, 10000))
        {
          printf ("message %d: not shown within 10 s (HTTP %u)\n", i + 1, bench.post_status);
          bench.phase = IDLE;
          continue;
        }
      bench.phase = IDLE;
      v = (bench.drawn_time - bench.post_start) / 1000.0; g_array_append_val (drawn, v);
      v = (bench.row_time - bench.post_start) / 1000.0; g_array_append_val (in_model, v);
      v = (bench.post_end - bench.post_start) / 1000.0; g_array_append_val (post, v);
      bench_spin (200 + g_random_int_range (0, 200));
    }
  g_async_queue_push (queue, g_strdup (""));
  g_thread_join (poster);

  printf ("\n%u messages posted by the jobseeker over HTTP, each to its row in the open conversation\n", drawn->len);
  printf ("%-38s %8s %8s %8s\n", "", "p50 ms", "p90 ms", "max ms");
  printf ("%-38s %8.1f %8.1f %8.1f\n", "POST answered (jobseeker side)",
          bench_quantile (post, 0.5), bench_quantile (post, 0.9), bench_max (post));
  printf ("%-38s %8.1f %8.1f %8.1f\n", "row in the conversation's model",
          bench_quantile (in_model, 0.5), bench_quantile (in_model, 0.9), bench_max (in_model));
  printf ("%-38s %8.1f %8.1f %8.1f  (target p50 < 200 ms)\n", "row drawn (after-paint)",
          bench_quantile (drawn, 0.5), bench_quantile (drawn, 0.9), bench_max (drawn));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&bench.body, g_free);
  g_clear_pointer (&bench.token, g_free);
  g_async_queue_unref (queue);
  g_clear_object (&client);
  bench_portal_stop (&portal);
  return 0;
}
