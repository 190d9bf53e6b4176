/* werving-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "werving-account-store.h"
#include "werving-candidates-page.h"
#include "werving-client.h"
#include "werving-demo-portal.h"
#include "werving-error.h"
#include "werving-keyring.h"
#include "werving-messages-page.h"
#include "werving-outbox.h"
#include "werving-register-page.h"
#include "werving-shortlist-window.h"
#include "werving-silent-sign-in.h"
#include "werving-startup-mark.h"
#include "werving-vacancies-page.h"
#include "werving-vacancy-actions.h"
#include "werving-vacancy-editor.h"
#include "werving-vacancy-save.h"
#include "werving-window.h"

/* How many portal addresses the welcome page remembers. */
#define MAX_RECENT_PORTALS 5
/* While the portal cannot be reached at start, signing in is tried again
 * after this, doubling (and at once when the network comes back). */
#define FIRST_RETRY_SECONDS 5
#define MAX_RETRY_SECONDS 60

struct _WervingWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  WervingClient *client;
  WervingOrganisation *organisation;
  WervingVacancyActions *vacancy_actions;
  GCancellable *cancellable;
  gboolean remember;
  /* Keyring writes still on their way; a sign-out clears after them. */
  guint pending_stores;
  char *clear_portal;
  char *clear_email;
  /* The signed-in account while another one is being added or switched to;
   * Cancel goes back to it. */
  WervingClient *previous_client;
  gboolean previous_remember;
  GMenu *account_menu;
  guint back_button_idle;
  GCancellable *demo_cancellable;
  char *demo_portal_url;

  /* Start-up of a remembered account. While the silent sign-in runs (in a
   * worker thread, with a client nobody else may touch yet) the main view
   * shows that account's vacancies as this computer kept them, and nothing
   * else. If the portal cannot be reached, the window stays there offline
   * (self->client set, not signed in) and tries again. */
  WervingSilentSignIn *silent;
  char *pending_email;        /* non-NULL while starting or offline */
  gboolean offline;
  gboolean retrying;
  guint retry_id;
  guint retry_seconds;
  GNetworkMonitor *network_monitor;
  /* The first signed-in frame needs the Vacancies only: the other sections
   * get the account (and send their requests) once the window has painted
   * its first frame. */
  gboolean painted;
  gboolean sections_pending;
  guint sections_id;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwEntryRow *portal_url_row;
  AdwStatusPage *sign_in_page;
  AdwEntryRow *email_row;
  AdwPasswordEntryRow *password_row;
  GtkSwitch *remember_switch;
  GtkLabel *sign_in_error_label;
  GtkSpinner *sign_in_spinner;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar;
  GtkListBoxRow *vacancies_row;
  GtkLabel *account_label;
  GtkMenuButton *account_menu_button;
  GtkButton *cancel_add_button;
  GtkListBox *demo_portal_list;
  AdwActionRow *demo_portal_row;
  AdwPreferencesGroup *recent_portals_group;
  GtkListBox *recent_portals_list;
  GtkStack *section_stack;
  AdwStatusPage *needs_portal_page;
  GtkWidget *needs_portal_button;
  WervingVacanciesPage *vacancies_page;
  /* Built when first needed (signed in, or asked for): not for the first
   * frame. Children of section_stack. */
  WervingCandidatesPage *candidates_page;
  WervingMessagesPage *messages_page;
  /* The one outbox of the signed-in account, shared by every section, and
   * the client it sends with (not a reference). */
  WervingOutbox *outbox;
  WervingClient *outbox_client;
  GtkLabel *unread_label;
  WervingRegisterPage *register_page;
  GtkInfoBar *verification_bar;
  GtkButton *new_vacancy_button;
  GtkButton *back_button;
  GtkLabel *verification_label;
};

