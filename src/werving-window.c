/* werving-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-window.h"

struct _WervingWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwEntryRow *portal_url_row;
};

G_DEFINE_FINAL_TYPE (WervingWindow, werving_window, ADW_TYPE_APPLICATION_WINDOW)

WervingWindow *
werving_window_new (WervingApplication *application)
{
  WervingWindow *self;
  const char *portal_url;
  g_autofree char *last_url = NULL;

  self = g_object_new (WERVING_TYPE_WINDOW, "application", application, NULL);

  /* A portal given on the command line wins over the one used last time. */
  portal_url = werving_application_get_portal_url (application);
  last_url = g_settings_get_string (self->settings, "last-portal-url");
  if (portal_url == NULL && *last_url != '\0')
    portal_url = last_url;
  if (portal_url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), portal_url);

  return self;
}

static void
werving_window_save_state (WervingWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
werving_window_close_request (GtkWindow *window)
{
  werving_window_save_state (WERVING_WINDOW (window));

  return GTK_WINDOW_CLASS (werving_window_parent_class)->close_request (window);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->portal_url_row));
  g_autofree char *stripped = g_strstrip (g_strdup (url));

  if (*stripped == '\0')
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Enter the address of your job portal first")));
      return;
    }

  g_settings_set_string (self->settings, "last-portal-url", stripped);
}

static void
werving_window_dispose (GObject *object)
{
  WervingWindow *self = WERVING_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (werving_window_parent_class)->dispose (object);
}

static void
werving_window_class_init (WervingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = werving_window_dispose;
  window_class->close_request = werving_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, portal_url_row);

  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
}

static void
werving_window_init (WervingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
