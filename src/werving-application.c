/* werving-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-application.h"
#include "werving-preferences-window.h"
#include "werving-window.h"

struct _WervingApplication
{
  AdwApplication parent_instance;

  char *portal_url;
};

G_DEFINE_FINAL_TYPE (WervingApplication, werving_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "portal", 'p', 0, G_OPTION_ARG_STRING, NULL,
    N_("Address of the job portal to connect to"), N_("URL") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

WervingApplication *
werving_application_new (void)
{
  return g_object_new (WERVING_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/werving/Werving",
                       NULL);
}

const char *
werving_application_get_portal_url (WervingApplication *self)
{
  g_return_val_if_fail (WERVING_IS_APPLICATION (self), NULL);

  return self->portal_url;
}

static int
werving_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  WervingApplication *self = WERVING_APPLICATION (app);
  const char *portal = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("werving %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "portal", "&s", &portal))
    {
      g_free (self->portal_url);
      self->portal_url = g_strdup (portal);
    }

  return -1;
}

static void
werving_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (werving_window_new (WERVING_APPLICATION (app)));

  gtk_window_present (window);
}

static void
werving_application_finalize (GObject *object)
{
  WervingApplication *self = WERVING_APPLICATION (object);

  g_clear_pointer (&self->portal_url, g_free);

  G_OBJECT_CLASS (werving_application_parent_class)->finalize (object);
}

static void
werving_application_class_init (WervingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = werving_application_finalize;
  app_class->activate = werving_application_activate;
  app_class->handle_local_options = werving_application_handle_local_options;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *about;

  builder = gtk_builder_new_from_resource ("/io/github/werving/Werving/werving-about.ui");
  about = GTK_WINDOW (gtk_builder_get_object (builder, "about_window"));
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  gtk_window_set_transient_for (about, gtk_application_get_active_window (app));
  gtk_window_present (about);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  WervingClient *client = WERVING_IS_WINDOW (window) ? werving_window_get_client (WERVING_WINDOW (window)) : NULL;
  WervingSession *session = client != NULL ? werving_client_get_session (client) : NULL;
  WervingPreferencesWindow *preferences;

  preferences = werving_preferences_window_new (window,
                                                session != NULL ? werving_client_get_base_url (client) : NULL,
                                                session != NULL ? werving_session_get_account_email (session) : NULL);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets each one save its state first. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static void
open_thread_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (app);
    }
  if (WERVING_IS_WINDOW (window))
    {
      werving_window_open_thread (WERVING_WINDOW (window), g_variant_get_int64 (parameter));
      gtk_window_present (window);
    }
}

static const GActionEntry app_actions[] = {
  { .name = "open-thread", .activate = open_thread_action, .parameter_type = "x" },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
};

static void
werving_application_init (WervingApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Werving — find candidates and fill your vacancies."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}