G_DEFINE_FINAL_TYPE (WervingWindow, werving_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_sign_in_error (WervingWindow *self,
                                const char    *message);
static void session_changed_cb (WervingClient *client,
                                GParamSpec    *pspec,
                                WervingWindow *self);
static void show_main          (WervingWindow *self);
static void update_back_button (WervingWindow *self);
static void set_client         (WervingWindow *self,
                                WervingClient *client);
static void update_actions     (WervingWindow *self);
static void discover_demo_portal (WervingWindow *self);
static void update_account_menu  (WervingWindow *self);
static void update_section       (WervingWindow *self);
static gboolean is_cancelled     (const GError  *error);
static void show_sign_in         (WervingWindow *self,
                                  WervingClient *client,
                                  const char    *email,
                                  const char    *message);
static void reset_cancellable    (WervingWindow *self);

/* Start-up of a remembered account */

/* "e-mail address at portal address" in the sidebar. */
static void
set_account_label (WervingWindow *self,
                   const char    *portal,
                   const char    *email)
{
  g_autofree char *account = NULL;

  if (email == NULL)
    {
      gtk_label_set_text (self->account_label, "");
      return;
    }
  /* Translators: "e-mail address at portal address" */
  account = g_strdup_printf (_("%s at %s"), email, portal);
  gtk_label_set_text (self->account_label, account);
}

static void
stop_retrying (WervingWindow *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_seconds = 0;
  self->retrying = FALSE;
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_clear_object (&self->network_monitor);
}

/* Signing in did not get through at start: what was shown of the account
 * goes (its outbox file stays for the next sign-in). */
static void
forget_pending_account (WervingWindow *self)
{
  g_clear_pointer (&self->pending_email, g_free);
  self->offline = FALSE;
  stop_retrying (self);
  werving_vacancies_page_set_client (self->vacancies_page, NULL);
  g_clear_object (&self->outbox);
  set_account_label (self, NULL, NULL);
  update_section (self);
}

/* Says why there is no session and offers signing in by hand. */
static void
silent_sign_in_failed (WervingWindow *self,
                       WervingClient *client,
                       const char    *email,
                       const GError  *error,
                       gboolean       keyring_failed)
{
  g_autofree char *message = NULL;
  g_autofree char *kept_email = g_strdup (email);
  g_autoptr(WervingClient) kept_client = g_object_ref (client);

  if (keyring_failed && error != NULL)
    {
      message = g_strdup_printf (_("The system keyring is not available, so you need to sign in: %s"),
                                 error->message);
    }
  else if (error != NULL)
    {
      g_autofree char *reason = werving_error_to_user_message (error);

      /* Translators: %s says why, e.g. "Werving cannot reach the portal; …" */
      message = g_strdup_printf (_("You could not be signed in automatically. %s"), reason);
    }
  /* else the keyring holds no token: just the sign-in page */

  /* (@email may be the pending one that is about to be forgotten.) */
  forget_pending_account (self);
  show_sign_in (self, kept_client, kept_email, message);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  WervingWindow *self = user_data;

  self->retry_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.retry-sign-in", NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (WervingWindow *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_seconds = self->retry_seconds == 0 ? FIRST_RETRY_SECONDS
                                                 : MIN (self->retry_seconds * 2, MAX_RETRY_SECONDS);
  self->retry_id = g_timeout_add_seconds (self->retry_seconds, retry_timeout_cb, self);
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    WervingWindow   *self)
{
  /* The network is back: no need to sit out the pause. */
  if (available && self->offline && !self->retrying)
    {
      self->retry_seconds = 0;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.retry-sign-in", NULL);
    }
}

static void
open_outbox_for (WervingWindow *self,
                 const char    *email)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (email == NULL)
    {
      g_clear_object (&self->outbox);
      return;
    }
  path = werving_outbox_get_default_path (werving_client_get_base_url (self->client), email);
  /* Kept across getting signed in: the one outbox sends its items once. */
  if (self->outbox != NULL && self->outbox_client == self->client &&
      g_strcmp0 (werving_outbox_get_path (self->outbox), path) == 0)
    return;
  g_clear_object (&self->outbox);
  self->outbox_client = self->client;
  self->outbox = werving_outbox_new (self->client, path, &error);
  if (self->outbox == NULL)
    g_warning ("Could not open the outbox %s: %s", path, error->message);
}

/* The portal could not be reached: the remembered account offline. Its
 * vacancies stay readable from this computer with the "cannot reach the
 * portal" bar, its outbox waits, the other sections say they need the
 * portal; nothing is sent without a session. */
static void
enter_offline (WervingWindow *self,
               WervingClient *client,
               const char    *email)
{
  g_autofree char *kept_email = g_strdup (email);

  self->offline = TRUE;
  g_free (self->pending_email);
  self->pending_email = g_steal_pointer (&kept_email);
  set_client (self, client);
  /* Its next session is remembered like this one was (rotated tokens). */
  self->remember = TRUE;
  open_outbox_for (self, self->pending_email);
  werving_vacancies_page_set_outbox (self->vacancies_page, self->outbox);
  werving_vacancies_page_set_account (self->vacancies_page, client, self->pending_email);
  set_account_label (self, werving_client_get_base_url (client), self->pending_email);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  if (self->network_monitor == NULL)
    {
      self->network_monitor = g_object_ref (g_network_monitor_get_default ());
      g_signal_connect (self->network_monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
    }
  schedule_retry (self);
  update_section (self);
  update_actions (self);
}

static void
resume_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = werving_client_resume_finish (WERVING_CLIENT (source), result, &error);
  if (is_cancelled (error) || !self->offline || WERVING_CLIENT (source) != self->client)
    return;

  self->retrying = FALSE;
  if (session == NULL)
    {
      if (werving_vacancy_save_is_offline_error (error))
        schedule_retry (self);
      else
        /* A refusal (a revoked token): sign in again, said why. */
        silent_sign_in_failed (self, self->client, self->pending_email, error, FALSE);
      return;
    }

  /* The new token was stored when the session arrived (remember is set). */
  show_main (self);
}

static void
lookup_secret_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = werving_keyring_lookup_finish (result, &error);
  if (is_cancelled (error) || !self->offline)
    return;
  if (token == NULL)
    {
      self->retrying = FALSE;
      silent_sign_in_failed (self, self->client, self->pending_email, error, TRUE);
      return;
    }

  werving_client_resume_async (self->client, token, self->cancellable, resume_cb, g_object_ref (self));
}

/* Offline after start: tries the silent sign-in again, on this thread now
 * (the client is connected to the window, the outbox and the page). */
static void
retry_sign_in_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);

  if (!self->offline || self->retrying)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retrying = TRUE;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  werving_keyring_lookup_async (werving_client_get_base_url (self->client), self->pending_email,
                                WERVING_KEYRING_REFRESH_TOKEN, self->cancellable,
                                lookup_secret_cb, g_object_ref (self));
}

/* Retry on the vacancies' offline bar. */
static void
reconnect_cb (WervingVacanciesPage *page,
              WervingWindow        *self)
{
  self->retry_seconds = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.retry-sign-in", NULL);
}

static void
silent_finished_cb (WervingSilentSignIn *silent,
                    WervingWindow       *self)
{
  g_autoptr(WervingSilentSignIn) finished = g_steal_pointer (&self->silent);
  WervingClient *client = werving_silent_sign_in_get_client (silent);
  const GError *error = werving_silent_sign_in_get_error (silent);

  WERVING_STARTUP_MARK ("silent sign-in finished");
  g_signal_handlers_disconnect_by_func (silent, silent_finished_cb, self);
  if (is_cancelled (error))
    return;

  if (werving_silent_sign_in_get_session (silent) != NULL)
    {
      set_client (self, client);
      self->remember = TRUE;
      /* Refresh tokens rotate: the one just used is spent, keep the new one. */
      session_changed_cb (client, NULL, self);
      show_main (self);
      return;
    }

  if (!werving_silent_sign_in_get_keyring_failed (silent) && werving_vacancy_save_is_offline_error (error))
    enter_offline (self, client, werving_silent_sign_in_get_email (silent));
  else
    silent_sign_in_failed (self, client, werving_silent_sign_in_get_email (silent), error,
                           werving_silent_sign_in_get_keyring_failed (silent));
}

