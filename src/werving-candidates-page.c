/* werving-candidates-page.c: CV search, results and the CV beside them
 *
 * The search entry and the filter panel describe one WervingCvQuery; every
 * change hands it to a WervingResultModel, which pages lazily through the
 * portal's results while the list scrolls. A CV is fetched only when the
 * user opens it (Enter or a click), never on mere keyboard focus: each
 * detail view counts against the organisation's daily quota (R4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-candidates-page.h"
#include "werving-cv-format.h"
#include "werving-cv-row.h"
#include "werving-cv-view.h"
#include "werving-occupations.h"
#include "werving-saved-searches-menu.h"
#include "werving-skills.h"

/* Typing in a text filter waits this long before searching. */
#define TEXT_DEBOUNCE_MS 300
#define MAX_SUGGESTIONS 8

static const char * const education_codes[] = {
  NULL, "vmbo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo", "hbo", "wo",
};

struct _WervingCandidatesPage
{
  GtkWidget           parent_instance;

  WervingClient      *client;
  WervingQuota       *quota;
  WervingResultModel *model;
  GtkNoSelection     *selection;
  GtkSliceListModel  *first_rows;
  guint               grow_tick;
  guint               grow_frames;
  WervingVacancy     *matches_vacancy;
  GPtrArray          *language_checks;
  guint               apply_source;
  gboolean            completing;
  GtkWidget          *completion_popover;
  GtkListBox         *completion_list;
  AdwEntryRow        *completion_row;

  AdwFlap            *flap;
  GtkWidget          *filter_box;
  AdwEntryRow        *skills_row;
  AdwEntryRow        *occupation_row;
  AdwEntryRow        *place_row;
  AdwActionRow       *radius_row;
  GtkSpinButton      *radius_spin;
  AdwComboRow        *education_row;
  GtkSpinButton      *hours_min_spin;
  GtkSpinButton      *hours_max_spin;
  GtkSwitch          *licence_switch;
  AdwExpanderRow     *languages_row;
  AdwComboRow        *available_row;
  AdwComboRow        *updated_row;
  AdwLeaflet         *leaflet;
  GtkWidget          *results_pane;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkRevealer        *matches_revealer;
  GtkLabel           *matches_label;
  GtkLabel           *total_label;
  GtkSpinner         *loading_spinner;
  GtkRevealer        *quota_revealer;
  GtkLabel           *quota_warning_label;
  GtkStack           *results_stack;
  GtkSpinner         *status_spinner;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkListView        *list_view;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  WervingCvView      *cv_view;
};

