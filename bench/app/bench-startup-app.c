/* bench-startup-app.c: Werving as src/main.c starts it, plus a hook that
 * reports its first frames (a benchmark child; see bench-startup.c)
 *
 * The hook watches the main window's GdkFrameClock "after-paint" and prints
 * CLOCK_MONOTONIC timestamps (µs, g_get_monotonic_time) on stdout:
 *   window-added T        the main window was built (template, pages)
 *   main-shown T          the silent sign-in finished: the Vacancies section
 *                         got the signed-in client
 *   first-frame T         the first frame the window painted
 *   signed-in-frame T     the first frame with the main view while the
 *                         window's client is signed in (the window may show
 *                         the main view before that, from the account's
 *                         vacancies kept on disk: those frames do not count)
 *   listed-frame T        the first signed-in frame whose Vacancies section
 *                         shows its list (or its empty or error page), not
 *                         the loading spinner
 *   settled-frame T       the first signed-in frame after any crossfade to
 *                         the main view ended
 *   rss-signed-in KIB     VmRSS at the signed-in frame
 *   rss KIB               VmRSS WERVING_BENCH_SETTLE_MS (1000) after the
 *                         later of the settled and listed frames
 * then quits, unless WERVING_BENCH_STAY is set (the idle benchmark), in
 * which case the hook is removed and the app runs on untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-app-common.h"
#include "werving-application.h"
#include "werving-startup-mark.h"
#include "werving-vacancies-page.h"
#include "werving-window.h"

typedef struct
{
  GtkWindow     *window;
  GdkFrameClock *clock;
  gulong         handler;
  gboolean       first_seen;
  gboolean       signed_in_seen;
  gboolean       listed_seen;
  gboolean       settled_seen;
  WervingClient *client;   /* the Vacancies section's, watched until signed in */
} Hook;

static Hook hook;

static gboolean
quit_cb (gpointer data)
{
  GApplication *app = data;

  printf ("rss %" G_GINT64_FORMAT "\n", bench_rss_kib (0));
  fflush (stdout);
  if (g_getenv ("WERVING_BENCH_STAY") == NULL)
    g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static GtkWidget *
window_child (const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hook.window), WERVING_TYPE_WINDOW, name));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();
  GtkStack *stack = GTK_STACK (window_child ("main_stack"));
  GtkWidget *vacancies = window_child ("vacancies_page");
  GtkStack *vacancies_stack = GTK_STACK (gtk_widget_get_template_child (vacancies, WERVING_TYPE_VACANCIES_PAGE,
                                                                        "stack"));
  WervingClient *client = werving_window_get_client (WERVING_WINDOW (hook.window));

  if (!hook.first_seen)
    {
      hook.first_seen = TRUE;
      WERVING_STARTUP_MARK ("bench: first frame");
      printf ("first-frame %" G_GINT64_FORMAT "\n", now);
      printf ("renderer %s\n", bench_renderer_name (hook.window));
    }

  /* Signed in: the main view, and a session behind it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "main") != 0 ||
      client == NULL || !werving_client_get_signed_in (client))
    {
      fflush (stdout);
      return;
    }
  if (!hook.signed_in_seen)
    {
      hook.signed_in_seen = TRUE;
      WERVING_STARTUP_MARK ("bench: signed-in frame");
      printf ("signed-in-frame %" G_GINT64_FORMAT "\n", now);
      printf ("rss-signed-in %" G_GINT64_FORMAT "\n", bench_rss_kib (0));
    }
  if (!hook.listed_seen && g_strcmp0 (gtk_stack_get_visible_child_name (vacancies_stack), "loading") != 0)
    {
      hook.listed_seen = TRUE;
      WERVING_STARTUP_MARK ("bench: listed frame");
      printf ("listed-frame %" G_GINT64_FORMAT "\n", now);
    }
  if (!hook.settled_seen && !gtk_stack_get_transition_running (stack))
    {
      hook.settled_seen = TRUE;
      printf ("settled-frame %" G_GINT64_FORMAT "\n", now);
    }
  fflush (stdout);
  if (!hook.listed_seen || !hook.settled_seen)
    return;
  g_signal_handler_disconnect (clock, hook.handler);
  hook.handler = 0;
  g_timeout_add (g_getenv ("WERVING_BENCH_SETTLE_MS") ? atoi (g_getenv ("WERVING_BENCH_SETTLE_MS")) : 1000,
                 quit_cb, gtk_window_get_application (hook.window));
}

static void
signed_in (void)
{
  WERVING_STARTUP_MARK ("bench: signed in");
  printf ("main-shown %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (hook.client != NULL)
    g_signal_handlers_disconnect_by_data (hook.client, &hook);
  g_clear_object (&hook.client);
  g_signal_handlers_disconnect_by_data (window_child ("vacancies_page"), &hook);
}

static void
client_signed_in_cb (WervingClient *client,
                     GParamSpec    *pspec,
                     gpointer       data)
{
  if (werving_client_get_signed_in (client))
    signed_in ();
}

/* The Vacancies section gets the window's client: signed in already (the
 * silent sign-in brought a session), or later (a start offline). */
static void
vacancies_client_cb (WervingVacanciesPage *page,
                     GParamSpec           *pspec,
                     gpointer              data)
{
  WervingClient *client = werving_vacancies_page_get_client (page);

  if (hook.client != NULL)
    g_signal_handlers_disconnect_by_data (hook.client, &hook);
  g_clear_object (&hook.client);
  if (client == NULL)
    return;
  if (werving_client_get_signed_in (client))
    {
      signed_in ();
      return;
    }
  hook.client = g_object_ref (client);
  g_signal_connect (client, "notify::signed-in", G_CALLBACK (client_signed_in_cb), &hook);
}

static void
realize_cb (GtkWidget *window,
            gpointer   data)
{
  hook.clock = gtk_widget_get_frame_clock (window);
  hook.handler = g_signal_connect (hook.clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  if (hook.window != NULL || !WERVING_IS_WINDOW (window))
    return;
  hook.window = window;
  printf ("window-added %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_connect (window_child ("vacancies_page"), "notify::client", G_CALLBACK (vacancies_client_cb), &hook);
  /* Signed in before the window was added (werving_window_new). */
  vacancies_client_cb (WERVING_VACANCIES_PAGE (window_child ("vacancies_page")), NULL, &hook);
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WervingApplication) app = NULL;

  WERVING_STARTUP_MARK ("bench: main");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERVING_LOCALEDIR") ? g_getenv ("WERVING_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = werving_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
