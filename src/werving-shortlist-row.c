/* werving-shortlist-row.c: one candidate on a vacancy's shortlist
 *
 * A stage change is saved at once, a note once typing pauses. A save that
 * fails leaves the text where it is and says so; Retry sends it again. Only
 * one save is in flight per row: changes made meanwhile go in the next one.
 * Notes are never written to disk (R9), only to the portal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-cv-format.h"
#include "werving-shortlist-row.h"

struct _WervingShortlistRow
{
  GtkListBoxRow          parent_instance;

  GtkLabel              *headline_label;
  GtkLabel              *facts_label;
  GtkDropDown           *stage_dropdown;
  GtkButton             *open_button;
  GtkTextView           *note_view;
  GtkLabel              *save_label;
  GtkButton             *retry_button;

  WervingClient         *client;
  gint64                 vacancy_id;
  WervingShortlistEntry *entry;
  GCancellable          *cancellable;
  guint                  note_source;
  gboolean               in_flight;
  gboolean               dirty;
  gboolean               loading;
  WervingSaveState       state;
};

G_DEFINE_FINAL_TYPE (WervingShortlistRow, werving_shortlist_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  OPEN_CV,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
werving_shortlist_stage_label (guint index)
{
  switch (index)
    {
    case 0: return C_("shortlist stage", "Shortlisted");
    case 1: return C_("shortlist stage", "Contacted");
    case 2: return C_("shortlist stage", "Replied");
    case 3: return C_("shortlist stage", "Interview");
    case 4: return C_("shortlist stage", "Hired");
    case 5: return C_("shortlist stage", "Rejected");
    default: return "";
    }
}

static guint
stage_index (const char *stage)
{
  for (guint i = 0; i < WERVING_SHORTLIST_N_STAGES; i++)
    if (g_strcmp0 (werving_shortlist_stages[i], stage) == 0)
      return i;
  return 0;
}

static void
set_state (WervingShortlistRow *self,
           WervingSaveState     state,
           const char          *failure)
{
  g_autofree char *text = NULL;

  self->state = state;
  switch (state)
    {
    case WERVING_SAVE_STATE_SAVED:
      text = g_strdup (_("Saved"));
      break;
    case WERVING_SAVE_STATE_PENDING:
      text = g_strdup (_("Unsaved changes"));
      break;
    case WERVING_SAVE_STATE_SAVING:
      text = g_strdup (_("Saving…"));
      break;
    case WERVING_SAVE_STATE_FAILED:
    default:
      /* Translators: %s says why, e.g. "The portal cannot be reached." */
      text = g_strdup_printf (_("Not saved: %s"), failure);
      break;
    }
  gtk_label_set_text (self->save_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), state == WERVING_SAVE_STATE_FAILED);
  if (state == WERVING_SAVE_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
}

