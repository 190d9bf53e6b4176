/* werving-saved-searches-menu.c: "Save Search…" and "Saved Searches"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-candidates-page.h"
#include "werving-saved-searches-menu.h"

struct _WervingSavedSearchesMenu
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkMenuButton        *menu_button;
  GtkListBox           *list;

  WervingSavedSearches *searches;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (WervingSavedSearchesMenu, werving_saved_searches_menu, GTK_TYPE_WIDGET)

static WervingCandidatesPage *
page (WervingSavedSearchesMenu *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), WERVING_TYPE_CANDIDATES_PAGE);

  return ancestor != NULL ? WERVING_CANDIDATES_PAGE (ancestor) : NULL;
}

typedef struct
{
  WervingSavedSearchesMenu *self;
  AdwActionRow             *row;
} CountJob;

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  CountJob *job = user_data;
  g_autoptr(WervingSavedSearchesMenu) self = job->self;
  g_autoptr(AdwActionRow) row = job->row;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean estimate = FALSE;
  gint64 count;

  g_free (job);
  count = werving_saved_searches_count_new_finish (WERVING_SAVED_SEARCHES (source), result, &estimate, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
    return;
  if (count < 0)
    text = g_strdup (_("Could not count new CVs"));
  else if (estimate)
    /* An estimate is not a count: say "many" rather than a made-up number. */
    text = g_strdup (_("Many new since last time"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d new since last time", "%'d new since last time",
                                         (gulong) count), (int) count);
  adw_action_row_set_subtitle (row, text);
  g_object_set_data_full (G_OBJECT (row), "new-count", g_strdup_printf ("%" G_GINT64_FORMAT, estimate ? -2 : count),
                          g_free);
}

static void
delete_clicked_cb (GtkButton                *button,
                   WervingSavedSearchesMenu *self)
{
  werving_saved_searches_remove (self->searches, g_object_get_data (G_OBJECT (button), "name"));
}

static void
rebuild (WervingSavedSearchesMenu *self)
{
  g_auto(GStrv) names = werving_saved_searches_dup_names (self->searches);
  WervingCandidatesPage *candidates = page (self);
  WervingClient *client = candidates != NULL ? werving_candidates_page_get_client (candidates) : NULL;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Delete “%s”"), names[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (names[i]), g_free);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "name", g_strdup (names[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->list, row);

      if (client != NULL)
        {
          CountJob *job = g_new0 (CountJob, 1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Counting new CVs…"));
          job->self = g_object_ref (self);
          job->row = g_object_ref (ADW_ACTION_ROW (row));
          werving_saved_searches_count_new_async (self->searches, client, names[i], self->cancellable,
                                                  count_cb, job);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), names[0] != NULL);
}

static void
row_activated_cb (WervingSavedSearchesMenu *self,
                  GtkListBoxRow            *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "name");

  gtk_menu_button_popdown (self->menu_button);
  if (name != NULL)
    werving_saved_searches_menu_open (self, name);
}

static void
save_response_cb (AdwMessageDialog         *dialog,
                  const char               *response,
                  WervingSavedSearchesMenu *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "save") && *name != '\0')
    werving_saved_searches_menu_save (self, name);
}

static void
save_clicked_cb (WervingSavedSearchesMenu *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Search"),
                                                       _("Name this search to run it again later. Only the "
                                                         "criteria are kept, not the candidates.")));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
werving_saved_searches_menu_dispose (GObject *object)
{
  WervingSavedSearchesMenu *self = (WervingSavedSearchesMenu *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->searches);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (werving_saved_searches_menu_parent_class)->dispose (object);
}

static void
werving_saved_searches_menu_class_init (WervingSavedSearchesMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = werving_saved_searches_menu_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
werving_saved_searches_menu_init (WervingSavedSearchesMenu *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _Search…"));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->cancellable = g_cancellable_new ();
  self->searches = werving_saved_searches_new (settings);
  g_signal_connect_object (self->searches, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), save);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Saved Searches"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  /* Counts are fresh each time the menu opens. */
  g_signal_connect_swapped (popover, "show", G_CALLBACK (rebuild), self);

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->menu_button, _("Saved Searches"));
  gtk_menu_button_set_popover (self->menu_button, popover);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->menu_button));
  rebuild (self);
}

WervingSavedSearches *
werving_saved_searches_menu_get_searches (WervingSavedSearchesMenu *self)
{
  g_return_val_if_fail (WERVING_IS_SAVED_SEARCHES_MENU (self), NULL);
  return self->searches;
}

void
werving_saved_searches_menu_save (WervingSavedSearchesMenu *self,
                                  const char               *name)
{
  WervingCandidatesPage *candidates = page (self);
  g_autoptr(WervingCvQuery) query = NULL;

  g_return_if_fail (WERVING_IS_SAVED_SEARCHES_MENU (self));
  g_return_if_fail (candidates != NULL);

  query = werving_candidates_page_build_query (candidates);
  werving_saved_searches_add (self->searches, name, query);
}

void
werving_saved_searches_menu_open (WervingSavedSearchesMenu *self,
                                  const char               *name)
{
  WervingCandidatesPage *candidates = page (self);
  g_autoptr(WervingCvQuery) query = NULL;

  g_return_if_fail (WERVING_IS_SAVED_SEARCHES_MENU (self));

  query = werving_saved_searches_dup_query (self->searches, name);
  if (query == NULL || candidates == NULL)
    return;
  werving_candidates_page_run_query (candidates, query);
  werving_saved_searches_set_last_opened (self->searches, name, g_get_real_time () / G_USEC_PER_SEC);
}

void
werving_saved_searches_menu_popup (WervingSavedSearchesMenu *self)
{
  g_return_if_fail (WERVING_IS_SAVED_SEARCHES_MENU (self));
  gtk_menu_button_popup (self->menu_button);
}

GtkListBox *
werving_saved_searches_menu_get_list (WervingSavedSearchesMenu *self)
{
  g_return_val_if_fail (WERVING_IS_SAVED_SEARCHES_MENU (self), NULL);
  return self->list;
}
