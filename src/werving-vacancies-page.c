/* werving-vacancies-page.c: the organisation's vacancies, filtered by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-error.h"
#include "werving-vacancies-page.h"

/* Vacancies are fetched in pages of this size until the list is complete. */
#define PAGE_SIZE 100

struct _WervingVacanciesPage
{
  GtkWidget parent_instance;

  WervingClient *client;
  GListStore *vacancies;
  GCancellable *cancellable;
  char *status_filter;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwStatusPage *empty_page;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkActionBar *action_bar;
  GtkToggleButton *filter_draft;
  GtkToggleButton *filter_active;
  GtkToggleButton *filter_closed;
  GtkToggleButton *filter_expired;
};

G_DEFINE_FINAL_TYPE (WervingVacanciesPage, werving_vacancies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATUS_FILTER,
  PROP_SELECTED_VACANCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_VACANCY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_page         (WervingVacanciesPage *self,
                               const char           *cursor);
static void set_status_filter (WervingVacanciesPage *self,
                               const char           *status);

/* Status names as the API defines them, shown to the user. */
static const char *
status_label (const char *status)
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

char *werving_vacancy_row_status   (GtkListItem *item, const char *status);
char *werving_vacancy_row_subtitle (GtkListItem *item, WervingVacancy *vacancy);

char *
werving_vacancy_row_status (GtkListItem *item,
                            const char  *status)
{
  return g_strdup (status_label (status));
}

char *
werving_vacancy_row_subtitle (GtkListItem    *item,
                              WervingVacancy *vacancy)
{
  const char *place;
  const char *closing;
  g_autoptr(GDate) date = NULL;
  char formatted[64] = "";

  if (vacancy == NULL)
    return g_strdup ("");

  gboolean past = FALSE;

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
set_filter_label (GtkToggleButton *button,
                  const char      *status,
                  gint64           count)
{
  g_autofree char *label = NULL;

  if (count < 0)
    label = g_strdup (status_label (status));
  else
    /* Translators: a vacancy status and how many have it, e.g. "Active (3)" */
    label = g_strdup_printf (_("%s (%d)"), status_label (status), (int) MIN (count, G_MAXINT));
  gtk_button_set_label (GTK_BUTTON (button), label);
}

static void
update_counts (WervingVacanciesPage *self,
               WervingPage          *page)
{
  set_filter_label (self->filter_draft, "draft", page ? werving_page_get_count (page, "draft") : -1);
  set_filter_label (self->filter_active, "active", page ? werving_page_get_count (page, "active") : -1);
  set_filter_label (self->filter_closed, "closed", page ? werving_page_get_count (page, "closed") : -1);
  set_filter_label (self->filter_expired, "expired", page ? werving_page_get_count (page, "expired") : -1);
}

static void
show_state (WervingVacanciesPage *self,
            const char           *name)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (name, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
list_vacancies_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WervingVacanciesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = NULL;
  GListModel *items;
  const char *next;

  page = werving_client_list_vacancies_finish (WERVING_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
        return;

      message = werving_error_to_user_message (error);
      adw_status_page_set_description (self->error_page, message);
      show_state (self, "error");
      return;
    }

  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_list_store_append (self->vacancies, item);
    }
  update_counts (self, page);

  next = werving_page_get_next_cursor (page);
  if (next != NULL)
    {
      load_page (self, next);
      return;
    }

  show_state (self, g_list_model_get_n_items (G_LIST_MODEL (self->vacancies)) > 0 ? "list" : "empty");
}

static void
load_page (WervingVacanciesPage *self,
           const char           *cursor)
{
  werving_client_list_vacancies_async (self->client, self->status_filter, cursor, PAGE_SIZE,
                                       self->cancellable, list_vacancies_cb,
                                       g_object_ref (self));
}

void
werving_vacancies_page_reload (WervingVacanciesPage *self)
{
  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->vacancies);

  if (self->client == NULL)
    {
      update_counts (self, NULL);
      show_state (self, "empty");
      return;
    }

  self->cancellable = g_cancellable_new ();
  show_state (self, "loading");
  load_page (self, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  werving_vacancies_page_reload (WERVING_VACANCIES_PAGE (widget));
}

WervingClient *
werving_vacancies_page_get_client (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return self->client;
}

void
werving_vacancies_page_set_client (WervingVacanciesPage *self,
                                   WervingClient        *client)
{
  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  werving_vacancies_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

WervingVacancy *
werving_vacancies_page_get_selected_vacancy (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
selection_changed_cb (WervingVacanciesPage *self)
{
  gtk_action_bar_set_revealed (self->action_bar,
                               gtk_single_selection_get_selected_item (self->selection) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_VACANCY]);
}

static void
list_activate_cb (GtkListView          *list_view,
                  guint                 position,
                  WervingVacanciesPage *self)
{
  g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (G_LIST_MODEL (self->vacancies), position);

  if (vacancy != NULL)
    g_signal_emit (self, signals[SIGNAL_VACANCY_ACTIVATED], 0, vacancy);
}

GListModel *
werving_vacancies_page_get_model (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->vacancies);
}

static void
werving_vacancies_page_dispose (GObject *object)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_VACANCIES_PAGE);
  /* The template's root box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->selection);
  g_clear_object (&self->vacancies);

  G_OBJECT_CLASS (werving_vacancies_page_parent_class)->dispose (object);
}

static void
werving_vacancies_page_finalize (GObject *object)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);

  g_free (self->status_filter);

  G_OBJECT_CLASS (werving_vacancies_page_parent_class)->finalize (object);
}

static void
werving_vacancies_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status_filter ? self->status_filter : "");
      break;
    case PROP_SELECTED_VACANCY:
      g_value_set_object (value, werving_vacancies_page_get_selected_vacancy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_vacancies_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_vacancies_page_set_client (self, g_value_get_object (value));
      break;
    case PROP_STATUS_FILTER:
      set_status_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "" or NULL shows every vacancy; otherwise one API status. */
