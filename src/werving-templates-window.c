/* werving-templates-window.c: add, edit and remove the user's templates
 *
 * The user's templates are a GSettings array of (name, text) pairs; this
 * window edits a copy and writes the whole array back on each change, so
 * every open Template menu sees the change at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-templates.h"
#include "werving-templates-window.h"

struct _WervingTemplatesWindow
{
  AdwWindow     parent_instance;

  GSettings    *settings;
  GPtrArray    *names;   /* of char *, NULL-terminated */
  GPtrArray    *texts;
  int           editing; /* index, or -1 for a new one */

  GtkStack     *stack;
  GtkListBox   *list_box;
  AdwEntryRow  *name_row;
  GtkTextView  *text_view;
};

G_DEFINE_FINAL_TYPE (WervingTemplatesWindow, werving_templates_window, ADW_TYPE_WINDOW)

static void
load (WervingTemplatesWindow *self)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *name, *text;

  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->texts, 0);
  if (self->settings != NULL)
    {
      value = g_settings_get_value (self->settings, WERVING_TEMPLATES_KEY);
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "(&s&s)", &name, &text))
        {
          g_ptr_array_add (self->names, g_strdup (name));
          g_ptr_array_add (self->texts, g_strdup (text));
        }
    }
  g_ptr_array_add (self->names, NULL);
  g_ptr_array_add (self->texts, NULL);
}

static void
save (WervingTemplatesWindow *self)
{
  if (self->settings != NULL)
    werving_templates_set_user (self->settings, (const char * const *) self->names->pdata,
                                (const char * const *) self->texts->pdata);
}

static guint
n_templates (WervingTemplatesWindow *self)
{
  return self->names->len - 1;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
rebuild (WervingTemplatesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (n_templates (self) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No templates of your own yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list_box, row);
      return;
    }
  for (guint i = 0; i < n_templates (self); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *preview = g_strdelimit (g_strdup (g_ptr_array_index (self->texts, i)), "\r\n\t", ' ');
      g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), (char *) g_ptr_array_index (self->names, i));
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), (char *) g_ptr_array_index (self->names, i));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->names, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), preview);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-edit-symbolic", edit,
                                                                    "templates.edit", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("user-trash-symbolic", remove,
                                                                    "templates.remove", i));
      gtk_list_box_append (self->list_box, row);
    }
}

static void
settings_changed_cb (WervingTemplatesWindow *self)
{
  load (self);
  rebuild (self);
}

static char *
get_text (WervingTemplatesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
start_editing (WervingTemplatesWindow *self,
               int                     index)
{
  self->editing = index;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         index >= 0 ? g_ptr_array_index (self->names, index) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            index >= 0 ? g_ptr_array_index (self->texts, index) : "", -1);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  start_editing (WERVING_TEMPLATES_WINDOW (widget), -1);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WervingTemplatesWindow *self = WERVING_TEMPLATES_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < n_templates (self))
    start_editing (self, (int) index);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingTemplatesWindow *self = WERVING_TEMPLATES_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= n_templates (self))
    return;
  g_ptr_array_remove_index (self->names, index);
  g_ptr_array_remove_index (self->texts, index);
  save (self);
  rebuild (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WervingTemplatesWindow *self = WERVING_TEMPLATES_WINDOW (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *text = get_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*name == '\0' || *stripped == '\0')
    {
      if (*name == '\0')
        gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (self->editing >= 0 && (guint) self->editing < n_templates (self))
    {
      g_free (self->names->pdata[self->editing]);
      g_free (self->texts->pdata[self->editing]);
      self->names->pdata[self->editing] = g_steal_pointer (&name);
      self->texts->pdata[self->editing] = g_steal_pointer (&text);
    }
  else
    {
      g_ptr_array_insert (self->names, (int) n_templates (self), g_steal_pointer (&name));
      g_ptr_array_insert (self->texts, (int) self->texts->len - 1, g_steal_pointer (&text));
    }
  self->editing = -1;
  save (self);
  rebuild (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingTemplatesWindow *self = WERVING_TEMPLATES_WINDOW (widget);

  self->editing = -1;
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
werving_templates_window_dispose (GObject *object)
{
  WervingTemplatesWindow *self = WERVING_TEMPLATES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_TEMPLATES_WINDOW);

  G_OBJECT_CLASS (werving_templates_window_parent_class)->dispose (object);
}

static void
werving_templates_window_finalize (GObject *object)
{
  WervingTemplatesWindow *self = WERVING_TEMPLATES_WINDOW (object);

  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->texts);

  G_OBJECT_CLASS (werving_templates_window_parent_class)->finalize (object);
}

static void
werving_templates_window_class_init (WervingTemplatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_templates_window_dispose;
  object_class->finalize = werving_templates_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-templates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingTemplatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WervingTemplatesWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, WervingTemplatesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, WervingTemplatesWindow, text_view);

  gtk_widget_class_install_action (widget_class, "templates.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "templates.edit", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "templates.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "templates.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "templates.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
werving_templates_window_init (WervingTemplatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->editing = -1;
}

WervingTemplatesWindow *
werving_templates_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  WervingTemplatesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WERVING_TYPE_TEMPLATES_WINDOW, "transient-for", parent, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_swapped (settings, "changed::" WERVING_TEMPLATES_KEY,
                                G_CALLBACK (settings_changed_cb), self);
    }
  load (self);
  rebuild (self);
  return self;
}

void
werving_templates_window_show (GtkWidget *widget)
{
  g_autoptr(GSettings) settings = werving_templates_get_settings ();
  GtkRoot *root = gtk_widget_get_root (widget);
  WervingTemplatesWindow *window;

  window = werving_templates_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
}
