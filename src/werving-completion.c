/* werving-completion.c: a list of suggestions under an entry row
 *
 * GtkEntryCompletion needs a GtkEntry; the form uses AdwEntryRow, so this
 * keeps a small non-modal popover under the row instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-completion.h"

#define MAX_MATCHES 8

struct _WervingCompletion
{
  GObject     parent_instance;

  GtkWidget  *entry;        /* unowned: the entry owns us */
  GtkWidget  *popover;      /* a child of the entry */
  GtkEventController *focus;
  GtkListBox *list;
  GPtrArray  *suggestions;  /* of char *, with their casefolded forms after them */
  GPtrArray  *matches;      /* unowned strings */
  gboolean    applying;
};

G_DEFINE_FINAL_TYPE (WervingCompletion, werving_completion, G_TYPE_OBJECT)

enum {
  SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hide (WervingCompletion *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
apply (WervingCompletion *self,
       guint              index)
{
  g_autofree char *text = NULL;

  if (index >= self->matches->len)
    return;

  text = g_strdup (g_ptr_array_index (self->matches, index));
  self->applying = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->applying = FALSE;
  hide (self);
  g_signal_emit (self, signals[SELECTED], 0, text);
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  WervingCompletion *self)
{
  apply (self, (guint) gtk_list_box_row_get_index (row));
}

static void
update (WervingCompletion *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  GtkWidget *child;
  gboolean exact = FALSE;

  g_ptr_array_set_size (self->matches, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->applying || *folded == '\0' || !gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus)))
    {
      hide (self);
      return;
    }

  /* Suggestions that start with the text, then those that contain it. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->suggestions->len && self->matches->len < MAX_MATCHES; i += 2)
      {
        const char *candidate = g_ptr_array_index (self->suggestions, i + 1);
        gboolean prefix = g_str_has_prefix (candidate, folded);

        if ((pass == 0 && prefix) || (pass == 1 && !prefix && strstr (candidate, folded) != NULL))
          {
            g_ptr_array_add (self->matches, g_ptr_array_index (self->suggestions, i));
            exact = exact || g_str_equal (candidate, folded);
          }
      }

  if (self->matches->len == 0 || (exact && self->matches->len == 1))
    {
      g_ptr_array_set_size (self->matches, 0);
      hide (self);
      return;
    }

  for (guint i = 0; i < self->matches->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (self->matches, i));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      /* Clicking must not take the focus away from the entry. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_size_request (self->popover, MAX (gtk_widget_get_width (self->entry) / 2, 200), -1);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
changed_cb (GtkEditable       *editable,
            WervingCompletion *self)
{
  update (self);
}

static void
move (WervingCompletion *self,
      int                delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int n = (int) self->matches->len;
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + delta : (delta > 0 ? 0 : n - 1);

  index = CLAMP (index, 0, n - 1);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WervingCompletion     *self)
{
  GtkListBoxRow *selected;

  if (!gtk_widget_get_visible (self->popover) || self->matches->len == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, -1);
      return TRUE;
    case GDK_KEY_Escape:
      hide (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = gtk_list_box_get_selected_row (self->list);
      if (selected == NULL)
        return FALSE;
      apply (self, (guint) gtk_list_box_row_get_index (selected));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                WervingCompletion       *self)
{
  hide (self);
}

/* A widget does not unparent children it did not add: do it for the popover
 * while the entry is being destroyed, then let go of the completion. */
static void
entry_destroy_cb (GtkWidget         *entry,
                  WervingCompletion *self)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->entry = NULL;
  self->focus = NULL;
  g_signal_handlers_disconnect_by_data (entry, self);
  g_object_unref (self);
}

static void
entry_unrealize_cb (GtkWidget         *entry,
                    WervingCompletion *self)
{
  hide (self);
}

static void
werving_completion_finalize (GObject *object)
{
  WervingCompletion *self = WERVING_COMPLETION (object);

  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (werving_completion_parent_class)->finalize (object);
}

static void
werving_completion_class_init (WervingCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_completion_finalize;

  /**
   * WervingCompletion::selected:
   * @text: the suggestion the user picked (now the entry's text)
   */
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
werving_completion_init (WervingCompletion *self)
{
  self->suggestions = g_ptr_array_new_with_free_func (g_free);
  self->matches = g_ptr_array_new ();
}

WervingCompletion *
werving_completion_new (GtkWidget          *entry,
                        const char * const *suggestions)
{
  WervingCompletion *self;
  GtkWidget *scrolled;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);
  g_return_val_if_fail (suggestions != NULL, NULL);

  self = g_object_new (WERVING_TYPE_COMPLETION, NULL);
  self->entry = entry;
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_ptr_array_add (self->suggestions, g_strdup (suggestions[i]));
      g_ptr_array_add (self->suggestions, g_utf8_casefold (suggestions[i], -1));
    }

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->list), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"),
                                  -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_focusable (self->popover, FALSE);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_widget_set_parent (self->popover, entry);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE, GTK_ACCESSIBLE_AUTOCOMPLETE_LIST,
                                  -1);

  g_signal_connect (entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (entry, "unrealize", G_CALLBACK (entry_unrealize_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (entry, controller);

  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect (self->focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (entry, self->focus);

  g_signal_connect (entry, "destroy", G_CALLBACK (entry_destroy_cb), self);

  return self;
}

GStrv
werving_completion_get_matches (WervingCompletion *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WERVING_IS_COMPLETION (self), NULL);

  for (guint i = 0; i < self->matches->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->matches, i));
  return g_strv_builder_end (builder);
}

gboolean
werving_completion_get_visible (WervingCompletion *self)
{
  g_return_val_if_fail (WERVING_IS_COMPLETION (self), FALSE);

  return self->popover != NULL && gtk_widget_get_visible (self->popover);
}