/* Takes @silent (the start-up's, or a new one). If it has not finished, the
 * main view shows the account's vacancies kept on this computer meanwhile. */
static void
start_silent_sign_in (WervingWindow       *self,
                      WervingSilentSignIn *silent)
{
  WervingClient *client = werving_silent_sign_in_get_client (silent);
  const char *email = werving_silent_sign_in_get_email (silent);
  g_autofree char *description = NULL;

  self->silent = silent;
  gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), werving_client_get_base_url (client));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
  /* Translators: %s is the address of a job portal */
  description = g_strdup_printf (_("Sign in to %s with your organisation's account."),
                                 werving_client_get_base_url (client));
  adw_status_page_set_description (self->sign_in_page, description);

  if (werving_silent_sign_in_is_finished (silent))
    {
      silent_finished_cb (silent, self);
      return;
    }
  g_signal_connect (silent, "finished", G_CALLBACK (silent_finished_cb), self);

  g_free (self->pending_email);
  self->pending_email = g_strdup (email);
  werving_vacancies_page_show_cached (self->vacancies_page, werving_client_get_base_url (client), email);
  set_account_label (self, werving_client_get_base_url (client), email);
  gtk_list_box_select_row (self->sidebar, self->vacancies_row);
  update_section (self);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  update_actions (self);
}

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

  /* Back on the portal of last time: go straight to signing in, silently
   * if an account was remembered (start-up has begun that already). */
  if (portal_url != NULL && werving_portal_url_equal (portal_url, last_url))
    {
      g_autofree char *email = g_settings_get_string (self->settings, "last-account-email");
      WervingSilentSignIn *silent = NULL;

      if (*email != '\0')
        silent = werving_application_take_silent_sign_in (application, last_url, email);
      if (silent == NULL && *email != '\0')
        {
          g_autoptr(WervingClient) client = werving_client_new (last_url, NULL);

          if (client != NULL)
            silent = werving_silent_sign_in_new (client, email);
        }
      if (silent != NULL)
        start_silent_sign_in (self, silent);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "win.connect", NULL);
    }

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
remember_portal (WervingWindow *self,
                 const char    *url)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-portal-urls");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, url);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_PORTALS; i++)
    {
      if (g_strcmp0 (recent[i], url) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);

  /* While adding an account, the next start still opens the current one. */
  if (self->previous_client == NULL)
    g_settings_set_string (self->settings, "last-portal-url", url);
  g_settings_set_strv (self->settings, "recent-portal-urls", (const char * const *) updated);
}

static void
update_actions (WervingWindow *self)
{
  gboolean in_main = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;
  /* While another account is being added, the current one waits behind. */
  gboolean signed_in = in_main && self->client != NULL && werving_client_get_signed_in (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-account", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-vacancy", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-add-account", self->previous_client != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_vacancy_button), signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->account_menu_button), signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_add_button), self->previous_client != NULL);
}

static void
show_sign_in_error (WervingWindow *self,
                    const char    *message)
{
  gtk_label_set_text (self->sign_in_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error_label), message != NULL);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->portal_url_row));
  g_autofree char *stripped = g_strstrip (g_strdup (url));
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingClient) client = NULL;

  if (*stripped == '\0')
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Enter the address of your job portal first")));
      gtk_widget_add_css_class (GTK_WIDGET (self->portal_url_row), "error");
      return;
    }

  client = werving_client_new (stripped, &error);
  if (client == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      gtk_widget_add_css_class (GTK_WIDGET (self->portal_url_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->portal_url_row), "error");
  remember_portal (self, stripped);
  set_client (self, client);

  /* Translators: %s is the address of a job portal */
  description = g_strdup_printf (_("Sign in to %s with your organisation's account."),
                                 werving_client_get_base_url (client));
  adw_status_page_set_description (self->sign_in_page, description);
  show_sign_in_error (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
}

static void
change_portal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  discover_demo_portal (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static void
clear_secret_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!werving_keyring_clear_finish (result, &error))
    g_warning ("Could not remove the account's secrets from the keyring: %s", error->message);
}

static void
clear_account_secrets (const char *portal,
                       const char *email)
{
  werving_keyring_clear_async (portal, email, NULL, NULL, clear_secret_cb, NULL);
}

