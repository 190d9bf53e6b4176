/* werving-outbox-status.c: the state of one outbox item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-outbox-status.h"
#include "werving-vacancy-save.h"

struct _WervingOutboxStatus
{
  GtkWidget          parent_instance;

  WervingOutbox     *outbox;
  WervingOutboxItem *item;

  GtkWidget         *box;
  GtkImage          *icon;
  GtkLabel          *label;
  GtkWidget         *retry_button;
  GtkWidget         *discard_button;
};

G_DEFINE_FINAL_TYPE (WervingOutboxStatus, werving_outbox_status, GTK_TYPE_WIDGET)

static void
update (WervingOutboxStatus *self)
{
  g_autofree char *text = NULL;
  gboolean failed;
  const char *reason;

  gtk_widget_set_visible (GTK_WIDGET (self), self->item != NULL);
  if (self->item == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }

  failed = werving_outbox_item_get_state (self->item) == WERVING_OUTBOX_STATE_FAILED;
  reason = werving_outbox_item_get_reason (self->item);
  text = werving_vacancy_save_describe (self->item);
  gtk_label_set_text (self->label, text);
  /* Why the last attempt did not get through, also while it waits. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), reason != NULL ? reason : text);
  gtk_image_set_from_icon_name (self->icon, failed ? "dialog-warning-symbolic" : "mail-send-symbolic");
  gtk_widget_set_visible (self->retry_button, failed);
  gtk_widget_set_visible (self->discard_button, failed);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");
}

static void
retry_clicked_cb (WervingOutboxStatus *self)
{
  if (self->outbox != NULL && self->item != NULL)
    werving_outbox_retry (self->outbox, self->item);
}

static void
discard_clicked_cb (WervingOutboxStatus *self)
{
  if (self->outbox != NULL && self->item != NULL)
    werving_outbox_discard (self->outbox, self->item);
}

void
werving_outbox_status_set_item (WervingOutboxStatus *self,
                                WervingOutbox       *outbox,
                                WervingOutboxItem   *item)
{
  g_return_if_fail (WERVING_IS_OUTBOX_STATUS (self));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));
  g_return_if_fail (item == NULL || WERVING_IS_OUTBOX_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->outbox, outbox);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      g_signal_connect_swapped (item, "notify::state", G_CALLBACK (update), self);
      g_signal_connect_swapped (item, "notify::reason", G_CALLBACK (update), self);
    }
  update (self);
}

WervingOutboxItem *
werving_outbox_status_get_item (WervingOutboxStatus *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_STATUS (self), NULL);

  return self->item;
}

const char *
werving_outbox_status_get_text (WervingOutboxStatus *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_STATUS (self), NULL);

  return self->item != NULL ? gtk_label_get_text (self->label) : NULL;
}

GtkWidget *
werving_outbox_status_new (void)
{
  return g_object_new (WERVING_TYPE_OUTBOX_STATUS, NULL);
}

static void
werving_outbox_status_dispose (GObject *object)
{
  WervingOutboxStatus *self = WERVING_OUTBOX_STATUS (object);

  werving_outbox_status_set_item (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_OUTBOX_STATUS);

  G_OBJECT_CLASS (werving_outbox_status_parent_class)->dispose (object);
}

static void
werving_outbox_status_class_init (WervingOutboxStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_outbox_status_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-outbox-status.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingOutboxStatus, box);
  gtk_widget_class_bind_template_child (widget_class, WervingOutboxStatus, icon);
  gtk_widget_class_bind_template_child (widget_class, WervingOutboxStatus, label);
  gtk_widget_class_bind_template_child (widget_class, WervingOutboxStatus, retry_button);
  gtk_widget_class_bind_template_child (widget_class, WervingOutboxStatus, discard_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, discard_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
werving_outbox_status_init (WervingOutboxStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
