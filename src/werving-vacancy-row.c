/* werving-vacancy-row.c: one vacancy in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-outbox-status.h"
#include "werving-vacancy-row.h"
#include "werving-vacancy-save.h"

struct _WervingVacancyRow
{
  GtkWidget            parent_instance;

  WervingVacancy      *vacancy;
  WervingOutbox       *outbox;

  GtkWidget           *box;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *status_label;
  WervingOutboxStatus *outbox_status;
};

G_DEFINE_FINAL_TYPE (WervingVacancyRow, werving_vacancy_row, GTK_TYPE_WIDGET)

const char *
werving_vacancy_row_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("vacancy status", "Draft");
  if (g_strcmp0 (status, "active") == 0)
    return C_("vacancy status", "Active");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("vacancy status", "Closed");
  if (g_strcmp0 (status, "expired") == 0)
    return C_("vacancy status", "Expired");
  return status != NULL ? status : "";
}

char *
werving_vacancy_row_subtitle (WervingVacancy *vacancy)
{
  const char *place;
  const char *closing;
  g_autoptr(GDate) date = NULL;
  char formatted[64] = "";
  gboolean past = FALSE;

  if (vacancy == NULL)
    return g_strdup ("");

  place = werving_vacancy_get_place (vacancy);
  closing = werving_vacancy_get_closing_date (vacancy);
  if (closing != NULL)
    {
      date = g_date_new ();
      g_date_set_parse (date, closing);
      if (g_date_valid (date))
        {
          g_autoptr(GDate) today = g_date_new ();

          g_date_set_time_t (today, time (NULL));
          past = g_date_compare (date, today) < 0;
          /* Translators: a date as in "closes 23 nov 2026"; see strftime */
          g_date_strftime (formatted, sizeof formatted, _("%-d %b %Y"), date);
        }
    }

  if (place == NULL || *place == '\0')
    {
      if (*formatted == '\0')
        return g_strdup ("");
      return past ? g_strdup_printf (_("Closed %s"), formatted)
                  : g_strdup_printf (_("Closes %s"), formatted);
    }
  if (*formatted == '\0')
    return g_strdup (place);
  /* Translators: place and closing date of a vacancy */
  return past ? g_strdup_printf (_("%s · closed %s"), place, formatted)
              : g_strdup_printf (_("%s · closes %s"), place, formatted);
}

static void
update_outbox_item (WervingVacancyRow *self)
{
  WervingOutboxItem *item = NULL;

  if (self->vacancy != NULL)
    item = werving_vacancy_save_find_item (self->outbox, self->vacancy);
  if (item != werving_outbox_status_get_item (self->outbox_status))
    werving_outbox_status_set_item (self->outbox_status, self->outbox, item);
}

void
werving_vacancy_row_set_vacancy (WervingVacancyRow *self,
                                 WervingVacancy    *vacancy,
                                 WervingOutbox     *outbox)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (WERVING_IS_VACANCY_ROW (self));
  g_return_if_fail (vacancy == NULL || WERVING_IS_VACANCY (vacancy));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));

  g_set_object (&self->vacancy, vacancy);
  if (self->outbox != outbox)
    {
      if (self->outbox != NULL)
        g_signal_handlers_disconnect_by_func (self->outbox, update_outbox_item, self);
      g_set_object (&self->outbox, outbox);
      if (outbox != NULL)
        g_signal_connect_swapped (outbox, "items-changed", G_CALLBACK (update_outbox_item), self);
    }

  subtitle = werving_vacancy_row_subtitle (vacancy);
  gtk_label_set_text (self->title_label, vacancy != NULL ? werving_vacancy_get_title (vacancy) : "");
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->status_label,
                      vacancy != NULL ? werving_vacancy_row_status_label (werving_vacancy_get_status (vacancy)) : "");
  update_outbox_item (self);
}

WervingVacancy *
werving_vacancy_row_get_vacancy (WervingVacancyRow *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ROW (self), NULL);

  return self->vacancy;
}

const char *
werving_vacancy_row_get_outbox_text (WervingVacancyRow *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ROW (self), NULL);

  return werving_outbox_status_get_text (self->outbox_status);
}

GtkWidget *
werving_vacancy_row_new (void)
{
  return g_object_new (WERVING_TYPE_VACANCY_ROW, NULL);
}

static void
werving_vacancy_row_dispose (GObject *object)
{
  WervingVacancyRow *self = WERVING_VACANCY_ROW (object);

  werving_vacancy_row_set_vacancy (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_VACANCY_ROW);

  G_OBJECT_CLASS (werving_vacancy_row_parent_class)->dispose (object);
}

static void
werving_vacancy_row_class_init (WervingVacancyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_vacancy_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-vacancy-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingVacancyRow, box);
  gtk_widget_class_bind_template_child (widget_class, WervingVacancyRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WervingVacancyRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WervingVacancyRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, WervingVacancyRow, outbox_status);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werving_vacancy_row_init (WervingVacancyRow *self)
{
  g_type_ensure (WERVING_TYPE_OUTBOX_STATUS);
  gtk_widget_init_template (GTK_WIDGET (self));
}