static void
store_secret_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored = werving_keyring_store_finish (result, &error);

  g_assert (self->pending_stores > 0);
  if (--self->pending_stores == 0 && self->clear_email != NULL)
    {
      clear_account_secrets (self->clear_portal, self->clear_email);
      g_clear_pointer (&self->clear_portal, g_free);
      g_clear_pointer (&self->clear_email, g_free);
    }

  if (!stored)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The session goes on in memory; only the next start needs a password. */
      message = g_strdup_printf (_("Werving could not save your sign-in in the keyring, so you will need to sign in again next time: %s"),
                                 error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

/* Refresh tokens rotate: keep the keyring's copy current. */
static void
session_changed_cb (WervingClient *client,
                    GParamSpec    *pspec,
                    WervingWindow *self)
{
  WervingSession *session = werving_client_get_session (client);

  if (!self->remember || session == NULL || werving_session_get_refresh_token (session) == NULL)
    return;

  werving_keyring_store_async (werving_client_get_base_url (client),
                               werving_session_get_account_email (session),
                               WERVING_KEYRING_REFRESH_TOKEN,
                               werving_session_get_refresh_token (session),
                               NULL, store_secret_cb, g_object_ref (self));
  self->pending_stores++;
}

static void
set_client (WervingWindow *self,
            WervingClient *client)
{
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, session_changed_cb, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify::session", G_CALLBACK (session_changed_cb), self, 0);
}

static void
organisation_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(WervingOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  const char *verification;
  const char *text = NULL;

  organisation = werving_client_get_organisation_finish (WERVING_CLIENT (source), result, &error);
  if (organisation == NULL)
    return;  /* a jobseeker account, or the portal is away: the sections say so */

  g_set_object (&self->organisation, organisation);
  werving_vacancy_actions_set_organisation (self->vacancy_actions, organisation);

  /* R6: say plainly what an unverified organisation can and cannot do. */
  verification = werving_organisation_get_verification (organisation);
  if (g_strcmp0 (verification, "pending") == 0)
    text = _("The portal is still checking your organisation’s KvK registration. Until it has verified you, you can write draft vacancies, but you cannot publish them or view CVs.");
  else if (g_strcmp0 (verification, "blocked") == 0)
    text = _("The portal has blocked your organisation. You cannot publish vacancies or view CVs; contact the portal’s support to find out why.");

  gtk_label_set_text (self->verification_label, text != NULL ? text : "");
  gtk_info_bar_set_revealed (self->verification_bar, text != NULL);
}

static void
open_outbox (WervingWindow *self)
{
  WervingSession *session = werving_client_get_session (self->client);

  open_outbox_for (self, session != NULL ? werving_session_get_account_email (session) : NULL);
}

static void unread_count_cb (WervingMessagesPage *page,
                             GParamSpec          *pspec,
                             WervingWindow       *self);

/* The Candidates and Messages sections, built the first time they are
 * needed rather than with the window. */
static void
ensure_sections (WervingWindow *self)
{
  if (self->candidates_page == NULL)
    {
      self->candidates_page = g_object_new (WERVING_TYPE_CANDIDATES_PAGE, NULL);
      gtk_stack_add_named (self->section_stack, GTK_WIDGET (self->candidates_page), "candidates");
    }
  if (self->messages_page == NULL)
    {
      self->messages_page = g_object_new (WERVING_TYPE_MESSAGES_PAGE, NULL);
      g_signal_connect_object (self->messages_page, "notify::unread-count", G_CALLBACK (unread_count_cb), self, 0);
      gtk_stack_add_named (self->section_stack, GTK_WIDGET (self->messages_page), "messages");
    }
}

/* Candidates, Messages, the vacancy actions and the organisation. */
static void
connect_sections (WervingWindow *self)
{
  self->sections_pending = FALSE;
  g_clear_handle_id (&self->sections_id, g_source_remove);
  if (self->client == NULL || !werving_client_get_signed_in (self->client) || self->pending_email != NULL)
    return;

  ensure_sections (self);
  werving_messages_page_set_outbox (self->messages_page, self->outbox);
  werving_candidates_page_set_outbox (self->candidates_page, self->outbox);
  werving_candidates_page_set_client (self->candidates_page, self->client);
  werving_messages_page_set_client (self->messages_page, self->client);
  werving_vacancy_actions_set_client (self->vacancy_actions, self->client);
  werving_client_get_organisation_async (self->client, self->cancellable, organisation_cb,
                                         g_object_ref (self));
}

static gboolean
connect_sections_cb (gpointer user_data)
{
  WervingWindow *self = user_data;

  self->sections_id = 0;
  WERVING_STARTUP_MARK ("sections connected");
  connect_sections (self);
  return G_SOURCE_REMOVE;
}

static void
cancel_pending_sections (WervingWindow *self)
{
  self->sections_pending = FALSE;
  g_clear_handle_id (&self->sections_id, g_source_remove);
}

static void
first_paint_cb (GdkFrameClock *clock,
                WervingWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  self->painted = TRUE;
  /* Right after this frame, not in the middle of it. */
  if (self->sections_pending)
    {
      g_clear_handle_id (&self->sections_id, g_source_remove);
      self->sections_id = g_idle_add (connect_sections_cb, self);
    }
}

static void
window_realized_cb (WervingWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_paint_cb), self, 0);
}

