/* werving-shortlist-window.c: the shortlist of one vacancy
 *
 * Every entry, filterable by stage; each row saves its own stage and note.
 * Open CV hands the CV to the Candidates section (a counted view, R4);
 * the list itself shows only anonymous summaries (R1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-shortlist-row.h"
#include "werving-shortlist-window.h"


struct _WervingShortlistWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *title;
  GtkDropDown    *stage_filter;
  GtkStack       *stack;
  GtkListBox     *list_box;
  AdwStatusPage  *error_page;
  AdwToastOverlay *toasts;

  WervingClient  *client;
  WervingVacancy *vacancy;
  GListStore     *entries;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (WervingShortlistWindow, werving_shortlist_window, ADW_TYPE_WINDOW)

enum {
  OPEN_CV,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (WervingShortlistWindow *self,
       const char             *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
update_state (WervingShortlistWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 ? "list" : "empty");
}

/* Loading */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(WervingShortlistWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  entries = werving_client_list_all_finish (WERVING_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  update_state (self);
}

static void
reload (WervingShortlistWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  werving_client_list_all_shortlist_async (self->client, werving_vacancy_get_id (self->vacancy), self->cancellable,
                                           list_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reload (WERVING_SHORTLIST_WINDOW (widget));
}

/* Rows */

static void
row_open_cv_cb (WervingShortlistRow    *row,
                gint64                  cv_id,
                WervingShortlistWindow *self)
{
  g_signal_emit (self, signals[OPEN_CV], 0, cv_id);
}

typedef struct
{
  WervingShortlistWindow *self;
  WervingShortlistEntry  *entry;
} Removal;

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Removal *removal = user_data;
  g_autoptr(WervingShortlistWindow) self = removal->self;
  g_autoptr(WervingShortlistEntry) entry = removal->entry;
  g_autoptr(GError) error = NULL;
  guint position;

  g_free (removal);
  if (!werving_client_delete_shortlist_entry_finish (WERVING_CLIENT (source), result, &error) &&
      !g_error_matches (error, WERVING_ERROR, WERVING_ERROR_NOT_FOUND))
    {
      g_autofree char *message = NULL;

      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      message = werving_error_to_user_message (error);
      toast (self, message);
      return;
    }
  if (g_list_store_find (self->entries, entry, &position))
    g_list_store_remove (self->entries, position);
  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      toast (self, _("Removed from the shortlist"));
      update_state (self);
    }
}

static void
row_remove_cb (WervingShortlistRow    *row,
               WervingShortlistWindow *self)
{
  Removal *removal = g_new0 (Removal, 1);

  removal->self = g_object_ref (self);
  removal->entry = g_object_ref (werving_shortlist_row_get_entry (row));
  werving_client_delete_shortlist_entry_async (self->client, werving_vacancy_get_id (self->vacancy),
                                               werving_shortlist_entry_get_cv_id (removal->entry),
                                               self->cancellable, delete_cb, removal);
}

static void     apply_filter (WervingShortlistWindow *self);
static gboolean row_matches  (WervingShortlistWindow *self,
                              GtkWidget              *row);

static void
entry_stage_cb (WervingShortlistWindow *self)
{
  apply_filter (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WervingShortlistWindow *self = user_data;
  WervingShortlistRow *row = werving_shortlist_row_new (self->client, werving_vacancy_get_id (self->vacancy), item);

  g_signal_connect_object (row, "open-cv", G_CALLBACK (row_open_cv_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, 0);
  g_signal_connect_object (item, "notify::stage", G_CALLBACK (entry_stage_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (row), row_matches (self, GTK_WIDGET (row)));
  return GTK_WIDGET (row);
}

/* Rows are hidden, never destroyed, by the stage filter: a note being
 * typed stays in its row. (A list box bound to a model ignores filter
 * functions, so the rows are shown and hidden here.) */
static gboolean
row_matches (WervingShortlistWindow *self,
             GtkWidget              *row)
{
  guint selected = gtk_drop_down_get_selected (self->stage_filter);
  WervingShortlistEntry *entry = werving_shortlist_row_get_entry (WERVING_SHORTLIST_ROW (row));

  if (selected == 0 || selected > WERVING_SHORTLIST_N_STAGES)
    return TRUE;
  return g_strcmp0 (werving_shortlist_entry_get_stage (entry), werving_shortlist_stages[selected - 1]) == 0;
}

static void
apply_filter (WervingShortlistWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (WERVING_IS_SHORTLIST_ROW (child))
      gtk_widget_set_visible (child, row_matches (self, child));
}

static void
stage_filter_cb (WervingShortlistWindow *self)
{
  apply_filter (self);
}

/* GObject */

static void
werving_shortlist_window_dispose (GObject *object)
{
  WervingShortlistWindow *self = (WervingShortlistWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->vacancy);
  g_clear_object (&self->entries);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_SHORTLIST_WINDOW);

  G_OBJECT_CLASS (werving_shortlist_window_parent_class)->dispose (object);
}

static void
werving_shortlist_window_class_init (WervingShortlistWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_shortlist_window_dispose;

  /**
   * WervingShortlistWindow::open-cv:
   * @cv_id: the CV the user wants to read in the Candidates section
   */
  signals[OPEN_CV] = g_signal_new ("open-cv", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-shortlist-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistWindow, title);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistWindow, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistWindow, toasts);
  gtk_widget_class_bind_template_callback (widget_class, stage_filter_cb);
  gtk_widget_class_install_action (widget_class, "shortlist.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
werving_shortlist_window_init (WervingShortlistWindow *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (WERVING_TYPE_SHORTLIST_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (stages, _("All Stages"));
  for (guint i = 0; i < WERVING_SHORTLIST_N_STAGES; i++)
    gtk_string_list_append (stages, werving_shortlist_stage_label (i));
  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->entries), create_row, self, NULL);
}

WervingShortlistWindow *
werving_shortlist_window_new (GtkWindow      *parent,
                              WervingClient  *client,
                              WervingVacancy *vacancy)
{
  WervingShortlistWindow *self;

  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (WERVING_IS_VACANCY (vacancy), NULL);

  self = g_object_new (WERVING_TYPE_SHORTLIST_WINDOW, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->vacancy = g_object_ref (vacancy);
  adw_window_title_set_subtitle (self->title, werving_vacancy_get_title (vacancy));
  reload (self);
  return self;
}

GListModel *
werving_shortlist_window_get_entries (WervingShortlistWindow *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_WINDOW (self), NULL);
  return G_LIST_MODEL (self->entries);
}

const char *
werving_shortlist_window_get_state (WervingShortlistWindow *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
werving_shortlist_window_set_stage_filter (WervingShortlistWindow *self,
                                           const char             *stage)
{
  guint selected = 0;

  g_return_if_fail (WERVING_IS_SHORTLIST_WINDOW (self));

  for (guint i = 0; stage != NULL && i < WERVING_SHORTLIST_N_STAGES; i++)
    if (g_str_equal (werving_shortlist_stages[i], stage))
      selected = i + 1;
  gtk_drop_down_set_selected (self->stage_filter, selected);
}

GtkWidget *
werving_shortlist_window_get_row (WervingShortlistWindow *self,
                                  gint64                  cv_id)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_WINDOW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (WERVING_IS_SHORTLIST_ROW (child) &&
        werving_shortlist_entry_get_cv_id (werving_shortlist_row_get_entry (WERVING_SHORTLIST_ROW (child))) == cv_id)
      return child;
  return NULL;
}