G_DEFINE_FINAL_TYPE (WervingCandidatesPage, werving_candidates_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void apply_query (WervingCandidatesPage *self);

/* Building the query */

static char *
date_string (GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
available_from_date (guint selected)
{
  GDate date;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  switch (selected)
    {
    case 1: break;                                 /* now */
    case 2: g_date_add_days (&date, 14); break;    /* within 2 weeks */
    case 3: g_date_add_months (&date, 1); break;   /* within a month */
    default: g_date_add_months (&date, 3); break;  /* within 3 months */
    }
  return date_string (&date);
}

static char *
updated_since_date (guint selected)
{
  GDate date;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  switch (selected)
    {
    case 1: g_date_subtract_days (&date, 7); break;
    case 2: g_date_subtract_months (&date, 1); break;
    default: g_date_subtract_months (&date, 3); break;
    }
  return date_string (&date);
}

static char *
strip_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
set_int_param (WervingCvQuery *query,
               const char     *name,
               int             value)
{
  g_autofree char *text = NULL;

  if (value <= 0)
    return;
  text = g_strdup_printf ("%d", value);
  werving_cv_query_set (query, name, text);
}

WervingCvQuery *
werving_candidates_page_build_query (WervingCandidatesPage *self)
{
  WervingCvQuery *query;
  g_autofree char *q = NULL;
  g_autofree char *skills_text = NULL;
  g_auto(GStrv) skills = NULL;
  g_autofree char *skills_joined = NULL;
  g_autofree char *occupation_text = NULL;
  g_autofree char *occupation = NULL;
  g_autofree char *place = NULL;
  g_autofree char *available = NULL;
  g_autofree char *updated = NULL;
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  guint education;

  g_return_val_if_fail (WERVING_IS_CANDIDATES_PAGE (self), NULL);

  query = werving_cv_query_new ();

  q = strip_text (self->search_entry);
  werving_cv_query_set (query, "q", q);

  skills_text = strip_text (self->skills_row);
  skills = werving_skills_split (skills_text);
  skills_joined = g_strjoinv (",", skills);
  werving_cv_query_set (query, "skills", skills_joined);

  occupation_text = strip_text (self->occupation_row);
  occupation = werving_occupations_find_code (occupation_text);
  set_row_error (self->occupation_row, *occupation_text != '\0' && occupation == NULL);
  werving_cv_query_set (query, "occupation", occupation);

  place = strip_text (self->place_row);
  if (*place != '\0')
    {
      werving_cv_query_set (query, "place", place);
      set_int_param (query, "radius_km", gtk_spin_button_get_value_as_int (self->radius_spin));
      if (gtk_spin_button_get_value_as_int (self->radius_spin) == 0)
        werving_cv_query_set (query, "radius_km", "0");
    }

  education = adw_combo_row_get_selected (self->education_row);
  if (education < G_N_ELEMENTS (education_codes))
    werving_cv_query_set (query, "education_min", education_codes[education]);

  set_int_param (query, "hours_min", gtk_spin_button_get_value_as_int (self->hours_min_spin));
  set_int_param (query, "hours_max", gtk_spin_button_get_value_as_int (self->hours_max_spin));

  if (gtk_switch_get_active (self->licence_switch))
    werving_cv_query_set (query, "driving_licence", "true");

  for (guint i = 0; i < self->language_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->language_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (languages, g_object_get_data (G_OBJECT (check), "code"));
    }
  if (languages->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (languages, NULL);
      joined = g_strjoinv (",", (char **) languages->pdata);
      werving_cv_query_set (query, "languages", joined);
    }

  available = available_from_date (adw_combo_row_get_selected (self->available_row));
  werving_cv_query_set (query, "available_from", available);
  updated = updated_since_date (adw_combo_row_get_selected (self->updated_row));
  werving_cv_query_set (query, "updated_since", updated);

  werving_cv_query_set (query, "sort",
                        gtk_drop_down_get_selected (self->sort_dropdown) == 1 ? "recent" : "relevance");
  return query;
}

/* Status: count, loading, errors, empty */

static gboolean
filters_active (WervingCvQuery *query)
{
  static const char * const filters[] = {
    "skills", "occupation", "place", "education_min", "hours_min", "hours_max",
    "driving_licence", "languages", "available_from", "updated_since",
  };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (werving_cv_query_get (query, filters[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
update_empty_hint (WervingCandidatesPage *self)
{
  g_autoptr(WervingCvQuery) query = NULL;
  const char *hint;

  if (self->matches_vacancy != NULL)
    hint = _("No findable CV matches this vacancy yet. Adding skills or an occupation to the vacancy, or choosing a larger place, finds more candidates.");
  else
    {
      query = werving_candidates_page_build_query (self);
      if (filters_active (query))
        hint = _("Try fewer filters, a larger radius or fewer skills. Only CVs their owners renewed in the last six months can be found.");
      else if (werving_cv_query_get (query, "q") != NULL)
        hint = _("Try other or fewer words. Search looks in headlines, skills, summaries and experience.");
      else
        hint = _("The portal has no findable CVs at the moment.");
    }
  adw_status_page_set_description (self->empty_page, hint);
}

static void
mark_field_errors (WervingCandidatesPage *self,
                   const GError          *error)
{
  set_row_error (self->place_row, werving_error_find_field_error (error, "place") != NULL ||
                                  werving_error_find_field_error (error, "radius_km") != NULL);
  set_row_error (self->skills_row, werving_error_find_field_error (error, "skills") != NULL);
  if (werving_error_find_field_error (error, "occupation") != NULL)
    set_row_error (self->occupation_row, TRUE);
}

static void
update_status (WervingCandidatesPage *self)
{
  const GError *error;
  gint64 total;
  gboolean loading;
  g_autofree char *message = NULL;

  if (self->model == NULL)
    {
      gtk_label_set_text (self->total_label, "");
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      update_empty_hint (self);
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  error = werving_result_model_get_error (self->model);
  total = werving_result_model_get_total (self->model);
  loading = werving_result_model_get_loading (self->model);

  gtk_spinner_set_spinning (self->loading_spinner, loading && total >= 0);
  gtk_spinner_set_spinning (self->status_spinner, loading && total < 0);
  if (error != NULL)
    {
      message = werving_error_to_user_message (error);
      mark_field_errors (self, error);
    }
  else
    mark_field_errors (self, NULL);

  if (total < 0)
    {
      gtk_label_set_text (self->total_label, "");
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      if (error != NULL)
        {
          adw_status_page_set_description (self->error_page, message);
          gtk_stack_set_visible_child_name (self->results_stack, "error");
        }
      else
        gtk_stack_set_visible_child_name (self->results_stack, "loading");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    {
      gtk_label_set_text (self->total_label, "");
      update_empty_hint (self);
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
    }
  else
    {
      g_autofree char *count = werving_format_number (total);
      g_autofree char *text = NULL;
      gulong n = (gulong) MIN (total, G_MAXLONG);

      if (werving_result_model_get_total_is_estimate (self->model))
        /* Translators: an estimated number of CVs found, "About 12.000 candidates" */
        text = g_strdup_printf (ngettext ("About %s candidate", "About %s candidates", n), count);
      else
        /* Translators: the number of CVs found, "1.234 candidates" */
        text = g_strdup_printf (ngettext ("%s candidate", "%s candidates", n), count);
      gtk_label_set_text (self->total_label, text);
      gtk_stack_set_visible_child_name (self->results_stack, "results");
    }

  /* An error after the first page: keep the rows, say so below them. */
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

static void
update_quota_warning (WervingCandidatesPage *self)
{
  g_autofree char *message = self->quota ? werving_cv_view_quota_message (self->quota) : NULL;
  GtkWidget *label = GTK_WIDGET (self->quota_warning_label);

  gtk_label_set_text (self->quota_warning_label, message != NULL ? message : "");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_add_css_class (label, werving_cv_view_quota_state (self->quota) == WERVING_QUOTA_STATE_EXHAUSTED
                                   ? "error" : "warning");
  gtk_revealer_set_reveal_child (self->quota_revealer, message != NULL);
}

/* The first rows of a new search
 *
 * GTK 4.8's list view binds about 200 rows as soon as its model has them,
 * though only a handful fit the view: the frame that first shows the
 * results would build all of them. So while a search waits for its first
 * page the list is cut to that page, and the rest joins in the frame after
 * the one that drew it.
 */
#define FIRST_ROWS 50

static void
stop_growing (WervingCandidatesPage *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->grow_tick);
  self->grow_tick = 0;
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  WervingCandidatesPage *self = user_data;

  /* The first tick is in the frame that draws the first rows. */
  if (++self->grow_frames < 2)
    return G_SOURCE_CONTINUE;
  self->grow_tick = 0;
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

static void
first_rows_update (WervingCandidatesPage *self)
{
  stop_growing (self);
  if (self->model == NULL)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
  else if (werving_result_model_get_total (self->model) < 0)
    gtk_slice_list_model_set_size (self->first_rows, FIRST_ROWS);
  else if (gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    {
      self->grow_frames = 0;
      self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), grow_tick_cb, self, NULL);
    }
}

static void
set_model (WervingCandidatesPage *self,
           WervingResultModel    *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  first_rows_update (self);
  gtk_slice_list_model_set_model (self->first_rows, G_LIST_MODEL (model));
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "notify::total", G_CALLBACK (first_rows_update), self);
      g_signal_connect_swapped (model, "notify::total", G_CALLBACK (update_status), self);
      g_signal_connect_swapped (model, "notify::loading", G_CALLBACK (update_status), self);
      g_signal_connect_swapped (model, "notify::error", G_CALLBACK (update_status), self);
      g_signal_connect_swapped (model, "notify::n-items", G_CALLBACK (update_status), self);
    }
  update_status (self);
}

static void
apply_query (WervingCandidatesPage *self)
{
  g_autoptr(WervingCvQuery) query = NULL;

  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (self->client == NULL)
    return;

  query = werving_candidates_page_build_query (self);
  if (self->model != NULL && self->matches_vacancy == NULL)
    {
      /* Does nothing when the criteria did not change. */
      werving_result_model_set_query (self->model, query);
      return;
    }

  g_clear_object (&self->matches_vacancy);
  gtk_revealer_set_reveal_child (self->matches_revealer, FALSE);
  gtk_widget_set_sensitive (self->filter_box, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), TRUE);
  {
    g_autoptr(WervingResultModel) model = werving_result_model_new_search (self->client, query);
    set_model (self, model);
  }
}

static gboolean
apply_timeout_cb (gpointer user_data)
{
  WervingCandidatesPage *self = user_data;

  self->apply_source = 0;
  apply_query (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_apply (WervingCandidatesPage *self)
{
  g_clear_handle_id (&self->apply_source, g_source_remove);
  self->apply_source = g_timeout_add (TEXT_DEBOUNCE_MS, apply_timeout_cb, self);
}

/* Completion for the skills and occupation rows */

static void
hide_completion (WervingCandidatesPage *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->completion_popover));
  self->completion_row = NULL;
}

static void
show_completion (WervingCandidatesPage *self,
                 AdwEntryRow           *row,
                 GPtrArray             *labels,
                 GPtrArray             *values)
{
  GtkWidget *child;
  graphene_rect_t bounds;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->completion_list))) != NULL)
    gtk_list_box_remove (self->completion_list, child);

  if (labels->len == 0 || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
    {
      hide_completion (self);
      return;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (labels, i));
      GtkWidget *list_row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), label);
      g_object_set_data_full (G_OBJECT (list_row), "value",
                              g_strdup (g_ptr_array_index (values, i)), g_free);
      gtk_list_box_append (self->completion_list, list_row);
    }

  self->completion_row = row;
  gtk_widget_set_size_request (self->completion_popover, (int) bounds.size.width - 24, -1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->completion_popover),
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->completion_popover));
}

