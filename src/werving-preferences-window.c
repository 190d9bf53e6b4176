/* werving-preferences-window.c: notifications, recent portals, accounts
 *
 * Every setting here acts at once: the messages page reads
 * "notify-new-messages" before each notification, the welcome page lists
 * "recent-portal-urls", the window's account menu lists "accounts".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-account-store.h"
#include "werving-keyring.h"
#include "werving-preferences-window.h"

struct _WervingPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  char *current_portal;
  char *current_email;
  GPtrArray *account_rows;

  GtkSwitch *notify_switch;
  AdwActionRow *recent_portals_row;
  GtkButton *clear_recent_button;
  AdwPreferencesGroup *accounts_group;
};

G_DEFINE_FINAL_TYPE (WervingPreferencesWindow, werving_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
recent_changed_cb (WervingPreferencesWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-portal-urls");
  g_autofree char *list = g_strjoinv ("\n", recent);

  adw_action_row_set_subtitle (self->recent_portals_row, recent[0] != NULL ? list : _("None"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_recent_button), recent[0] != NULL);
}

static void
clear_recent_cb (WervingPreferencesWindow *self)
{
  g_settings_set_strv (self->settings, "recent-portal-urls", NULL);
}

static void
clear_secrets_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!werving_keyring_clear_finish (result, &error))
    g_warning ("Could not remove the account's secrets from the keyring: %s", error->message);
}

void
werving_preferences_window_forget_account (WervingPreferencesWindow *self,
                                           const char               *portal,
                                           const char               *email)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last_portal = NULL;
  g_autofree char *last_email = NULL;

  g_return_if_fail (WERVING_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (g_strcmp0 (portal, self->current_portal) != 0 ||
                    g_strcmp0 (email, self->current_email) != 0);

  werving_keyring_clear_async (portal, email, NULL, NULL, clear_secrets_cb, NULL);
  if (!werving_account_wipe_local_data (portal, email, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a system error message */
      message = g_strdup_printf (_("Not everything of the account could be removed: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
  last_portal = g_settings_get_string (self->settings, "last-portal-url");
  last_email = g_settings_get_string (self->settings, "last-account-email");
  if (g_strcmp0 (last_portal, portal) == 0 && g_strcmp0 (last_email, email) == 0)
    g_settings_set_string (self->settings, "last-account-email", "");
  werving_account_store_remove (self->settings, portal, email);
}

typedef struct
{
  WervingPreferencesWindow *self;
  char *portal;
  char *email;
} Forget;

static void
forget_free (gpointer data)
{
  Forget *forget = data;

  g_object_unref (forget->self);
  g_free (forget->portal);
  g_free (forget->email);
  g_free (forget);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Forget           *forget)
{
  if (g_strcmp0 (response, "forget") == 0)
    werving_preferences_window_forget_account (forget->self, forget->portal, forget->email);
}

static void
forget_clicked_cb (GtkButton                *button,
                   WervingPreferencesWindow *self)
{
  const char *portal = g_object_get_data (G_OBJECT (button), "portal");
  const char *email = g_object_get_data (G_OBJECT (button), "email");
  guint unsent = werving_account_count_unsent (portal, email);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Forget *forget;

  /* Translators: %s is an e-mail address */
  heading = g_strdup_printf (_("Forget %s?"), email);
  if (unsent > 0)
    body = g_strdup_printf (ngettext ("Its saved sign-in and drafts are removed from this computer, and %u unsent item is lost.",
                                      "Its saved sign-in and drafts are removed from this computer, and %u unsent items are lost.",
                                      unsent), unsent);
  else
    body = g_strdup (_("Its saved sign-in and drafts are removed from this computer."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "forget", _("_Forget"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  forget = g_new0 (Forget, 1);
  forget->self = g_object_ref (self);
  forget->portal = g_strdup (portal);
  forget->email = g_strdup (email);
  g_object_set_data_full (G_OBJECT (dialog), "forget", forget, forget_free);
  g_signal_connect (dialog, "response", G_CALLBACK (forget_response_cb), forget);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accounts_changed_cb (WervingPreferencesWindow *self)
{
  g_autoptr(GPtrArray) accounts = werving_account_store_list (self->settings);

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);

  for (guint i = 0; i < accounts->len; i++)
    {
      WervingKeyringAccount *account = g_ptr_array_index (accounts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *suffix;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->email);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), account->portal);
      if (g_strcmp0 (account->portal, self->current_portal) == 0 &&
          g_strcmp0 (account->email, self->current_email) == 0)
        {
          suffix = gtk_label_new (_("Signed In"));
          gtk_widget_add_css_class (suffix, "dim-label");
        }
      else
        {
          /* Translators: an accessible label; %s is an e-mail address */
          g_autofree char *label = g_strdup_printf (_("Forget %s"), account->email);

          suffix = gtk_button_new_with_mnemonic (_("_Forget"));
          gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (suffix), "portal", g_strdup (account->portal), g_free);
          g_object_set_data_full (G_OBJECT (suffix), "email", g_strdup (account->email), g_free);
          g_signal_connect_object (suffix, "clicked", G_CALLBACK (forget_clicked_cb), self, 0);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }
}

WervingPreferencesWindow *
werving_preferences_window_new (GtkWindow  *parent,
                                const char *current_portal,
                                const char *current_email)
{
  WervingPreferencesWindow *self;

  self = g_object_new (WERVING_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->current_portal = g_strdup (current_portal);
  self->current_email = g_strdup (current_email);
  accounts_changed_cb (self);
  return self;
}

static void
werving_preferences_window_dispose (GObject *object)
{
  WervingPreferencesWindow *self = WERVING_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);
  g_clear_pointer (&self->current_portal, g_free);
  g_clear_pointer (&self->current_email, g_free);

  G_OBJECT_CLASS (werving_preferences_window_parent_class)->dispose (object);
}

static void
werving_preferences_window_class_init (WervingPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, WervingPreferencesWindow, recent_portals_row);
  gtk_widget_class_bind_template_child (widget_class, WervingPreferencesWindow, clear_recent_button);
  gtk_widget_class_bind_template_child (widget_class, WervingPreferencesWindow, accounts_group);
  gtk_widget_class_bind_template_callback (widget_class, clear_recent_cb);
}

static void
werving_preferences_window_init (WervingPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->account_rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "notify-new-messages", self->notify_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->settings, "changed::recent-portal-urls",
                            G_CALLBACK (recent_changed_cb), self);
  g_signal_connect_swapped (self->settings, "changed::accounts",
                            G_CALLBACK (accounts_changed_cb), self);
  recent_changed_cb (self);
}
