/* test-app-smoke.c: the real application starts, shows its window, draws a
 * first frame and quits cleanly through its quit action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-application.h"
#include "werving-window.h"

typedef struct
{
  gboolean   painted;
  gboolean   timed_out;
  char      *title;
  guint      timeout_id;
} SmokeState;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  SmokeState *state = g_object_get_data (G_OBJECT (app), "smoke-state");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (state->painted)
    return;

  state->painted = TRUE;
  state->title = g_strdup (gtk_window_get_title (window));
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
window_mapped_cb (GtkWidget *window,
                  gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), user_data);
  gtk_widget_queue_draw (window);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  SmokeState *state = g_object_get_data (G_OBJECT (app), "smoke-state");

  state->timed_out = TRUE;
  state->timeout_id = 0;
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
activate_after_cb (GApplication *app,
                   gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  g_assert_true (WERVING_IS_WINDOW (window));
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    window_mapped_cb (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
}

static void
test_app_starts_and_quits (void)
{
  g_autoptr(WervingApplication) app = werving_application_new ();
  SmokeState state = { 0 };
  char *argv[] = { (char *) "werving", NULL };
  int status;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "smoke-state", &state);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), NULL);
  state.timeout_id = g_timeout_add_seconds (20, timeout_cb, app);

  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_clear_handle_id (&state.timeout_id, g_source_remove);
  g_assert_false (state.timed_out);
  g_assert_true (state.painted);
  g_assert_cmpstr (state.title, ==, _("Werving"));
  g_assert_cmpint (status, ==, 0);
  /* Quitting closed the window, which saved its size. */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_free (state.title);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/app/starts-draws-and-quits", test_app_starts_and_quits);

  return g_test_run ();
}
