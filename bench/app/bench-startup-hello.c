/* bench-startup-hello.c: a bare AdwApplicationWindow hello-world built like
 * Werving (same flags, same libraries linked, same resources and application
 * id), the baseline of bench-startup. It prints the same lines as
 * bench-startup-app: first-frame, settled-frame, rss.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-app-common.h"

static gulong after_paint_handler;

static gboolean
quit_cb (gpointer data)
{
  printf ("rss %" G_GINT64_FORMAT "\n", bench_rss_kib (0));
  fflush (stdout);
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();

  printf ("first-frame %" G_GINT64_FORMAT "\n", now);
  printf ("renderer %s\n", bench_renderer_name (window));
  printf ("signed-in-frame %" G_GINT64_FORMAT "\n", now);
  printf ("rss-signed-in %" G_GINT64_FORMAT "\n", bench_rss_kib (0));
  printf ("settled-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);
  g_signal_handler_disconnect (clock, after_paint_handler);
  g_timeout_add (g_getenv ("WERVING_BENCH_SETTLE_MS") ? atoi (g_getenv ("WERVING_BENCH_SETTLE_MS")) : 1000,
                 quit_cb, gtk_window_get_application (window));
}

static void
realize_cb (GtkWidget *window,
            gpointer   data)
{
  after_paint_handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                          G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GtkApplication *app,
             gpointer        data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello, world"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Hello");
  /* The size Werving opens with (the GSettings defaults). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERVING_LOCALEDIR") ? g_getenv ("WERVING_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = adw_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_object_set (app, "resource-base-path", "/io/github/werving/Werving", NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