static void
show_main (WervingWindow *self)
{
  WervingSession *session = werving_client_get_session (self->client);
  /* Signed in after starting offline: stay in the section the user chose. */
  gboolean was_pending = self->pending_email != NULL;

  WERVING_STARTUP_MARK ("show_main");
  g_clear_pointer (&self->pending_email, g_free);
  self->offline = FALSE;
  stop_retrying (self);
  set_account_label (self, werving_client_get_base_url (self->client),
                     werving_session_get_account_email (session));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), werving_client_get_base_url (self->client));
  /* This account is the current one now: the one to return to next start. */
  g_clear_object (&self->previous_client);
  werving_account_store_add (self->settings, werving_client_get_base_url (self->client),
                             werving_session_get_account_email (session));
  g_settings_set_string (self->settings, "last-portal-url", werving_client_get_base_url (self->client));
  g_settings_set_string (self->settings, "last-account-email",
                         self->remember ? werving_session_get_account_email (session) : "");
  update_account_menu (self);
  open_outbox (self);
  werving_vacancies_page_set_outbox (self->vacancies_page, self->outbox);
  werving_vacancies_page_set_client (self->vacancies_page, self->client);
  gtk_info_bar_set_revealed (self->verification_bar, FALSE);
  cancel_pending_sections (self);
  if (self->painted)
    connect_sections (self);
  else
    {
      /* Start-up: after the first frame, or in a second at the latest (a
       * window that is not drawn). */
      self->sections_pending = TRUE;
      self->sections_id = g_timeout_add (1000, connect_sections_cb, self);
    }
  if (!was_pending)
    gtk_list_box_select_row (self->sidebar, self->vacancies_row);
  update_section (self);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  update_actions (self);
  update_back_button (self);
  WERVING_STARTUP_MARK ("show_main done");
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = werving_client_sign_in_finish (WERVING_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", TRUE);

  if (session == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      show_sign_in_error (self, message);
      if (g_error_matches (error, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED))
        gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      return;
    }

  /* The token itself was stored by session_changed_cb when the session
   * arrived; storing it twice at once races in libsecret's file backend.
   * show_main () remembers the account. */
  show_main (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");

  if (self->client == NULL)
    return;
  if (strchr (email, '@') == NULL)
    {
      show_sign_in_error (self, _("Enter the e-mail address of your account."));
      gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
      return;
    }
  if (*password == '\0')
    {
      show_sign_in_error (self, _("Enter your password."));
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      return;
    }

  show_sign_in_error (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->remember = gtk_switch_get_active (self->remember_switch);
  gtk_spinner_set_spinning (self->sign_in_spinner, TRUE);
  gtk_widget_action_set_enabled (widget, "win.sign-in", FALSE);
  werving_client_sign_in_async (self->client, email, password, self->cancellable,
                                sign_in_cb, g_object_ref (self));
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Signing out forgets the session here even when the portal is away. */
  if (!werving_client_sign_out_finish (WERVING_CLIENT (source), result, &error))
    g_debug ("Sign-out at the portal failed: %s", error->message);
}


/* Signs the current account out and removes it from this computer: its
 * secrets, outbox, drafts and caches, and its place in the account list. */
static void
sign_out (WervingWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  WervingSession *session;

  if (self->client == NULL)
    return;

  session = werving_client_get_session (self->client);
  if (session != NULL && self->pending_stores > 0)
    {
      /* A token being written now would outlive a clear sent now. */
      g_free (self->clear_portal);
      g_free (self->clear_email);
      self->clear_portal = g_strdup (werving_client_get_base_url (self->client));
      self->clear_email = g_strdup (werving_session_get_account_email (session));
    }
  else if (session != NULL)
    clear_account_secrets (werving_client_get_base_url (self->client),
                           werving_session_get_account_email (session));

  /* R9: what this account wrote on this machine goes with it. */
  if (self->outbox != NULL)
    werving_outbox_wipe (self->outbox);
  if (session != NULL)
    {
      const char *portal = werving_client_get_base_url (self->client);
      const char *email = werving_session_get_account_email (session);
      g_autoptr(GError) wipe_error = NULL;

      if (!werving_account_wipe_local_data (portal, email, &wipe_error))
        g_warning ("Could not remove the account's data: %s", wipe_error->message);
      werving_account_store_remove (self->settings, portal, email);
    }
  cancel_pending_sections (self);
  werving_vacancy_actions_set_vacancy (self->vacancy_actions, NULL);
  werving_vacancy_actions_set_client (self->vacancy_actions, NULL);
  g_clear_object (&self->organisation);
  self->remember = FALSE;
  g_settings_set_string (self->settings, "last-account-email", "");
  werving_vacancies_page_set_client (self->vacancies_page, NULL);
  /* Clears the open CV from memory too (R9). */
  if (self->candidates_page != NULL)
    {
      werving_candidates_page_set_client (self->candidates_page, NULL);
      werving_candidates_page_set_outbox (self->candidates_page, NULL);
    }
  if (self->messages_page != NULL)
    {
      werving_messages_page_set_client (self->messages_page, NULL);
      werving_messages_page_set_outbox (self->messages_page, NULL);
    }
  g_clear_object (&self->outbox);
  werving_client_sign_out_async (self->client, NULL, sign_out_cb, g_object_ref (self));
  gtk_widget_action_set_enabled (widget, "win.sign-out", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Signed out")));
  update_actions (self);
  update_account_menu (self);
}

static void
sign_out_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      WervingWindow    *self)
{
  if (g_strcmp0 (response, "sign-out") == 0)
    sign_out (self);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  guint unsent = self->outbox != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->outbox)) : 0;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (unsent == 0)
    {
      sign_out (self);
      return;
    }

  /* Unsent messages and changes exist only here: losing them needs a yes. */
  heading = g_strdup_printf (ngettext ("Sign Out and Discard %u Unsent Item?",
                                       "Sign Out and Discard %u Unsent Items?", unsent), unsent);
  body = g_strdup_printf (ngettext ("%u message or change has not reached the portal yet. Signing out removes it from this computer, with your drafts and your saved sign-in.",
                                    "%u messages or changes have not reached the portal yet. Signing out removes them from this computer, with your drafts and your saved sign-in.",
                                    unsent), unsent);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out and Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-out", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_cb (GObject       *source,
          const char    *message,
          WervingWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
vacancy_saved_cb (WervingVacancyEditor *editor,
                  WervingVacancy       *vacancy,
                  WervingWindow        *self)
{
  werving_vacancies_page_reload (self->vacancies_page);
}

static void
open_editor (WervingWindow  *self,
             WervingVacancy *vacancy)
{
  WervingVacancyEditor *editor;

  if (self->client == NULL || !werving_client_get_signed_in (self->client))
    return;

  editor = werving_vacancy_editor_open (GTK_WINDOW (self), self->client, self->organisation, vacancy);
  g_signal_connect_object (editor, "saved", G_CALLBACK (vacancy_saved_cb), self, 0);
  g_signal_connect_object (editor, "toast", G_CALLBACK (toast_cb), self, 0);
}

static void
new_vacancy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (WERVING_WINDOW (widget), NULL);
}

static void
vacancy_activated_cb (WervingVacanciesPage *page,
                      WervingVacancy       *vacancy,
                      WervingWindow        *self)
{
  open_editor (self, vacancy);
}

static void
selected_vacancy_cb (WervingVacanciesPage *page,
                     GParamSpec           *pspec,
                     WervingWindow        *self)
{
  werving_vacancy_actions_set_vacancy (self->vacancy_actions,
                                       werving_vacancies_page_get_selected_vacancy (page));
}