static char *
last_token (const char *text)
{
  const char *comma = strrchr (text, ',');

  return g_strstrip (g_strdup (comma != NULL ? comma + 1 : text));
}

static void
accept_completion (WervingCandidatesPage *self,
                   GtkListBoxRow         *list_row)
{
  const char *value = g_object_get_data (G_OBJECT (list_row), "value");
  AdwEntryRow *row = self->completion_row;
  g_autofree char *text = NULL;

  if (row == NULL || value == NULL)
    return;

  self->completing = TRUE;
  if (row == self->skills_row)
    {
      const char *current = gtk_editable_get_text (GTK_EDITABLE (row));
      const char *comma = strrchr (current, ',');
      g_autofree char *head = comma != NULL ? g_strndup (current, (gsize) (comma - current + 1)) : g_strdup ("");

      text = g_strdup_printf ("%s%s%s, ", head, comma != NULL ? " " : "", value);
    }
  else
    text = g_strdup (value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  self->completing = FALSE;
  hide_completion (self);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  apply_query (self);
}

static void
completion_row_activated_cb (WervingCandidatesPage *self,
                             GtkListBoxRow         *list_row)
{
  accept_completion (self, list_row);
}

static gboolean
completion_key_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   WervingCandidatesPage *self)
{
  GtkListBoxRow *selected;
  int index;

  if (!gtk_widget_get_visible (self->completion_popover))
    return FALSE;

  selected = gtk_list_box_get_selected_row (self->completion_list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Up:
      {
        GtkListBoxRow *next;

        index += keyval == GDK_KEY_Down ? 1 : -1;
        next = gtk_list_box_get_row_at_index (self->completion_list, MAX (index, 0));
        if (next != NULL)
          gtk_list_box_select_row (self->completion_list, next);
        return TRUE;
      }
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_Tab:
      if (selected == NULL)
        return FALSE;
      accept_completion (self, selected);
      return TRUE;
    case GDK_KEY_Escape:
      hide_completion (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
completion_focus_leave_cb (WervingCandidatesPage *self)
{
  hide_completion (self);
}

static void
add_completion_controllers (WervingCandidatesPage *self,
                            AdwEntryRow           *row)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (completion_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), key);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (completion_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/* Template callbacks */

static void
skills_changed_cb (WervingCandidatesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->skills_row));
  g_autofree char *token = last_token (text);
  g_auto(GStrv) listed = werving_skills_split (text);
  g_autofree const char **found = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (self->completing)
    return;

  set_row_error (self->skills_row, FALSE);
  found = werving_skills_complete (token, (const char * const *) listed, MAX_SUGGESTIONS);
  for (guint i = 0; found[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) found[i]);
  if (gtk_widget_has_focus (GTK_WIDGET (self->skills_row)) ||
      gtk_widget_get_focus_child (GTK_WIDGET (self->skills_row)) != NULL)
    show_completion (self, self->skills_row, labels, labels);
  schedule_apply (self);
}

static void
occupation_changed_cb (WervingCandidatesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->occupation_row));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = NULL;

  if (self->completing)
    return;

  code = werving_occupations_find_code (text);
  found = code == NULL ? werving_occupations_complete (text, MAX_SUGGESTIONS) : g_ptr_array_new ();
  for (guint i = 0; i < found->len; i++)
    {
      const WervingOccupationItem *o = g_ptr_array_index (found, i);
      char *label = g_strdup_printf ("%s (%s)", werving_occupation_item_get_display_label (o), o->code);

      g_ptr_array_add (labels, label);
      g_ptr_array_add (values, g_strdup (label));
    }
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->occupation_row)) != NULL)
    show_completion (self, self->occupation_row, labels, values);
  schedule_apply (self);
}

