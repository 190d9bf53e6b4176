/* werving-date-row.c: a form row holding an optional date, picked in a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "werving-date-row.h"

struct _WervingDateRow
{
  AdwActionRow  parent_instance;

  char         *date;
  GtkWidget    *button;
  GtkCalendar  *calendar;
  GtkWidget    *clear_button;
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (WervingDateRow, werving_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
parse_date (const char *iso_date)
{
  int y, m, d;
  char end;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      strlen (iso_date) != 10 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

char *
werving_date_row_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = parse_date (iso_date);

  if (dt == NULL)
    return NULL;
  /* Translators: a date in full, see g_date_time_format(); in Dutch
   * "%A %-d %B %Y" gives "maandag 23 november 2026" */
  return g_date_time_format (dt, _("%A, %B %-d, %Y"));
}

char *
werving_date_row_get_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
update_subtitle (WervingDateRow *self)
{
  g_autofree char *formatted = werving_date_row_format_date (self->date);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               formatted != NULL ? formatted : C_("date", "Not set"));
  gtk_widget_set_sensitive (self->clear_button, self->date != NULL);
}

static void
day_selected_cb (GtkCalendar    *calendar,
                 WervingDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;

  if (self->updating)
    return;

  dt = gtk_calendar_get_date (calendar);
  date = g_date_time_format (dt, "%Y-%m-%d");
  werving_date_row_set_date (self, date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
clear_clicked_cb (GtkButton      *button,
                  WervingDateRow *self)
{
  werving_date_row_set_date (self, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

const char *
werving_date_row_get_date (WervingDateRow *self)
{
  g_return_val_if_fail (WERVING_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
werving_date_row_set_date (WervingDateRow *self,
                           const char     *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_if_fail (WERVING_IS_DATE_ROW (self));

  dt = parse_date (date);
  if (dt == NULL)
    date = NULL;
  if (g_strcmp0 (date, self->date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);

  self->updating = TRUE;
  if (dt != NULL)
    gtk_calendar_select_day (self->calendar, dt);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      gtk_calendar_select_day (self->calendar, now);
    }
  self->updating = FALSE;

  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

GtkWidget *
werving_date_row_get_button (WervingDateRow *self)
{
  g_return_val_if_fail (WERVING_IS_DATE_ROW (self), NULL);

  return self->button;
}

/* The button speaks of the row it belongs to: "Choose Closing Date". */
static void
title_changed_cb (WervingDateRow *self)
{
  g_autofree char *label = NULL;

  /* Translators: the accessible name of a calendar button; %s is the row's
   * title, e.g. "Closing Date" */
  label = g_strdup_printf (_("Choose %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (self->button, label);
}

static void
werving_date_row_finalize (GObject *object)
{
  WervingDateRow *self = WERVING_DATE_ROW (object);

  g_free (self->date);

  G_OBJECT_CLASS (werving_date_row_parent_class)->finalize (object);
}

static void
werving_date_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WervingDateRow *self = WERVING_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_date_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WervingDateRow *self = WERVING_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      werving_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_date_row_class_init (WervingDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_date_row_finalize;
  object_class->get_property = werving_date_row_get_property;
  object_class->set_property = werving_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
werving_date_row_init (WervingDateRow *self)
{
  GtkWidget *popover, *box;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);

  self->clear_button = gtk_button_new_with_mnemonic (C_("date", "_Clear"));
  gtk_widget_set_halign (self->clear_button, GTK_ALIGN_END);
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), self->clear_button);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->button);

  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (title_changed_cb), self);
  title_changed_cb (self);
  update_subtitle (self);
}