static void
vacancy_changed_cb (WervingVacancyActions *actions,
                    WervingVacancy        *vacancy,
                    WervingWindow         *self)
{
  werving_vacancies_page_reload (self->vacancies_page);
}

static void
vacancy_deleted_cb (WervingVacancyActions *actions,
                    gint64                 id,
                    WervingWindow         *self)
{
  werving_vacancies_page_reload (self->vacancies_page);
}

static void
open_editor_cb (WervingVacancyActions *actions,
                WervingVacancy        *vacancy,
                WervingWindow         *self)
{
  open_editor (self, vacancy);
}

static void
open_matches_cb (WervingVacancyActions *actions,
                 WervingVacancy        *vacancy,
                 WervingWindow         *self)
{
  ensure_sections (self);
  werving_candidates_page_show_matches (self->candidates_page, vacancy);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "candidates");
}

static void
shortlist_open_cv_cb (WervingShortlistWindow *shortlist,
                      gint64                  cv_id,
                      WervingWindow          *self)
{
  ensure_sections (self);
  werving_candidates_page_open_cv (self->candidates_page, cv_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "candidates");
  gtk_window_present (GTK_WINDOW (self));
}

static void
open_shortlist_cb (WervingVacancyActions *actions,
                   WervingVacancy        *vacancy,
                   WervingWindow         *self)
{
  WervingShortlistWindow *shortlist;

  if (self->client == NULL)
    return;
  shortlist = werving_shortlist_window_new (GTK_WINDOW (self), self->client, vacancy);
  g_signal_connect_object (shortlist, "open-cv", G_CALLBACK (shortlist_open_cv_cb), self, 0);
  gtk_window_present (GTK_WINDOW (shortlist));
}

static void
unread_count_cb (WervingMessagesPage *page,
                 GParamSpec          *pspec,
                 WervingWindow       *self)
{
  guint count = 0;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  g_object_get (page, "unread-count", &count, NULL);
  text = g_strdup_printf ("%u", count);
  description = g_strdup_printf (ngettext ("%u unread message", "%u unread messages", count), count);
  gtk_label_set_text (self->unread_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unread_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->unread_label), count > 0);
}

void
werving_window_open_thread (WervingWindow *self,
                            gint64         thread_id)
{
  g_return_if_fail (WERVING_IS_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "messages");
  ensure_sections (self);
  werving_messages_page_open_thread (self->messages_page, thread_id);
}

WervingOutbox *
werving_window_get_outbox (WervingWindow *self)
{
  g_return_val_if_fail (WERVING_IS_WINDOW (self), NULL);

  return self->outbox;
}

/* Accounts */

static char *
account_title (const char *portal,
               const char *email)
{
  /* Translators: "e-mail address at portal address" */
  return g_strdup_printf (_("%s at %s"), email, portal);
}

static gboolean
is_current_account (WervingWindow *self,
                    const char    *portal,
                    const char    *email)
{
  WervingSession *session = self->client != NULL ? werving_client_get_session (self->client) : NULL;

  return session != NULL &&
         g_strcmp0 (werving_client_get_base_url (self->client), portal) == 0 &&
         g_strcmp0 (werving_session_get_account_email (session), email) == 0;
}

/* Other remembered accounts, then Add Account… and Sign Out. */
static void
update_account_menu (WervingWindow *self)
{
  g_autoptr(GPtrArray) accounts = werving_account_store_list (self->settings);
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();
  WervingSession *session = self->client != NULL ? werving_client_get_session (self->client) : NULL;

  g_menu_remove_all (self->account_menu);
  for (guint i = 0; i < accounts->len; i++)
    {
      WervingKeyringAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (is_current_account (self, account->portal, account->email))
        continue;
      label = account_title (account->portal, account->email);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.switch-account",
                                               g_variant_new ("(ss)", account->portal, account->email));
      g_menu_append_item (others, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    g_menu_append_section (self->account_menu, _("Switch To"), G_MENU_MODEL (others));
  g_menu_append (manage, _("_Add Account…"), "win.add-account");
  g_menu_append (manage, _("_Sign Out"), "win.sign-out");
  g_menu_append_section (self->account_menu, NULL, G_MENU_MODEL (manage));

  if (session != NULL)
    {
      g_autofree char *title = account_title (werving_client_get_base_url (self->client),
                                              werving_session_get_account_email (session));
      /* Translators: a tooltip; %s is "e-mail address at portal address" */
      g_autofree char *tooltip = g_strdup_printf (_("Accounts — signed in as %s"), title);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_menu_button), tooltip);
    }
}

static void
reset_cancellable (WervingWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* Leaves the signed-in account in the sections while the user signs in to
 * another one; Cancel returns to it, signing in replaces it. */
static void
keep_previous_account (WervingWindow *self)
{
  if (self->previous_client != NULL || self->client == NULL ||
      !werving_client_get_signed_in (self->client))
    return;
  self->previous_client = g_object_ref (self->client);
  self->previous_remember = self->remember;
}

/* The sign-in page for @client's portal with @email filled in. */
static void
show_sign_in (WervingWindow *self,
              WervingClient *client,
              const char    *email,
              const char    *message)
{
  g_autofree char *description = NULL;

  keep_previous_account (self);
  set_client (self, client);
  gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), werving_client_get_base_url (client));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  /* Translators: %s is the address of a job portal */
  description = g_strdup_printf (_("Sign in to %s with your organisation's account."),
                                 werving_client_get_base_url (client));
  adw_status_page_set_description (self->sign_in_page, description);
  show_sign_in_error (self, message);
  gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  update_actions (self);
  gtk_widget_grab_focus (email != NULL ? GTK_WIDGET (self->password_row) : GTK_WIDGET (self->email_row));
}

