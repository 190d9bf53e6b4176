/* werving-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-application.h"
#include "werving-keyring.h"
#include "werving-preferences-window.h"
#include "werving-startup-mark.h"
#include "werving-window.h"

struct _WervingApplication
{
  AdwApplication parent_instance;

  char *portal_url;
  /* Begun at start-up, until the first window takes it. */
  WervingSilentSignIn *silent_sign_in;
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

  WERVING_STARTUP_MARK ("activate");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (werving_window_new (WERVING_APPLICATION (app)));

  gtk_window_present (window);
  WERVING_STARTUP_MARK ("presented");
}

static void
store_token_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!werving_keyring_store_finish (result, &error))
    g_warning ("Could not keep the new sign-in in the keyring: %s", error->message);
}

/* Finished before any window took it: the portal has rotated the refresh
 * token, so keep the new one or the next start could not sign in. */
static void
silent_sign_in_finished_cb (WervingSilentSignIn *silent,
                            WervingApplication  *self)
{
  WervingSession *session = werving_silent_sign_in_get_session (silent);

  if (self->silent_sign_in != silent)
    return;
  if (session != NULL && werving_session_get_refresh_token (session) != NULL)
    werving_keyring_store_async (werving_client_get_base_url (werving_silent_sign_in_get_client (silent)),
                                 werving_silent_sign_in_get_email (silent),
                                 WERVING_KEYRING_REFRESH_TOKEN,
                                 werving_session_get_refresh_token (session),
                                 NULL, store_token_cb, NULL);
  g_signal_handlers_disconnect_by_func (silent, silent_sign_in_finished_cb, self);
  g_clear_object (&self->silent_sign_in);
}

/* A returning user: sign in to the remembered account while GTK starts and
 * the window is built (only the primary instance gets here). */
static void
start_silent_sign_in (WervingApplication *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *url = g_settings_get_string (settings, "last-portal-url");
  g_autofree char *email = g_settings_get_string (settings, "last-account-email");
  g_autoptr(WervingClient) client = NULL;

  /* A portal given on the command line wins over the one used last time. */
  if (*url == '\0' || *email == '\0' ||
      (self->portal_url != NULL && !werving_portal_url_equal (self->portal_url, url)))
    return;
  client = werving_client_new (url, NULL);
  if (client == NULL)
    return;
  WERVING_STARTUP_MARK ("silent sign-in starts");
  self->silent_sign_in = werving_silent_sign_in_new (client, email);
  g_signal_connect (self->silent_sign_in, "finished", G_CALLBACK (silent_sign_in_finished_cb), self);
}

WervingSilentSignIn *
werving_application_take_silent_sign_in (WervingApplication *self,
                                         const char         *portal,
                                         const char         *email)
{
  g_autoptr(WervingSilentSignIn) silent = NULL;

  g_return_val_if_fail (WERVING_IS_APPLICATION (self), NULL);

  silent = g_steal_pointer (&self->silent_sign_in);
  if (silent == NULL)
    return NULL;
  g_signal_handlers_disconnect_by_func (silent, silent_sign_in_finished_cb, self);
  if (!werving_portal_url_equal (werving_client_get_base_url (werving_silent_sign_in_get_client (silent)), portal) ||
      g_strcmp0 (werving_silent_sign_in_get_email (silent), email) != 0)
    {
      /* Not the account asked for: do not let a session arrive unkept. */
      werving_silent_sign_in_cancel (silent);
      return NULL;
    }
  return g_steal_pointer (&silent);
}

static void
werving_application_startup (GApplication *app)
{
  WERVING_STARTUP_MARK ("startup");
  /* First: the worker thread needs nothing of GTK. */
  start_silent_sign_in (WERVING_APPLICATION (app));
  G_APPLICATION_CLASS (werving_application_parent_class)->startup (app);
  WERVING_STARTUP_MARK ("startup done");
}

static void
werving_application_finalize (GObject *object)
{
  WervingApplication *self = WERVING_APPLICATION (object);

  g_clear_pointer (&self->portal_url, g_free);
  if (self->silent_sign_in != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->silent_sign_in, silent_sign_in_finished_cb, self);
      werving_silent_sign_in_cancel (self->silent_sign_in);
      g_clear_object (&self->silent_sign_in);
    }

  G_OBJECT_CLASS (werving_application_parent_class)->finalize (object);
}

static void
werving_application_class_init (WervingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = werving_application_finalize;
  app_class->activate = werving_application_activate;
  app_class->startup = werving_application_startup;
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
