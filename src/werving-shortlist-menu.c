/* werving-shortlist-menu.c: "Add to Shortlist" for the CV shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-shortlist-menu.h"

#define VACANCY_LIMIT 100

struct _WervingShortlistMenu
{
  GtkWidget      parent_instance;

  GtkMenuButton *button;
  GtkListBox    *list;
  GtkLabel      *status;

  WervingClient *client;
  gint64         cv_id;
  GCancellable  *cancellable;
  guint          pending;
};

G_DEFINE_FINAL_TYPE (WervingShortlistMenu, werving_shortlist_menu, GTK_TYPE_WIDGET)

typedef struct
{
  WervingShortlistMenu *self;
  AdwActionRow         *row;
  gint64                vacancy_id;
} RowJob;

static void
row_job_free (RowJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->row);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowJob, row_job_free)

static void
mark_on_shortlist (AdwActionRow *row)
{
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  adw_action_row_add_suffix (row, check);
  adw_action_row_set_subtitle (row, _("On the shortlist"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "on-shortlist", GINT_TO_POINTER (TRUE));
}

static void
job_done (WervingShortlistMenu *self)
{
  if (self->pending > 0)
    self->pending--;
}

static void
membership_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RowJob) job = user_data;
  g_autoptr(WervingPage) page = werving_client_list_shortlist_finish (WERVING_CLIENT (source), result, NULL);
  GListModel *items;

  if (g_cancellable_is_cancelled (job->self->cancellable))
    return;
  job_done (job->self);
  if (page == NULL)
    return;
  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WervingShortlistEntry) entry = g_list_model_get_item (items, i);

      if (werving_shortlist_entry_get_cv_id (entry) == job->self->cv_id)
        {
          mark_on_shortlist (job->row);
          return;
        }
    }
}

static void
vacancies_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WervingShortlistMenu) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = werving_client_list_vacancies_finish (WERVING_CLIENT (source), result, &error);
  GListModel *items;
  guint shown = 0;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  job_done (self);
  if (page == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      gtk_label_set_text (self->status, message);
      return;
    }
  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (items, i);
      const char *status = werving_vacancy_get_status (vacancy);
      AdwActionRow *row;
      RowJob *job;

      if (g_strcmp0 (status, "draft") != 0 && g_strcmp0 (status, "active") != 0)
        continue;
      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), werving_vacancy_get_title (vacancy));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "vacancy-id", g_memdup2 (&(gint64) { werving_vacancy_get_id (vacancy) },
                                                                       sizeof (gint64)), g_free);
      gtk_list_box_append (self->list, GTK_WIDGET (row));
      shown++;

      job = g_new0 (RowJob, 1);
      job->self = g_object_ref (self);
      job->row = g_object_ref (row);
      job->vacancy_id = werving_vacancy_get_id (vacancy);
      self->pending++;
      werving_client_list_shortlist_async (self->client, job->vacancy_id, NULL, 100, self->cancellable,
                                           membership_cb, job);
    }
  gtk_label_set_text (self->status,
                      shown > 0 ? _("Add this candidate to the shortlist of:")
                                : _("You have no draft or active vacancies."));
}

static void
reload (WervingShortlistMenu *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->client == NULL || self->cv_id <= 0)
    return;
  gtk_label_set_text (self->status, _("Loading your vacancies…"));
  self->pending++;
  werving_client_list_vacancies_async (self->client, NULL, NULL, VACANCY_LIMIT, self->cancellable,
                                       vacancies_cb, g_object_ref (self));
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(RowJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingShortlistEntry) entry = NULL;

  entry = werving_client_put_shortlist_entry_finish (WERVING_CLIENT (source), result, &error);
  if (g_cancellable_is_cancelled (job->self->cancellable))
    return;
  job_done (job->self);
  gtk_widget_set_sensitive (GTK_WIDGET (job->row), TRUE);
  if (entry == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      adw_action_row_set_subtitle (job->row, message);
      return;
    }
  mark_on_shortlist (job->row);
}

static void
row_activated_cb (WervingShortlistMenu *self,
                  GtkListBoxRow        *row)
{
  gint64 *vacancy_id = g_object_get_data (G_OBJECT (row), "vacancy-id");
  RowJob *job;

  if (vacancy_id == NULL || g_object_get_data (G_OBJECT (row), "on-shortlist") != NULL)
    return;
  job = g_new0 (RowJob, 1);
  job->self = g_object_ref (self);
  job->row = g_object_ref (ADW_ACTION_ROW (row));
  job->vacancy_id = *vacancy_id;
  gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  self->pending++;
  werving_client_put_shortlist_entry_async (self->client, job->vacancy_id, self->cv_id, "shortlisted", NULL,
                                            self->cancellable, put_cb, job);
}

static void
werving_shortlist_menu_dispose (GObject *object)
{
  WervingShortlistMenu *self = (WervingShortlistMenu *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer ((GtkWidget **) &self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (werving_shortlist_menu_parent_class)->dispose (object);
}

static void
werving_shortlist_menu_class_init (WervingShortlistMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = werving_shortlist_menu_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
werving_shortlist_menu_init (WervingShortlistMenu *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->cancellable = g_cancellable_new ();
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Add to Shortlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add to Shortlist"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Vacancies"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (box, 300, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (reload), self);
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), FALSE);
}

void
werving_shortlist_menu_set_client (WervingShortlistMenu *self,
                                   WervingClient        *client)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_MENU (self));

  g_set_object (&self->client, client);
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), self->client != NULL && self->cv_id > 0);
}

void
werving_shortlist_menu_set_cv_id (WervingShortlistMenu *self,
                                  gint64                cv_id)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_MENU (self));

  self->cv_id = cv_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), self->client != NULL && self->cv_id > 0);
}

void
werving_shortlist_menu_popup (WervingShortlistMenu *self)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_MENU (self));
  gtk_menu_button_popup (self->button);
}

GtkListBox *
werving_shortlist_menu_get_list (WervingShortlistMenu *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_MENU (self), NULL);
  return self->list;
}

gboolean
werving_shortlist_menu_get_loading (WervingShortlistMenu *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_MENU (self), FALSE);
  return self->pending > 0;
}