typedef struct
{
  WervingWindow *self;
  WervingClient *client;
  char          *email;
} Switch;

static void
switch_free (Switch *data)
{
  g_object_unref (data->self);
  g_object_unref (data->client);
  g_free (data->email);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Switch, switch_free)

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED);
}

static void
switch_resume_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Switch) data = user_data;
  WervingWindow *self = data->self;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = werving_client_resume_finish (data->client, result, &error);
  if (is_cancelled (error))
    return;
  if (session == NULL)
    {
      g_autofree char *reason = werving_error_to_user_message (error);
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Werving cannot reach the portal; …" */
      message = g_strdup_printf (_("You could not be signed in automatically. %s"), reason);
      show_sign_in (self, data->client, data->email, message);
      return;
    }

  g_clear_object (&self->previous_client);
  set_client (self, data->client);
  self->remember = TRUE;
  /* Refresh tokens rotate: the one just used is spent, keep the new one. */
  session_changed_cb (self->client, NULL, self);
  show_main (self);
}

static void
switch_lookup_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Switch) data = user_data;
  WervingWindow *self = data->self;
  WervingClient *client;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = werving_keyring_lookup_finish (result, &error);
  if (is_cancelled (error))
    return;
  if (token == NULL)
    {
      g_autofree char *message = NULL;

      if (error != NULL)
        message = g_strdup_printf (_("The system keyring is not available, so you need to sign in: %s"),
                                   error->message);
      show_sign_in (self, data->client, data->email, message);
      return;
    }
  client = data->client;
  werving_client_resume_async (client, token, self->cancellable, switch_resume_cb,
                               g_steal_pointer (&data));
}

static void
switch_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  const char *portal;
  const char *email;
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Switch *data;

  g_variant_get (parameter, "(&s&s)", &portal, &email);
  if (is_current_account (self, portal, email))
    return;

  client = werving_client_new (portal, &error);
  if (client == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  reset_cancellable (self);
  data = g_new0 (Switch, 1);
  data->self = g_object_ref (self);
  data->client = g_steal_pointer (&client);
  data->email = g_strdup (email);
  werving_keyring_lookup_async (portal, email, WERVING_KEYRING_REFRESH_TOKEN, self->cancellable,
                                switch_lookup_cb, data);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);

  keep_previous_account (self);
  reset_cancellable (self);
  gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_sign_in_error (self, NULL);
  discover_demo_portal (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->portal_url_row));
}

static void
cancel_add_account_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  g_autoptr(WervingClient) previous = g_steal_pointer (&self->previous_client);

  if (previous == NULL)
    return;
  reset_cancellable (self);
  gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
  gtk_widget_action_set_enabled (widget, "win.sign-in", TRUE);
  set_client (self, previous);
  self->remember = self->previous_remember;
  /* Its token may have rotated meanwhile. */
  session_changed_cb (self->client, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), werving_client_get_base_url (self->client));
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  update_actions (self);
  update_back_button (self);
}

/* The welcome page: recent portals and the demo portal on this computer */

static void
recent_portals_changed_cb (WervingWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-portal-urls");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_portals_list))) != NULL)
    gtk_list_box_remove (self->recent_portals_list, child);
  for (guint i = 0; recent[i] != NULL && i < MAX_RECENT_PORTALS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.use-portal");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (recent[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_portals_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_portals_group), recent[0] != NULL);
}

static void
use_portal_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  const char *url = parameter != NULL ? g_variant_get_string (parameter, NULL) : self->demo_portal_url;

  if (url == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row), url);
  gtk_widget_activate_action (widget, "win.connect", NULL);
}

static void
demo_portal_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = werving_demo_portal_discover_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_free (self->demo_portal_url);
  self->demo_portal_url = g_steal_pointer (&url);
  if (self->demo_portal_url != NULL)
    adw_action_row_set_subtitle (self->demo_portal_row, self->demo_portal_url);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_portal_list), self->demo_portal_url != NULL);
}

/* Offers the demo portal only once it answered: a stale file offers nothing. */
static void
discover_demo_portal (WervingWindow *self)
{
  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  self->demo_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->demo_portal_url, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_portal_list), FALSE);
  werving_demo_portal_discover_async (self->demo_cancellable, demo_portal_cb, g_object_ref (self));
}

WervingClient *
werving_window_get_client (WervingWindow *self)
{
  g_return_val_if_fail (WERVING_IS_WINDOW (self), NULL);

  /* While another account is being added, the sections still hold this one. */
  return self->previous_client != NULL ? self->previous_client : self->client;
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);

  if (self->client == NULL)
    return;
  werving_register_page_set_client (self->register_page, self->client);
  gtk_stack_set_visible_child_name (self->main_stack, "register");
}

static void
registered_cb (WervingRegisterPage *page,
               const char          *email,
               const char          *password,
               WervingWindow       *self)
{
  /* Sign in with what the user just chose, as if typed on the sign-in page. */
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Your organisation is registered")));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-in", NULL);
}

static void
register_cancelled_cb (WervingRegisterPage *page,
                       WervingWindow       *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
}

/* The section of the selected sidebar row; without a session (start-up,
 * offline) only the vacancies are there, the others say why not. */