static void
set_status_filter (WervingVacanciesPage *self,
                   const char           *status)
{
  if (status != NULL && *status == '\0')
    status = NULL;
  if (g_strcmp0 (status, self->status_filter) == 0)
    return;

  g_free (self->status_filter);
  self->status_filter = g_strdup (status);
  werving_vacancies_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

static void
werving_vacancies_page_class_init (WervingVacanciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_vacancies_page_dispose;
  object_class->finalize = werving_vacancies_page_finalize;
  object_class->get_property = werving_vacancies_page_get_property;
  object_class->set_property = werving_vacancies_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_VACANCY] =
    g_param_spec_object ("selected-vacancy", NULL, NULL, WERVING_TYPE_VACANCY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter or a double click on a vacancy: the window opens it. */
  signals[SIGNAL_VACANCY_ACTIVATED] =
    g_signal_new ("vacancy-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-vacancies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, action_bar);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_draft);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_active);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_closed);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_expired);

  gtk_widget_class_install_property_action (widget_class, "vacancies.filter", "status-filter");
  gtk_widget_class_install_action (widget_class, "vacancies.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "vacancies.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "vacancies.reload", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
werving_vacancies_page_init (WervingVacanciesPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  GtkListItemFactory *factory;

  g_type_ensure (WERVING_TYPE_VACANCY);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->vacancies = g_list_store_new (WERVING_TYPE_VACANCY);
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "werving_vacancy_row_status",
                                           G_CALLBACK (werving_vacancy_row_status),
                                           "werving_vacancy_row_subtitle",
                                           G_CALLBACK (werving_vacancy_row_subtitle),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             "/io/github/werving/Werving/werving-vacancy-row.ui");
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->vacancies)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);

  update_counts (self, NULL);
}