static void
place_changed_cb (WervingCandidatesPage *self)
{
  g_autofree char *place = strip_text (self->place_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->radius_row), *place != '\0');
  set_row_error (self->place_row, FALSE);
  schedule_apply (self);
}

static void
filter_changed_cb (WervingCandidatesPage *self)
{
  apply_query (self);
}

static void
search_changed_cb (WervingCandidatesPage *self)
{
  /* GtkSearchEntry already waited for typing to pause. */
  apply_query (self);
}

static void
search_activate_cb (WervingCandidatesPage *self)
{
  /* Enter searches now; GTK 4.8's entry does not cut its typing delay
   * short, and the search-changed that follows finds the same query. */
  apply_query (self);
}

static void
language_toggled_cb (WervingCandidatesPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->language_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->language_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (names, (gpointer) werving_format_language (g_object_get_data (G_OBJECT (check), "code")));
    }
  g_ptr_array_add (names, NULL);
  subtitle = g_strjoinv (_(", "), (char **) names->pdata);
  adw_expander_row_set_subtitle (self->languages_row, *subtitle != '\0' ? subtitle : _("Any language"));
  apply_query (self);
}

static void
list_activate_cb (WervingCandidatesPage *self,
                  guint                  position)
{
  g_autoptr(WervingCvSummary) cv = NULL;

  if (self->model == NULL)
    return;
  cv = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (cv == NULL || werving_cv_summary_get_loading (cv))
    return;
  werving_candidates_page_open_cv (self, werving_cv_summary_get_id (cv));
}

