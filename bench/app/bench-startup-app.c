/* bench-startup-app.c: Werving as src/main.c starts it, plus a hook that
 * reports its first frames (a benchmark child; see bench-startup.c)
 *
 * The hook watches the main window's GdkFrameClock "after-paint" and prints
 * CLOCK_MONOTONIC timestamps (µs, g_get_monotonic_time) on stdout:
 *   window-added T        the main window was built (template, pages)
 *   main-shown T          the silent sign-in finished: the main view is set
 *   first-frame T         the first frame the window painted
 *   signed-in-frame T     the first frame with the signed-in main view
 *   settled-frame T       the first frame after the crossfade to it ended
 *   rss-signed-in KIB     VmRSS at the signed-in frame
 *   rss KIB               VmRSS WERVING_BENCH_SETTLE_MS (1000) after it
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
#include "werving-window.h"

typedef struct
{
  GtkWindow     *window;
  GdkFrameClock *clock;
  gulong         handler;
  gboolean       first_seen;
  gboolean       signed_in_seen;
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

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();
  GtkStack *stack;

  if (!hook.first_seen)
    {
      hook.first_seen = TRUE;
      printf ("first-frame %" G_GINT64_FORMAT "\n", now);
      printf ("renderer %s\n", bench_renderer_name (hook.window));
    }

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (hook.window), WERVING_TYPE_WINDOW, "main_stack"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "main") != 0)
    {
      fflush (stdout);
      return;
    }
  if (!hook.signed_in_seen)
    {
      hook.signed_in_seen = TRUE;
      printf ("signed-in-frame %" G_GINT64_FORMAT "\n", now);
      printf ("rss-signed-in %" G_GINT64_FORMAT "\n", bench_rss_kib (0));
    }
  if (gtk_stack_get_transition_running (stack))
    {
      fflush (stdout);
      return;
    }
  printf ("settled-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);
  g_signal_handler_disconnect (clock, hook.handler);
  hook.handler = 0;
  g_timeout_add (g_getenv ("WERVING_BENCH_SETTLE_MS") ? atoi (g_getenv ("WERVING_BENCH_SETTLE_MS")) : 1000,
                 quit_cb, gtk_window_get_application (hook.window));
}

static void
visible_child_cb (GtkStack   *stack,
                  GParamSpec *pspec,
                  gpointer    data)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "main") == 0)
    {
      printf ("main-shown %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_signal_handlers_disconnect_by_func (stack, visible_child_cb, data);
    }
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
  g_signal_connect (gtk_widget_get_template_child (GTK_WIDGET (window), WERVING_TYPE_WINDOW, "main_stack"),
                    "notify::visible-child", G_CALLBACK (visible_child_cb), NULL);
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WervingApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERVING_LOCALEDIR") ? g_getenv ("WERVING_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = werving_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