static void save (WervingShortlistRow *self);

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(WervingShortlistRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingShortlistEntry) saved = NULL;

  saved = werving_client_put_shortlist_entry_finish (WERVING_CLIENT (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->in_flight = FALSE;
  if (self->dirty)
    {
      /* Newer changes were made meanwhile: they go now, with the rest. */
      self->dirty = FALSE;
      save (self);
      return;
    }
  if (saved == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      set_state (self, WERVING_SAVE_STATE_FAILED, message);
      return;
    }
  set_state (self, self->note_source != 0 ? WERVING_SAVE_STATE_PENDING : WERVING_SAVE_STATE_SAVED, NULL);
}

static void
save (WervingShortlistRow *self)
{
  g_clear_handle_id (&self->note_source, g_source_remove);
  if (self->in_flight)
    {
      self->dirty = TRUE;
      return;
    }
  self->in_flight = TRUE;
  set_state (self, WERVING_SAVE_STATE_SAVING, NULL);
  werving_client_put_shortlist_entry_async (self->client, self->vacancy_id,
                                            werving_shortlist_entry_get_cv_id (self->entry),
                                            werving_shortlist_entry_get_stage (self->entry),
                                            werving_shortlist_entry_get_note (self->entry),
                                            self->cancellable, put_cb, g_object_ref (self));
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  WervingShortlistRow *self = user_data;

  self->note_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (WervingShortlistRow *self,
                 GtkTextBuffer       *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The entry holds the text from now on, saved or not. */
  werving_shortlist_entry_set_note (self->entry, text);
  g_clear_handle_id (&self->note_source, g_source_remove);
  self->note_source = g_timeout_add (WERVING_SHORTLIST_NOTE_DEBOUNCE_MS, note_timeout_cb, self);
  if (!self->in_flight)
    set_state (self, WERVING_SAVE_STATE_PENDING, NULL);
}

static void
stage_changed_cb (WervingShortlistRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  if (self->loading || selected >= WERVING_SHORTLIST_N_STAGES)
    return;
  werving_shortlist_entry_set_stage (self->entry, werving_shortlist_stages[selected]);
  save (self);
}

static void
retry_clicked_cb (WervingShortlistRow *self)
{
  save (self);
}

static void
open_clicked_cb (WervingShortlistRow *self)
{
  g_signal_emit (self, signals[OPEN_CV], 0, werving_shortlist_entry_get_cv_id (self->entry));
}

static void
remove_clicked_cb (WervingShortlistRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
ignore_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingShortlistEntry) saved = NULL;

  saved = werving_client_put_shortlist_entry_finish (WERVING_CLIENT (source), result, NULL);
}

static void
werving_shortlist_row_dispose (GObject *object)
{
  WervingShortlistRow *self = (WervingShortlistRow *) object;

  /* Closing the shortlist while typing must not lose the note: the last
   * change still goes to the portal, without the row. */
  if (self->note_source != 0 && self->client != NULL)
    werving_client_put_shortlist_entry_async (self->client, self->vacancy_id,
                                              werving_shortlist_entry_get_cv_id (self->entry),
                                              werving_shortlist_entry_get_stage (self->entry),
                                              werving_shortlist_entry_get_note (self->entry),
                                              NULL, ignore_cb, NULL);
  g_clear_handle_id (&self->note_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_SHORTLIST_ROW);

  G_OBJECT_CLASS (werving_shortlist_row_parent_class)->dispose (object);
}

static void
werving_shortlist_row_class_init (WervingShortlistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_shortlist_row_dispose;

  /**
   * WervingShortlistRow::open-cv:
   * @cv_id: the CV to open in the Candidates section
   */
  signals[OPEN_CV] = g_signal_new ("open-cv", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * WervingShortlistRow::remove:
   *
   * The user asked to take this candidate off the shortlist.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/werving/Werving/werving-shortlist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, headline_label);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, facts_label);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, save_label);
  gtk_widget_class_bind_template_child (widget_class, WervingShortlistRow, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, stage_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
werving_shortlist_row_init (WervingShortlistRow *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < WERVING_SHORTLIST_N_STAGES; i++)
    gtk_string_list_append (stages, werving_shortlist_stage_label (i));
  self->loading = TRUE;
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  self->loading = FALSE;
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
}

static void
show_entry (WervingShortlistRow *self)
{
  WervingCvSummary *cv = werving_shortlist_entry_get_summary (self->entry);

  if (cv != NULL)
    {
      g_autoptr(GString) facts = g_string_new (werving_format_visibility (werving_cv_summary_is_anonymous (cv)));
      g_autofree char *hours = werving_format_hours (werving_cv_summary_get_hours_min (cv),
                                                     werving_cv_summary_get_hours_max (cv));
      const char *region = werving_cv_summary_get_region (cv);
      const char *occupation = werving_cv_summary_get_occupation_label (cv);

      /* Only the anonymous summary is here: never a name (R1). */
      gtk_label_set_text (self->headline_label, werving_cv_summary_get_headline (cv));
      if (occupation != NULL && *occupation != '\0')
        g_string_append_printf (facts, " · %s", occupation);
      if (region != NULL && *region != '\0')
        g_string_append_printf (facts, " · %s", region);
      if (hours != NULL && *hours != '\0')
        g_string_append_printf (facts, " · %s", hours);
      gtk_label_set_text (self->facts_label, facts->str);
    }
  else
    {
      gtk_label_set_text (self->headline_label, _("CV No Longer Available"));
      gtk_label_set_text (self->facts_label,
                          _("The candidate hid this CV or let it expire. Your stage and note stay here."));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), cv != NULL);

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->stage_dropdown, stage_index (werving_shortlist_entry_get_stage (self->entry)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            werving_shortlist_entry_get_note (self->entry), -1);
  self->loading = FALSE;
  set_state (self, WERVING_SAVE_STATE_SAVED, NULL);
}

WervingShortlistRow *
werving_shortlist_row_new (WervingClient         *client,
                           gint64                 vacancy_id,
                           WervingShortlistEntry *entry)
{
  WervingShortlistRow *self = g_object_new (WERVING_TYPE_SHORTLIST_ROW, NULL);

  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (entry), NULL);

  self->client = g_object_ref (client);
  self->vacancy_id = vacancy_id;
  self->entry = g_object_ref (entry);
  show_entry (self);
  return self;
}

WervingShortlistEntry *
werving_shortlist_row_get_entry (WervingShortlistRow *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ROW (self), NULL);
  return self->entry;
}

WervingSaveState
werving_shortlist_row_get_save_state (WervingShortlistRow *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ROW (self), WERVING_SAVE_STATE_SAVED);
  return self->state;
}

void
werving_shortlist_row_flush (WervingShortlistRow *self)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_ROW (self));

  if (self->note_source != 0)
    save (self);
}