static void
cv_back_cb (WervingCandidatesPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->results_pane);
}

static void
folded_changed_cb (WervingCandidatesPage *self)
{
  werving_cv_view_set_show_back (self->cv_view, adw_leaflet_get_folded (self->leaflet));
}

/* Actions */

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->results_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (widget);

  if (self->model != NULL)
    werving_result_model_retry (self->model);
}

static void
end_matches_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  werving_candidates_page_end_matches (WERVING_CANDIDATES_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (widget);

  /* One search at the end, not one per widget. */
  self->completing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->skills_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->occupation_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), "");
  self->completing = FALSE;
  gtk_spin_button_set_value (self->radius_spin, 25);
  adw_combo_row_set_selected (self->education_row, 0);
  gtk_spin_button_set_value (self->hours_min_spin, 0);
  gtk_spin_button_set_value (self->hours_max_spin, 0);
  gtk_switch_set_active (self->licence_switch, FALSE);
  for (guint i = 0; i < self->language_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->language_checks, i), FALSE);
  adw_combo_row_set_selected (self->available_row, 0);
  adw_combo_row_set_selected (self->updated_row, 0);
  apply_query (self);
}

static guint
education_index (const char *code)
{
  for (guint i = 1; code != NULL && i < G_N_ELEMENTS (education_codes); i++)
    if (g_strcmp0 (education_codes[i], code) == 0)
      return i;
  return 0;
}

