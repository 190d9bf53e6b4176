/* werving-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-candidates-page.h"
#include "werving-client.h"
#include "werving-drafts.h"
#include "werving-error.h"
#include "werving-keyring.h"
#include "werving-messages-page.h"
#include "werving-outbox.h"
#include "werving-register-page.h"
#include "werving-shortlist-window.h"
#include "werving-vacancies-page.h"
#include "werving-vacancy-actions.h"
#include "werving-vacancy-editor.h"
#include "werving-window.h"

/* How many portal addresses the welcome page remembers. */
#define MAX_RECENT_PORTALS 5

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
  GtkStack *section_stack;
  WervingVacanciesPage *vacancies_page;
  WervingCandidatesPage *candidates_page;
  WervingMessagesPage *messages_page;
  /* The one outbox of the signed-in account, shared by every section. */
  WervingOutbox *outbox;
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

static void
resume_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingWindow) self = user_data;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = werving_client_resume_finish (WERVING_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", TRUE);
  if (session == NULL)
    {
      g_autofree char *reason = werving_error_to_user_message (error);
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Werving cannot reach the portal; …" */
      message = g_strdup_printf (_("You could not be signed in automatically. %s"), reason);
      show_sign_in_error (self, message);
      return;
    }

  self->remember = TRUE;
  session_changed_cb (self->client, NULL, self);
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
  if (token == NULL)
    {
      gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", TRUE);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("The system keyring is not available, so you need to sign in: %s"),
                                     error->message);
          show_sign_in_error (self, message);
        }
      return;
    }

  werving_client_resume_async (self->client, token, self->cancellable, resume_cb, g_object_ref (self));
}

/* Signs in silently with the refresh token "Remember me" left in the keyring. */
static void
try_resume (WervingWindow *self)
{
  g_autofree char *email = g_settings_get_string (self->settings, "last-account-email");

  if (self->client == NULL || *email == '\0')
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
  gtk_spinner_set_spinning (self->sign_in_spinner, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", FALSE);
  self->cancellable = g_cancellable_new ();
  werving_keyring_lookup_async (werving_client_get_base_url (self->client), email,
                                WERVING_KEYRING_REFRESH_TOKEN, self->cancellable,
                                lookup_secret_cb, g_object_ref (self));
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

  /* Back on the portal of last time: go straight to signing in. */
  if (portal_url != NULL && g_strcmp0 (portal_url, last_url) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.connect", NULL);
      try_resume (self);
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

  g_settings_set_string (self->settings, "last-portal-url", url);
  g_settings_set_strv (self->settings, "recent-portal-urls", (const char * const *) updated);
}

static void
update_actions (WervingWindow *self)
{
  gboolean signed_in = self->client != NULL && werving_client_get_signed_in (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-vacancy", signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->new_vacancy_button), signed_in);
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
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->outbox);
  if (session == NULL || werving_session_get_account_email (session) == NULL)
    return;
  path = werving_outbox_get_default_path (werving_client_get_base_url (self->client),
                                          werving_session_get_account_email (session));
  self->outbox = werving_outbox_new (self->client, path, &error);
  if (self->outbox == NULL)
    g_warning ("Could not open the outbox %s: %s", path, error->message);
}

static void
show_main (WervingWindow *self)
{
  WervingSession *session = werving_client_get_session (self->client);
  g_autofree char *account = NULL;

  /* Translators: "e-mail address at portal address" */
  account = g_strdup_printf (_("%s at %s"),
                             werving_session_get_account_email (session),
                             werving_client_get_base_url (self->client));
  gtk_label_set_text (self->account_label, account);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  open_outbox (self);
  werving_messages_page_set_outbox (self->messages_page, self->outbox);
  werving_vacancies_page_set_client (self->vacancies_page, self->client);
  werving_candidates_page_set_client (self->candidates_page, self->client);
  werving_messages_page_set_client (self->messages_page, self->client);
  werving_vacancy_actions_set_client (self->vacancy_actions, self->client);
  gtk_info_bar_set_revealed (self->verification_bar, FALSE);
  werving_client_get_organisation_async (self->client, self->cancellable, organisation_cb,
                                         g_object_ref (self));
  gtk_list_box_select_row (self->sidebar, self->vacancies_row);
  gtk_stack_set_visible_child_name (self->section_stack, "vacancies");
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  update_actions (self);
  update_back_button (self);
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
   * arrived; storing it twice at once races in libsecret's file backend. */
  if (self->remember)
    g_settings_set_string (self->settings, "last-account-email",
                           werving_session_get_account_email (session));
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


static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WervingWindow *self = WERVING_WINDOW (widget);
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
  if (session != NULL)
    {
      g_autofree char *drafts = werving_drafts_get_dir (werving_client_get_base_url (self->client),
                                                        werving_session_get_account_email (session));
      g_autoptr(GError) wipe_error = NULL;

      if (!werving_drafts_wipe (drafts, &wipe_error))
        g_warning ("Could not remove the account's drafts: %s", wipe_error->message);
    }
  werving_vacancy_actions_set_vacancy (self->vacancy_actions, NULL);
  werving_vacancy_actions_set_client (self->vacancy_actions, NULL);
  g_clear_object (&self->organisation);
  self->remember = FALSE;
  g_settings_set_string (self->settings, "last-account-email", "");
  werving_vacancies_page_set_client (self->vacancies_page, NULL);
  /* Clears the open CV from memory too (R9). */
  werving_candidates_page_set_client (self->candidates_page, NULL);
  werving_messages_page_set_client (self->messages_page, NULL);
  werving_messages_page_set_outbox (self->messages_page, NULL);
  g_clear_object (&self->outbox);
  werving_client_sign_out_async (self->client, NULL, sign_out_cb, g_object_ref (self));
  gtk_widget_action_set_enabled (widget, "win.sign-out", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Signed out")));
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
  werving_candidates_page_show_matches (self->candidates_page, vacancy);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "candidates");
}

static void
shortlist_open_cv_cb (WervingShortlistWindow *shortlist,
                      gint64                  cv_id,
                      WervingWindow          *self)
{
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
  werving_messages_page_open_thread (self->messages_page, thread_id);
}

WervingOutbox *
werving_window_get_outbox (WervingWindow *self)
{
  g_return_val_if_fail (WERVING_IS_WINDOW (self), NULL);

  return self->outbox;
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

static void
sidebar_row_selected_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         WervingWindow *self)
{
  if (row == NULL)
    return;
  gtk_stack_set_visible_child_name (self->section_stack,
                                    gtk_widget_get_name (GTK_WIDGET (row)));
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
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_WINDOW);
  set_client (self, NULL);
  g_clear_object (&self->outbox);
  g_clear_object (&self->organisation);
  g_clear_object (&self->vacancy_actions);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->clear_portal, g_free);
  g_clear_pointer (&self->clear_email, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, vacancies_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, register_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, candidates_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, messages_page);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, unread_label);
  gtk_widget_class_bind_template_callback (widget_class, unread_count_cb);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, verification_bar);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, verification_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, registered_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_cancelled_cb);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, new_vacancy_button);
  gtk_widget_class_bind_template_child (widget_class, WervingWindow, back_button);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, vacancy_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_vacancy_cb);

  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.change-portal", NULL, change_portal_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.new-vacancy", NULL, new_vacancy_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
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
  g_type_ensure (WERVING_TYPE_CANDIDATES_PAGE);
  g_type_ensure (WERVING_TYPE_MESSAGES_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

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
}