static void
update_section (WervingWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  const char *name = row != NULL ? gtk_widget_get_name (GTK_WIDGET (row)) : "vacancies";

  if (self->pending_email == NULL || g_strcmp0 (name, "vacancies") == 0)
    {
      if (g_strcmp0 (name, "vacancies") != 0)
        ensure_sections (self);
      gtk_stack_set_visible_child_name (self->section_stack, name);
      return;
    }

  if (!self->offline)
    {
      adw_status_page_set_icon_name (self->needs_portal_page, "network-server-symbolic");
      adw_status_page_set_title (self->needs_portal_page, _("Signing In…"));
      adw_status_page_set_description (self->needs_portal_page,
                                       _("This section opens as soon as you are signed in."));
    }
  else
    {
      adw_status_page_set_icon_name (self->needs_portal_page, "network-offline-symbolic");
      adw_status_page_set_title (self->needs_portal_page,
                                 g_strcmp0 (name, "messages") == 0 ? _("Messages Need the Portal")
                                                                   : _("Candidates Need the Portal"));
      adw_status_page_set_description (self->needs_portal_page,
                                       _("Werving cannot reach the portal, so you are not signed in yet. It signs you in as soon as the portal is back; your vacancies are readable meanwhile."));
    }
  gtk_widget_set_visible (self->needs_portal_button, self->offline);
  gtk_stack_set_visible_child_name (self->section_stack, "needs-portal");
}

static void
sidebar_row_selected_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         WervingWindow *self)
{
  if (row == NULL)
    return;
  update_section (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A folded window shows one pane: offer the way back to the sections. */
static void
update_back_button (WervingWindow *self)
{
  gboolean in_main = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;
  gboolean on_content = adw_leaflet_get_visible_child (self->leaflet) !=
                        gtk_widget_get_first_child (GTK_WIDGET (self->leaflet));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          in_main && adw_leaflet_get_folded (self->leaflet) && on_content);
}

static gboolean
back_button_idle_cb (gpointer user_data)
{
  WervingWindow *self = user_data;

  self->back_button_idle = 0;
  update_back_button (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: showing the button then
 * would change the header bar in the middle of the layout. */
static void
queue_back_button_update (WervingWindow *self)
{
  if (self->back_button_idle == 0)
    self->back_button_idle = g_idle_add (back_button_idle_cb, self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

static void
werving_window_dispose (GObject *object)
{
  WervingWindow *self = WERVING_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->silent != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->silent, silent_finished_cb, self);
      werving_silent_sign_in_cancel (self->silent);
      g_clear_object (&self->silent);
    }
  stop_retrying (self);
  cancel_pending_sections (self);
  g_clear_pointer (&self->pending_email, g_free);
  /* Owned by section_stack, which the template disposes. */
  self->candidates_page = NULL;
  self->messages_page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_WINDOW);
  set_client (self, NULL);
  g_clear_object (&self->outbox);
  g_clear_object (&self->organisation);
  g_clear_object (&self->vacancy_actions);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->clear_portal, g_free);
  g_clear_pointer (&self->clear_email, g_free);
  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  g_clear_pointer (&self->demo_portal_url, g_free);
  g_clear_object (&self->previous_client);
  g_clear_object (&self->account_menu);
  g_clear_handle_id (&self->back_button_idle, g_source_remove);

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
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, sign_in_error_label);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, vacancies_row);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, account_menu_button);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, cancel_add_button);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, demo_portal_list);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, demo_portal_row);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, recent_portals_group);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, recent_portals_list);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, needs_portal_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, needs_portal_button);
  gtk_widget_class_bind_template_callback (widget_class, reconnect_cb);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, vacancies_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, register_page);

  gtk_widget_class_bind_template_child (widget_class, WervingWindow, unread_label);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, verification_bar);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, verification_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, registered_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_cancelled_cb);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, new_vacancy_button);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, back_button);
  gtk_widget_class_bind_template_callback (widget_class, queue_back_button_update);
  gtk_widget_class_bind_template_callback (widget_class, vacancy_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_vacancy_cb);

  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.change-portal", NULL, change_portal_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.retry-sign-in", NULL, retry_sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.new-vacancy", NULL, new_vacancy_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.switch-account", "(ss)", switch_account_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-add-account", NULL, cancel_add_account_action);
  gtk_widget_class_install_action (widget_class, "win.use-portal", "s", use_portal_action);
  gtk_widget_class_install_action (widget_class, "win.use-demo-portal", NULL, use_portal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-vacancy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-section", "s", "vacancies");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-section", "s", "candidates");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-section", "s", "messages");
}

static void
werving_window_init (WervingWindow *self)
{
  g_type_ensure (WERVING_TYPE_VACANCIES_PAGE);
  g_type_ensure (WERVING_TYPE_REGISTER_PAGE);
  WERVING_STARTUP_MARK ("window template");
  gtk_widget_init_template (GTK_WIDGET (self));
  WERVING_STARTUP_MARK ("window template done");

  self->vacancy_actions = werving_vacancy_actions_new (GTK_WINDOW (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "vacancy", G_ACTION_GROUP (self->vacancy_actions));
  g_signal_connect_object (self->vacancy_actions, "toast", G_CALLBACK (toast_cb), self, 0);
  g_signal_connect_object (self->vacancy_actions, "vacancy-changed", G_CALLBACK (vacancy_changed_cb), self, 0);
  g_signal_connect_object (self->vacancy_actions, "vacancy-deleted", G_CALLBACK (vacancy_deleted_cb), self, 0);
  g_signal_connect_object (self->vacancy_actions, "open-editor", G_CALLBACK (open_editor_cb), self, 0);
  g_signal_connect_object (self->vacancy_actions, "open-matches", G_CALLBACK (open_matches_cb), self, 0);
  g_signal_connect_object (self->vacancy_actions, "open-shortlist", G_CALLBACK (open_shortlist_cb), self, 0);
  update_actions (self);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->main_stack, "notify::visible-child-name", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "realize", G_CALLBACK (window_realized_cb), NULL);
  self->account_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->account_menu_button, G_MENU_MODEL (self->account_menu));
  g_signal_connect_object (self->settings, "changed::accounts", G_CALLBACK (update_account_menu),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-portal-urls",
                           G_CALLBACK (recent_portals_changed_cb), self, G_CONNECT_SWAPPED);
  update_account_menu (self);
  recent_portals_changed_cb (self);
  discover_demo_portal (self);
}