/* The "available from" choice whose date is nearest @date (YYYY-MM-DD). */
static guint
available_index (const char *date)
{
  GDate then, today;
  int days;

  if (date == NULL)
    return 0;
  g_date_clear (&then, 1);
  g_date_set_parse (&then, date);
  if (!g_date_valid (&then))
    return 0;
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  days = g_date_days_between (&today, &then);
  if (days <= 0)
    return 1;
  if (days <= 14)
    return 2;
  if (days <= 31)
    return 3;
  return 4;
}

static int
query_int (WervingCvQuery *query,
           const char     *name)
{
  const char *value = werving_cv_query_get (query, name);

  return value != NULL ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

/* Shows @query in the filter widgets (a saved search); "updated since"
 * is left to the caller, as saved searches keep their own. */
static void
set_filters (WervingCandidatesPage *self,
             WervingCvQuery        *query)
{
  const char *occupation = werving_cv_query_get (query, "occupation");
  const char *skills = werving_cv_query_get (query, "skills");
  const char *place = werving_cv_query_get (query, "place");
  const char *q = werving_cv_query_get (query, "q");
  g_auto(GStrv) languages = g_strsplit (werving_cv_query_get (query, "languages") != NULL
                                        ? werving_cv_query_get (query, "languages") : "", ",", -1);
  g_autofree char *occupation_text = NULL;
  g_autofree char *skills_text = NULL;

  if (occupation != NULL)
    {
      const WervingOccupationItem *item = werving_occupation_list_find_by_code (occupation);

      occupation_text = item != NULL
                        ? g_strdup_printf ("%s (%s)", werving_occupation_item_get_display_label (item), item->code)
                        : g_strdup (occupation);
    }
  if (skills != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (skills, ",", -1);

      skills_text = g_strjoinv (", ", parts);
    }

  self->completing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), q != NULL ? q : "");
  gtk_editable_set_text (GTK_EDITABLE (self->skills_row), skills_text != NULL ? skills_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->occupation_row), occupation_text != NULL ? occupation_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), place != NULL ? place : "");
  self->completing = FALSE;
  gtk_spin_button_set_value (self->radius_spin,
                             werving_cv_query_get (query, "radius_km") != NULL ? query_int (query, "radius_km") : 25);
  adw_combo_row_set_selected (self->education_row, education_index (werving_cv_query_get (query, "education_min")));
  gtk_spin_button_set_value (self->hours_min_spin, query_int (query, "hours_min"));
  gtk_spin_button_set_value (self->hours_max_spin, query_int (query, "hours_max"));
  gtk_switch_set_active (self->licence_switch, g_strcmp0 (werving_cv_query_get (query, "driving_licence"), "true") == 0);
  for (guint i = 0; i < self->language_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->language_checks, i);

      gtk_check_button_set_active (check, g_strv_contains ((const char * const *) languages,
                                                           g_object_get_data (G_OBJECT (check), "code")));
    }
  adw_combo_row_set_selected (self->available_row, available_index (werving_cv_query_get (query, "available_from")));
  adw_combo_row_set_selected (self->updated_row, 0);
  gtk_drop_down_set_selected (self->sort_dropdown,
                              g_strcmp0 (werving_cv_query_get (query, "sort"), "recent") == 0 ? 1 : 0);
}

/* Public API */

void
werving_candidates_page_open_cv (WervingCandidatesPage *self,
                                 gint64                 id)
{
  g_return_if_fail (WERVING_IS_CANDIDATES_PAGE (self));

  werving_cv_view_open (self->cv_view, id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->cv_view));
}

void
werving_candidates_page_run_query (WervingCandidatesPage *self,
                                   WervingCvQuery        *query)
{
  g_return_if_fail (WERVING_IS_CANDIDATES_PAGE (self));
  g_return_if_fail (WERVING_IS_CV_QUERY (query));

  if (self->client == NULL)
    return;
  /* The filters show what is searched: the query goes through them. */
  set_filters (self, query);
  if (self->matches_vacancy != NULL)
    werving_candidates_page_end_matches (self);
  apply_query (self);
}

void
werving_candidates_page_show_matches (WervingCandidatesPage *self,
                                      WervingVacancy        *vacancy)
{
  g_autoptr(WervingResultModel) model = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (WERVING_IS_CANDIDATES_PAGE (self));
  g_return_if_fail (WERVING_IS_VACANCY (vacancy));

  if (self->client == NULL)
    return;

  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_set_object (&self->matches_vacancy, vacancy);
  /* Translators: a heading above the CVs matching a vacancy */
  title = g_strdup_printf (_("Candidates for “%s”"), werving_vacancy_get_title (vacancy));
  gtk_label_set_text (self->matches_label, title);
  gtk_revealer_set_reveal_child (self->matches_revealer, TRUE);
  /* The vacancy decides the criteria; the filters do not apply. */
  gtk_widget_set_sensitive (self->filter_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->results_pane);

  model = werving_result_model_new_matches (self->client, werving_vacancy_get_id (vacancy));
  set_model (self, model);
}

void
werving_candidates_page_end_matches (WervingCandidatesPage *self)
{
  g_return_if_fail (WERVING_IS_CANDIDATES_PAGE (self));

  if (self->matches_vacancy == NULL)
    return;
  apply_query (self);
}

WervingResultModel *
werving_candidates_page_get_model (WervingCandidatesPage *self)
{
  g_return_val_if_fail (WERVING_IS_CANDIDATES_PAGE (self), NULL);

  return self->model;
}

WervingClient *
werving_candidates_page_get_client (WervingCandidatesPage *self)
{
  g_return_val_if_fail (WERVING_IS_CANDIDATES_PAGE (self), NULL);

  return self->client;
}

void
werving_candidates_page_set_outbox (WervingCandidatesPage *self,
                                    WervingOutbox         *outbox)
{
  g_return_if_fail (WERVING_IS_CANDIDATES_PAGE (self));

  werving_cv_view_set_outbox (self->cv_view, outbox);
}

void
werving_candidates_page_set_client (WervingCandidatesPage *self,
                                    WervingClient         *client)
{
  g_return_if_fail (WERVING_IS_CANDIDATES_PAGE (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->quota != NULL)
    g_signal_handlers_disconnect_by_func (self->quota, update_quota_warning, self);
  g_clear_object (&self->quota);
  g_clear_object (&self->matches_vacancy);
  gtk_revealer_set_reveal_child (self->matches_revealer, FALSE);
  set_model (self, NULL);
  g_set_object (&self->client, client);
  werving_cv_view_set_client (self->cv_view, client);

  if (client != NULL)
    {
      self->quota = g_object_ref (werving_client_get_quota (client));
      g_signal_connect_swapped (self->quota, "notify", G_CALLBACK (update_quota_warning), self);
      /* The first search waits until the section is shown (map): a page
       * nobody looks at costs the portal and the start-up nothing. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        apply_query (self);
    }
  update_quota_warning (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
werving_candidates_page_map (GtkWidget *widget)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (widget);

  GTK_WIDGET_CLASS (werving_candidates_page_parent_class)->map (widget);

  /* Shown for the first time since the client was set: search now. */
  if (self->client != NULL && self->model == NULL)
    apply_query (self);
}

/* GObject */

static void
werving_candidates_page_dispose (GObject *object)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->apply_source, g_source_remove);
  stop_growing (self);
  if (self->quota != NULL)
    g_signal_handlers_disconnect_by_func (self->quota, update_quota_warning, self);
  g_clear_object (&self->quota);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->completion_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_CANDIDATES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->model);
  g_clear_object (&self->matches_vacancy);
  g_clear_object (&self->client);
  g_clear_pointer (&self->language_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (werving_candidates_page_parent_class)->dispose (object);
}

static void
werving_candidates_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_candidates_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  WervingCandidatesPage *self = WERVING_CANDIDATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_candidates_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_candidates_page_class_init (WervingCandidatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_candidates_page_dispose;
  object_class->get_property = werving_candidates_page_get_property;
  object_class->set_property = werving_candidates_page_set_property;
  widget_class->map = werving_candidates_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-candidates-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, WervingCandidatesPage, name)
  CHILD (flap);
  CHILD (filter_box);
  CHILD (skills_row);
  CHILD (occupation_row);
  CHILD (place_row);
  CHILD (radius_row);
  CHILD (radius_spin);
  CHILD (education_row);
  CHILD (hours_min_spin);
  CHILD (hours_max_spin);
  CHILD (licence_switch);
  CHILD (languages_row);
  CHILD (available_row);
  CHILD (updated_row);
  CHILD (leaflet);
  CHILD (results_pane);
  CHILD (search_entry);
  CHILD (sort_dropdown);
  CHILD (matches_revealer);
  CHILD (matches_label);
  CHILD (total_label);
  CHILD (loading_spinner);
  CHILD (quota_revealer);
  CHILD (quota_warning_label);
  CHILD (results_stack);
  CHILD (status_spinner);
  CHILD (empty_page);
  CHILD (error_page);
  CHILD (list_view);
  CHILD (error_revealer);
  CHILD (error_label);
  CHILD (cv_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, skills_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, occupation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "candidates.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "candidates.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "candidates.end-matches", NULL, end_matches_action);
  gtk_widget_class_install_action (widget_class, "candidates.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
build_filter_models (WervingCandidatesPage *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  const char * const *codes = werving_format_get_language_codes ();

  gtk_string_list_append (levels, C_("education level", "Any"));
  for (guint i = 1; i < G_N_ELEMENTS (education_codes); i++)
    gtk_string_list_append (levels, werving_format_education_level (education_codes[i]));
  adw_combo_row_set_model (self->education_row, G_LIST_MODEL (levels));

  self->language_checks = g_ptr_array_new ();
  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *name = werving_format_language (codes[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (check), "code", (gpointer) codes[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (language_toggled_cb), self);
      adw_expander_row_add_row (self->languages_row, row);
      g_ptr_array_add (self->language_checks, check);
    }
  adw_expander_row_set_subtitle (self->languages_row, _("Any language"));
}

static void
werving_candidates_page_init (WervingCandidatesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *shortcuts;
  GtkWidget *scroller;

  g_type_ensure (WERVING_TYPE_CV_VIEW);
  g_type_ensure (WERVING_TYPE_SAVED_SEARCHES_MENU);
  g_type_ensure (WERVING_TYPE_CV_SUMMARY);
  gtk_widget_init_template (GTK_WIDGET (self));
  werving_cv_view_ensure_style ();
  build_filter_models (self);

  factory = werving_cv_row_factory_new ();
  self->first_rows = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Suggestions for skills and occupation; parented here, not to the rows. */
  self->completion_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->completion_popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->completion_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->completion_popover), GTK_POS_BOTTOM);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  self->completion_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->completion_list, TRUE);
  /* Clicking a suggestion must not take the focus from the entry. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->completion_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completion_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"), -1);
  g_signal_connect_swapped (self->completion_list, "row-activated",
                            G_CALLBACK (completion_row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->completion_list));
  gtk_popover_set_child (GTK_POPOVER (self->completion_popover), scroller);
  gtk_widget_set_parent (self->completion_popover, GTK_WIDGET (self));
  add_completion_controllers (self, self->skills_row);
  add_completion_controllers (self, self->occupation_row);

  g_signal_connect_object (self->cv_view, "back", G_CALLBACK (cv_back_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  folded_changed_cb (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->radius_row), FALSE);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->results_pane));

  /* Ctrl+F anywhere in the window while this page is shown (a managed
   * shortcut runs only while its widget is mapped).
   */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("candidates.focus-search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_status (self);
  update_quota_warning (self);
}
