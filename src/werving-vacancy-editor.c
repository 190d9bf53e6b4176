/* werving-vacancy-editor.c: the form to write, save and publish a vacancy
 *
 * Every change is written to a draft file (0600) after a short pause, so a
 * crash or a dead network loses nothing; the draft is removed once the portal
 * has the vacancy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "werving-completion.h"
#include "werving-date-row.h"
#include "werving-drafts.h"
#include "werving-occupations.h"
#include "werving-outbox-status.h"
#include "werving-vacancy-editor.h"
#include "werving-vacancy-save.h"
#include "werving-window.h"

#define MAX_SKILLS       30
#define MAX_SKILL_CHARS  60

/* API values in the order of the combo rows' items (index 0: none). */
static const char * const contract_types[] = {
  NULL, "permanent", "temporary", "freelance", "internship", "on-call",
};
static const char * const education_levels[] = {
  NULL, "vmbo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo", "hbo", "wo",
};
static const char * const salary_periods[] = { "hour", "month", "year" };
#define DEFAULT_SALARY_PERIOD 1

struct _WervingVacancyEditor
{
  GtkWidget            parent_instance;

  WervingClient       *client;
  WervingOutbox       *outbox;
  WervingOutboxItem   *queued_item;     /* this form's save waiting in the outbox */
  WervingOutboxItem   *left_item;       /* the last one that left it, delivered or discarded */
  guint                queued_generation;
  WervingOrganisation *organisation;
  WervingVacancy      *vacancy;
  char                *drafts_dir;
  char                *new_uuid;
  char                *draft_path;      /* the file written last, to remove */
  GCancellable        *cancellable;
  GCancellable        *organisation_cancellable;
  GPtrArray           *skills;
  GHashTable          *errors;          /* field → message */
  char                *message;
  guint                autosave_id;
  guint                generation;      /* counts edits */
  guint                saving_generation;
  gboolean             loading;
  gboolean             dirty;
  gboolean             busy;
  gboolean             publish_after_save;
  gboolean             saving_update;

  AdwWindowTitle      *window_title;
  GtkWidget           *outbox_status;
  GtkSpinner          *spinner;
  GtkWidget           *publish_button;
  GtkWidget           *restore_box;
  GtkLabel            *restore_label;
  GtkWidget           *unverified_label;
  GtkLabel            *error_label;

  GtkWidget           *title_row;
  GtkWidget           *description_frame;
  GtkTextView         *description_view;
  GtkWidget           *occupation_row;
  GtkWidget           *skill_row;
  GtkWidget           *skills_row;
  GtkFlowBox          *skills_box;
  GtkWidget           *place_row;
  GtkWidget           *postcode_row;
  GtkWidget           *hours_min_row;
  GtkWidget           *hours_max_row;
  GtkWidget           *hours_min_spin;
  GtkWidget           *hours_max_spin;
  GtkWidget           *contract_type_row;
  GtkWidget           *education_level_row;
  GtkWidget           *salary_min_row;
  GtkWidget           *salary_max_row;
  GtkWidget           *salary_min_spin;
  GtkWidget           *salary_max_spin;
  GtkWidget           *salary_period_row;
  GtkWidget           *start_date_row;
  GtkWidget           *closing_date_row;

  GtkWidget           *description_error;
  GtkWidget           *title_error_row;
  GtkWidget           *title_error;
  GtkWidget           *occupation_error_row;
  GtkWidget           *occupation_error;
  GtkWidget           *skills_error_row;
  GtkWidget           *skills_error;
  GtkWidget           *place_error_row;
  GtkWidget           *place_error;
  GtkWidget           *postcode_error_row;
  GtkWidget           *postcode_error;
  GtkWidget           *hours_min_error_row;
  GtkWidget           *hours_min_error;
  GtkWidget           *hours_max_error_row;
  GtkWidget           *hours_max_error;
  GtkWidget           *contract_type_error_row;
  GtkWidget           *contract_type_error;
  GtkWidget           *education_level_error_row;
  GtkWidget           *education_level_error;
  GtkWidget           *salary_min_error_row;
  GtkWidget           *salary_min_error;
  GtkWidget           *salary_max_error_row;
  GtkWidget           *salary_max_error;
  GtkWidget           *salary_period_error_row;
  GtkWidget           *salary_period_error;
  GtkWidget           *start_date_error_row;
  GtkWidget           *start_date_error;
  GtkWidget           *closing_date_error_row;
  GtkWidget           *closing_date_error;
};

G_DEFINE_FINAL_TYPE (WervingVacancyEditor, werving_vacancy_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ORGANISATION,
  PROP_DRAFTS_DIR,
  PROP_VACANCY,
  PROP_DIRTY,
  PROP_BUSY,
  N_PROPS
};

enum {
  SAVED,
  TOAST,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define W(member) G_STRUCT_OFFSET (WervingVacancyEditor, member)

/* One form field: the row marked in error, the widget showing the message
 * (its error row), the label holding it and the input. */
typedef struct
{
  const char *name;
  gssize      row;
  gssize      message;
  gssize      label;
  gssize      input;
} Field;

static const Field fields[] = {
  { "title", W (title_row), W (title_error_row), W (title_error), W (title_row) },
  { "description", W (description_frame), W (description_error), W (description_error), W (description_view) },
  { "occupation", W (occupation_row), W (occupation_error_row), W (occupation_error), W (occupation_row) },
  { "skills", W (skill_row), W (skills_error_row), W (skills_error), W (skill_row) },
  { "place", W (place_row), W (place_error_row), W (place_error), W (place_row) },
  { "postcode", W (postcode_row), W (postcode_error_row), W (postcode_error), W (postcode_row) },
  { "hours_min", W (hours_min_row), W (hours_min_error_row), W (hours_min_error), W (hours_min_spin) },
  { "hours_max", W (hours_max_row), W (hours_max_error_row), W (hours_max_error), W (hours_max_spin) },
  { "contract_type", W (contract_type_row), W (contract_type_error_row), W (contract_type_error), W (contract_type_row) },
  { "education_level", W (education_level_row), W (education_level_error_row), W (education_level_error), W (education_level_row) },
  { "salary.min", W (salary_min_row), W (salary_min_error_row), W (salary_min_error), W (salary_min_spin) },
  { "salary.max", W (salary_max_row), W (salary_max_error_row), W (salary_max_error), W (salary_max_spin) },
  { "salary.period", W (salary_period_row), W (salary_period_error_row), W (salary_period_error), W (salary_period_row) },
  { "start_date", W (start_date_row), W (start_date_error_row), W (start_date_error), W (start_date_row) },
  { "closing_date", W (closing_date_row), W (closing_date_error_row), W (closing_date_error), W (closing_date_row) },
};

#define MEMBER(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))

static void     update_state   (WervingVacancyEditor *self);
static gboolean spin_output_cb (GtkSpinButton        *spin,
                                gpointer              user_data);
static void     add_skill_chip (WervingVacancyEditor *self,
                                const char           *skill);

static const Field *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/* Where a portal field error belongs: "occupation.code" on the occupation
 * row, "skills[3]" on the skills row, "salary" on its minimum. */
static const Field *
find_field_for_api (const char *api_field)
{
  if (api_field == NULL)
    return NULL;
  if (g_str_has_prefix (api_field, "occupation"))
    return find_field ("occupation");
  if (g_str_has_prefix (api_field, "skills"))
    return find_field ("skills");
  if (g_str_equal (api_field, "salary"))
    return find_field ("salary.min");
  return find_field (api_field);
}

/* Errors */

static void
set_field_error (WervingVacancyEditor *self,
                 const char           *name,
                 const char           *message)
{
  const Field *field = find_field (name);
  GtkWidget *row, *message_widget, *label;

  g_return_if_fail (field != NULL);

  row = MEMBER (self, field->row);
  message_widget = MEMBER (self, field->message);
  label = MEMBER (self, field->label);

  if (message != NULL)
    {
      /* The first message found for a field is the one shown. */
      if (g_hash_table_contains (self->errors, field->name))
        return;
      g_hash_table_insert (self->errors, (gpointer) field->name, g_strdup (message));
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (GTK_LABEL (label), message);
      gtk_widget_set_visible (message_widget, TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (MEMBER (self, field->input)),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (MEMBER (self, field->input)),
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label,
                                      -1);
    }
  else
    {
      g_hash_table_remove (self->errors, field->name);
      gtk_widget_remove_css_class (row, "error");
      gtk_label_set_text (GTK_LABEL (label), "");
      gtk_widget_set_visible (message_widget, FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (MEMBER (self, field->input)),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (MEMBER (self, field->input)),
                                     GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
    }
}

static void
set_message (WervingVacancyEditor *self,
             const char           *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_errors (WervingVacancyEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_field_error (self, fields[i].name, NULL);
  set_message (self, NULL);
}

static void
focus_first_error (WervingVacancyEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_hash_table_contains (self->errors, fields[i].name))
      {
        gtk_widget_grab_focus (MEMBER (self, fields[i].input));
        return;
      }
}

/* Reading the form */

static char *
get_entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static char *
get_description (WervingVacancyEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
get_combo_value (GtkWidget          *row,
                 const char * const *values,
                 guint               n_values)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < n_values ? values[selected] : NULL;
}

static void
set_combo_value (GtkWidget          *row,
                 const char * const *values,
                 guint               n_values,
                 const char         *value,
                 guint               fallback)
{
  guint selected = fallback;

  for (guint i = 0; i < n_values; i++)
    if (values[i] != NULL && g_strcmp0 (values[i], value) == 0)
      selected = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
}

static gint64
get_spin_int (GtkWidget *spin)
{
  return (gint64) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
}

/* The occupation the text names: from the list, or the vacancy's own one
 * when the text still shows it (a code this app does not list). */
static gboolean
resolve_occupation (WervingVacancyEditor  *self,
                    const char           **code,
                    const char           **label)
{
  g_autofree char *text = get_entry_text (self->occupation_row);
  const WervingOccupationItem *occupation;

  *code = NULL;
  *label = NULL;
  if (*text == '\0')
    return TRUE;

  occupation = werving_occupation_list_find_by_label (text);
  if (occupation != NULL)
    {
      *code = occupation->code;
      *label = occupation->api_label;
      return TRUE;
    }

  if (self->vacancy != NULL && werving_vacancy_get_occupation_code (self->vacancy) != NULL &&
      g_strcmp0 (werving_vacancy_get_occupation_label (self->vacancy), text) == 0)
    {
      *code = werving_vacancy_get_occupation_code (self->vacancy);
      *label = werving_vacancy_get_occupation_label (self->vacancy);
      return TRUE;
    }

  return FALSE;
}

WervingVacancy *
werving_vacancy_editor_build_vacancy (WervingVacancyEditor *self)
{
  g_autoptr(WervingVacancy) form = werving_vacancy_new ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *place = NULL;
  g_autofree char *postcode = NULL;
  g_autoptr(GStrvBuilder) skills = g_strv_builder_new ();
  g_auto(GStrv) skill_list = NULL;
  const char *code, *label;
  double salary_min, salary_max;

  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  title = get_entry_text (self->title_row);
  werving_vacancy_set_title (form, title);
  description = get_description (self);
  werving_vacancy_set_description (form, description);

  if (resolve_occupation (self, &code, &label) && code != NULL)
    {
      werving_vacancy_set_occupation_code (form, code);
      werving_vacancy_set_occupation_label (form, label);
    }

  for (guint i = 0; i < self->skills->len; i++)
    g_strv_builder_add (skills, g_ptr_array_index (self->skills, i));
  skill_list = g_strv_builder_end (skills);
  werving_vacancy_set_skills (form, (const char * const *) skill_list);

  place = get_entry_text (self->place_row);
  werving_vacancy_set_place (form, *place != '\0' ? place : NULL);
  /* "1234 ab" is meant as "1234 AB". */
  postcode = g_utf8_strup (gtk_editable_get_text (GTK_EDITABLE (self->postcode_row)), -1);
  g_strstrip (postcode);
  werving_vacancy_set_postcode (form, *postcode != '\0' ? postcode : NULL);

  /* 0 in a spin button means "not given". */
  werving_vacancy_set_hours_min (form, get_spin_int (self->hours_min_spin) > 0 ? get_spin_int (self->hours_min_spin) : -1);
  werving_vacancy_set_hours_max (form, get_spin_int (self->hours_max_spin) > 0 ? get_spin_int (self->hours_max_spin) : -1);
  werving_vacancy_set_contract_type (form, get_combo_value (self->contract_type_row, contract_types,
                                                            G_N_ELEMENTS (contract_types)));
  werving_vacancy_set_education_level (form, get_combo_value (self->education_level_row, education_levels,
                                                              G_N_ELEMENTS (education_levels)));

  salary_min = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->salary_min_spin));
  salary_max = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->salary_max_spin));
  if (salary_min > 0 || salary_max > 0)
    {
      werving_vacancy_set_salary_min (form, salary_min > 0 ? salary_min : -1);
      werving_vacancy_set_salary_max (form, salary_max > 0 ? salary_max : -1);
      werving_vacancy_set_salary_period (form, get_combo_value (self->salary_period_row, salary_periods,
                                                                G_N_ELEMENTS (salary_periods)));
    }

  werving_vacancy_set_start_date (form, werving_date_row_get_date (WERVING_DATE_ROW (self->start_date_row)));
  werving_vacancy_set_closing_date (form, werving_date_row_get_date (WERVING_DATE_ROW (self->closing_date_row)));

  if (self->vacancy == NULL)
    return werving_drafts_copy_vacancy (form, 0, "draft");
  return werving_drafts_copy_vacancy (form, werving_vacancy_get_id (self->vacancy), werving_vacancy_get_status (self->vacancy));
}

/* Filling the form */

static void
set_spin (GtkWidget *spin,
          double     value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (value, 0));
  /* 0 shows as an empty field, also when the value did not change. */
  if (value <= 0)
    spin_output_cb (GTK_SPIN_BUTTON (spin), NULL);
}

static void
clear_skills (WervingVacancyEditor *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->skills, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->skills_box))) != NULL)
    gtk_flow_box_remove (self->skills_box, child);
  gtk_widget_set_visible (self->skills_row, FALSE);
}

static void
fill_form (WervingVacancyEditor *self,
           WervingVacancy       *vacancy)
{
  const WervingOccupationItem *occupation = NULL;
  const char * const *skills = NULL;
  const char *occupation_text = "";

  self->loading = TRUE;

  if (vacancy != NULL)
    {
      occupation = werving_occupation_list_find_by_code (werving_vacancy_get_occupation_code (vacancy));
      if (occupation != NULL)
        occupation_text = werving_occupation_item_get_display_label (occupation);
      else if (werving_vacancy_get_occupation_label (vacancy) != NULL)
        occupation_text = werving_vacancy_get_occupation_label (vacancy);
      skills = werving_vacancy_get_skills (vacancy);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         vacancy && werving_vacancy_get_title (vacancy) ? werving_vacancy_get_title (vacancy) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            vacancy && werving_vacancy_get_description (vacancy) ?
                            werving_vacancy_get_description (vacancy) : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->occupation_row), occupation_text);
  gtk_editable_set_text (GTK_EDITABLE (self->skill_row), "");
  clear_skills (self);
  for (guint i = 0; skills != NULL && skills[i] != NULL; i++)
    add_skill_chip (self, skills[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row),
                         vacancy && werving_vacancy_get_place (vacancy) ? werving_vacancy_get_place (vacancy) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->postcode_row),
                         vacancy && werving_vacancy_get_postcode (vacancy) ? werving_vacancy_get_postcode (vacancy) : "");
  set_spin (self->hours_min_spin, vacancy ? (double) werving_vacancy_get_hours_min (vacancy) : 0);
  set_spin (self->hours_max_spin, vacancy ? (double) werving_vacancy_get_hours_max (vacancy) : 0);
  set_combo_value (self->contract_type_row, contract_types, G_N_ELEMENTS (contract_types),
                   vacancy ? werving_vacancy_get_contract_type (vacancy) : NULL, 0);
  set_combo_value (self->education_level_row, education_levels, G_N_ELEMENTS (education_levels),
                   vacancy ? werving_vacancy_get_education_level (vacancy) : NULL, 0);
  set_spin (self->salary_min_spin, vacancy ? werving_vacancy_get_salary_min (vacancy) : 0);
  set_spin (self->salary_max_spin, vacancy ? werving_vacancy_get_salary_max (vacancy) : 0);
  set_combo_value (self->salary_period_row, salary_periods, G_N_ELEMENTS (salary_periods),
                   vacancy ? werving_vacancy_get_salary_period (vacancy) : NULL, DEFAULT_SALARY_PERIOD);
  werving_date_row_set_date (WERVING_DATE_ROW (self->start_date_row),
                             vacancy ? werving_vacancy_get_start_date (vacancy) : NULL);
  werving_date_row_set_date (WERVING_DATE_ROW (self->closing_date_row),
                             vacancy ? werving_vacancy_get_closing_date (vacancy) : NULL);

  self->loading = FALSE;
  clear_errors (self);
}

/* Validation: the contract's rules, checked before anything is sent. */

static gboolean
is_postcode (const char *postcode)
{
  return g_regex_match_simple ("^[1-9][0-9]{3} ?[A-Z]{2}$", postcode, 0, 0);
}

gboolean
werving_vacancy_editor_validate (WervingVacancyEditor *self,
                                 gboolean              for_publish)
{
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autofree char *today = werving_date_row_get_today ();
  g_autofree char *description = NULL;
  const char *code, *label;
  const char *text;
  const char *closing;
  glong length;
  gint64 hours_min, hours_max;
  double salary_min, salary_max;
  gboolean checks_closing;

  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_field_error (self, fields[i].name, NULL);

  vacancy = werving_vacancy_editor_build_vacancy (self);

  text = werving_vacancy_get_title (vacancy);
  length = text != NULL ? g_utf8_strlen (text, -1) : 0;
  if (length == 0)
    set_field_error (self, "title", _("Give the vacancy a title."));
  else if (length < 3)
    set_field_error (self, "title", _("A title needs at least 3 characters."));
  else if (length > 120)
    set_field_error (self, "title", _("A title can have at most 120 characters."));

  text = werving_vacancy_get_description (vacancy);
  length = text != NULL ? g_utf8_strlen (text, -1) : 0;
  description = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (length > 10000)
    set_field_error (self, "description", _("The description can have at most 10,000 characters."));
  else if (for_publish && *description == '\0')
    set_field_error (self, "description", _("Describe the job before you publish it."));

  if (!resolve_occupation (self, &code, &label))
    set_field_error (self, "occupation", _("Choose an occupation from the suggestions."));

  if (self->skills->len > MAX_SKILLS)
    set_field_error (self, "skills", _("A vacancy can list at most 30 skills."));
  for (guint i = 0; i < self->skills->len; i++)
    if (g_utf8_strlen (g_ptr_array_index (self->skills, i), -1) > MAX_SKILL_CHARS)
      set_field_error (self, "skills", _("A skill can have at most 60 characters."));

  if (for_publish && werving_vacancy_get_place (vacancy) == NULL)
    set_field_error (self, "place", _("Enter the place of work before you publish."));

  text = werving_vacancy_get_postcode (vacancy);
  if (text != NULL && !is_postcode (text))
    set_field_error (self, "postcode", _("Enter a Dutch postcode, such as 1234 AB."));

  hours_min = werving_vacancy_get_hours_min (vacancy);
  hours_max = werving_vacancy_get_hours_max (vacancy);
  if (hours_min > 40)
    set_field_error (self, "hours_min", _("A vacancy can ask for at most 40 hours a week."));
  if (hours_max > 40)
    set_field_error (self, "hours_max", _("A vacancy can ask for at most 40 hours a week."));
  else if (hours_min > 0 && hours_max > 0 && hours_min > hours_max)
    set_field_error (self, "hours_max", _("The maximum hours must not be fewer than the minimum."));

  if (for_publish && werving_vacancy_get_contract_type (vacancy) == NULL)
    set_field_error (self, "contract_type", _("Choose the kind of contract before you publish."));

  salary_min = werving_vacancy_get_salary_min (vacancy);
  salary_max = werving_vacancy_get_salary_max (vacancy);
  if (salary_min < 0 && salary_max >= 0)
    set_field_error (self, "salary.min", _("Enter a minimum salary as well, or neither."));
  else if (salary_max < 0 && salary_min >= 0)
    set_field_error (self, "salary.max", _("Enter a maximum salary as well, or neither."));
  else if (salary_min > salary_max)
    set_field_error (self, "salary.max", _("The maximum salary must not be lower than the minimum."));

  /* Publishing needs a closing date from today on; so does an active
   * vacancy whose closing date is changed. */
  closing = werving_vacancy_get_closing_date (vacancy);
  checks_closing = for_publish ||
                   (self->vacancy != NULL && g_strcmp0 (werving_vacancy_get_status (self->vacancy), "active") == 0 &&
                    g_strcmp0 (closing, werving_vacancy_get_closing_date (self->vacancy)) != 0);
  if (for_publish && closing == NULL)
    set_field_error (self, "closing_date", _("Choose a closing date before you publish."));
  else if (checks_closing && closing != NULL && g_strcmp0 (closing, today) < 0)
    set_field_error (self, "closing_date", _("The closing date must not be in the past."));

  return g_hash_table_size (self->errors) == 0;
}

/* The portal's field errors, in this form's words where the field is known. */
static char *
portal_field_message (const WervingFieldError *field_error)
{
  const char *field = field_error->field ? field_error->field : "";
  const char *code = field_error->code ? field_error->code : "";

  if (g_str_equal (field, "postcode"))
    return g_strdup (_("Enter a Dutch postcode, such as 1234 AB."));
  if (g_str_equal (field, "title") && g_str_equal (code, "min"))
    return g_strdup (_("A title needs at least 3 characters."));
  if (g_str_equal (field, "title") && g_str_equal (code, "max"))
    return g_strdup (_("A title can have at most 120 characters."));
  if (g_str_equal (field, "hours_max") && g_str_equal (code, "min"))
    return g_strdup (_("The maximum hours must not be fewer than the minimum."));
  if (g_str_has_prefix (field, "hours_") && g_str_equal (code, "max"))
    return g_strdup (_("A vacancy can ask for at most 40 hours a week."));
  if (g_str_equal (field, "salary.max") && g_str_equal (code, "min"))
    return g_strdup (_("The maximum salary must not be lower than the minimum."));
  if (g_str_equal (field, "closing_date") && g_str_equal (code, "past"))
    return g_strdup (_("The closing date must not be in the past."));
  if (g_str_has_prefix (field, "occupation"))
    return g_strdup (_("Choose an occupation from the suggestions."));

  return werving_field_error_to_user_message (field_error);
}

void
werving_vacancy_editor_show_error (WervingVacancyEditor *self,
                                   const GError         *error)
{
  const GPtrArray *field_errors;
  g_autofree char *general = NULL;
  guint placed = 0;

  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));
  g_return_if_fail (error != NULL);

  /* The portal's answer replaces whatever was marked before. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_field_error (self, fields[i].name, NULL);

  field_errors = werving_error_get_field_errors (error);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const WervingFieldError *field_error = g_ptr_array_index (field_errors, i);
      const Field *field = find_field_for_api (field_error->field);
      g_autofree char *text = NULL;

      if (field == NULL)
        continue;
      text = portal_field_message (field_error);
      set_field_error (self, field->name, text);
      placed++;
    }

  if (placed > 0)
    {
      set_message (self, _("The portal did not accept some fields. Correct the marked fields and try again."));
      focus_first_error (self);
      return;
    }

  general = werving_error_to_user_message (error);
  if (g_error_matches (error, WERVING_ERROR, WERVING_ERROR_NETWORK))
    {
      g_autofree char *text =
        /* Translators: %s says why the portal could not be reached */
        g_strdup_printf (_("%s Your changes are kept on this computer; try again later."), general);
      set_message (self, text);
    }
  else
    set_message (self, general);
}

/* Drafts */

static const char *
get_drafts_dir (WervingVacancyEditor *self,
                char                **to_free)
{
  WervingSession *session;

  *to_free = NULL;
  if (self->drafts_dir != NULL)
    return self->drafts_dir;
  if (self->client == NULL || (session = werving_client_get_session (self->client)) == NULL ||
      werving_session_get_account_email (session) == NULL)
    return NULL;

  *to_free = werving_drafts_get_dir (werving_client_get_base_url (self->client),
                                     werving_session_get_account_email (session));
  return *to_free;
}

char *
werving_vacancy_editor_get_draft_path (WervingVacancyEditor *self)
{
  g_autofree char *owned = NULL;
  const char *dir;

  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  dir = get_drafts_dir (self, &owned);
  if (dir == NULL)
    return NULL;
  return werving_drafts_get_path (dir, self->vacancy ? werving_vacancy_get_id (self->vacancy) : 0,
                                  self->new_uuid);
}

static void
remove_draft (WervingVacancyEditor *self)
{
  g_autofree char *path = werving_vacancy_editor_get_draft_path (self);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (path != NULL)
    g_remove (path);
  if (self->draft_path != NULL)
    g_remove (self->draft_path);
  g_clear_pointer (&self->draft_path, g_free);
}

static void
write_draft (WervingVacancyEditor *self)
{
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *occupation_text = NULL;
  g_autofree char *skill_text = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  path = werving_vacancy_editor_get_draft_path (self);
  if (path == NULL || !self->dirty)
    return;

  vacancy = werving_vacancy_editor_build_vacancy (self);
  occupation_text = get_entry_text (self->occupation_row);
  skill_text = get_entry_text (self->skill_row);
  root = werving_drafts_build (vacancy, self->vacancy ? werving_vacancy_get_id (self->vacancy) : 0,
                               self->new_uuid, occupation_text, skill_text);

  if (!werving_drafts_write (path, root, &error))
    {
      g_autofree char *text =
        /* Translators: %s is a system error message */
        g_strdup_printf (_("Could not keep a copy of your changes on this computer: %s"), error->message);
      set_message (self, text);
      return;
    }

  g_free (self->draft_path);
  self->draft_path = g_steal_pointer (&path);
}

void
werving_vacancy_editor_flush_draft (WervingVacancyEditor *self)
{
  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));

  write_draft (self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  WervingVacancyEditor *self = user_data;

  self->autosave_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* Fills the form from a draft file; FALSE if there is none or it is not
 * readable (it is then left alone). */
static gboolean
restore_draft (WervingVacancyEditor *self,
               const char           *path)
{
  g_autoptr(JsonNode) root = werving_drafts_read (path, NULL);
  g_autoptr(WervingVacancy) restored = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *occupation_text = NULL;
  g_autofree char *skill_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *notice = NULL;

  if (root == NULL ||
      !werving_drafts_parse (root, &restored, &uuid, &saved_at, &occupation_text, &skill_text))
    return FALSE;

  if (self->vacancy == NULL && uuid != NULL)
    {
      g_free (self->new_uuid);
      self->new_uuid = g_steal_pointer (&uuid);
    }

  fill_form (self, restored);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->occupation_row), occupation_text);
  gtk_editable_set_text (GTK_EDITABLE (self->skill_row), skill_text);
  self->loading = FALSE;

  if (saved_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (saved_at);
      /* Translators: when a draft was written, see g_date_time_format();
       * in Dutch "%-d %B om %H:%M" */
      when = g_date_time_format (local, _("%B %-d at %H:%M"));
    }
  if (when != NULL)
    /* Translators: %s is a date and time, e.g. "23 november om 09:30" */
    notice = g_strdup_printf (_("Changes you had not saved yet were restored (from %s)."), when);
  else
    notice = g_strdup (_("Changes you had not saved yet were restored."));
  gtk_label_set_text (self->restore_label, notice);
  gtk_widget_set_visible (self->restore_box, TRUE);

  g_free (self->draft_path);
  self->draft_path = g_strdup (path);
  self->dirty = TRUE;
  return TRUE;
}

/* Edits */

static void
changed (WervingVacancyEditor *self,
         const char           *field)
{
  if (self->loading)
    return;

  self->generation++;
  if (field != NULL && g_hash_table_contains (self->errors, field))
    set_field_error (self, field, NULL);
  if (!self->dirty)
    {
      self->dirty = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (WERVING_VACANCY_EDITOR_AUTOSAVE_MS, autosave_cb, self);
}

static void
field_changed_cb (GObject              *object,
                  WervingVacancyEditor *self)
{
  changed (self, g_object_get_data (object, "werving-field"));
}

static void
field_notify_cb (GObject              *object,
                 GParamSpec           *pspec,
                 WervingVacancyEditor *self)
{
  changed (self, g_object_get_data (object, "werving-field"));
}

static void
remove_skill_clicked_cb (GtkButton            *button,
                         WervingVacancyEditor *self)
{
  const char *skill = g_object_get_data (G_OBJECT (button), "werving-skill");
  GtkWidget *child = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_FLOW_BOX_CHILD);

  for (guint i = 0; i < self->skills->len; i++)
    if (g_str_equal (g_ptr_array_index (self->skills, i), skill))
      {
        g_ptr_array_remove_index (self->skills, i);
        break;
      }
  gtk_flow_box_remove (self->skills_box, child);
  gtk_widget_set_visible (self->skills_row, self->skills->len > 0);
  gtk_widget_grab_focus (self->skill_row);
  changed (self, "skills");
}

static void
add_skill_chip (WervingVacancyEditor *self,
                const char           *skill)
{
  GtkWidget *button, *box, *label;
  g_autofree char *accessible = NULL;

  g_ptr_array_add (self->skills, g_strdup (skill));

  label = gtk_label_new (skill);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  /* Translators: the accessible name of a skill's button, %s is the skill */
  accessible = g_strdup_printf (_("Remove skill %s"), skill);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (button, accessible);
  g_object_set_data_full (G_OBJECT (button), "werving-skill", g_strdup (skill), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_skill_clicked_cb), self);

  gtk_flow_box_append (self->skills_box, button);
  /* One tab stop per skill: the button, not its flow box child too; and
   * chips as wide as their text, not as their column. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  gtk_widget_set_halign (gtk_widget_get_parent (button), GTK_ALIGN_START);
  gtk_widget_set_visible (self->skills_row, TRUE);
}

/* Adds what the skill entry holds; FALSE (with the reason on the row) if it
 * cannot be added. */
static gboolean
commit_skill (WervingVacancyEditor *self)
{
  g_autofree char *skill = get_entry_text (self->skill_row);
  g_autofree char *folded = g_utf8_casefold (skill, -1);

  if (*skill == '\0')
    return TRUE;

  set_field_error (self, "skills", NULL);
  if (g_utf8_strlen (skill, -1) > MAX_SKILL_CHARS)
    {
      set_field_error (self, "skills", _("A skill can have at most 60 characters."));
      return FALSE;
    }
  for (guint i = 0; i < self->skills->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->skills, i), -1);

      if (g_str_equal (other, folded))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->skill_row), "");
          return TRUE;
        }
    }
  if (self->skills->len >= MAX_SKILLS)
    {
      set_field_error (self, "skills", _("A vacancy can list at most 30 skills."));
      return FALSE;
    }

  add_skill_chip (self, skill);
  gtk_editable_set_text (GTK_EDITABLE (self->skill_row), "");
  changed (self, "skills");
  return TRUE;
}

static void
skill_apply_cb (AdwEntryRow          *row,
                WervingVacancyEditor *self)
{
  commit_skill (self);
}

static void
skill_selected_cb (WervingCompletion    *completion,
                   const char           *text,
                   WervingVacancyEditor *self)
{
  commit_skill (self);
}

/* A spin button at 0 means "not given" and shows nothing. */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  if (gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)) != 0)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (spin)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (*text != '\0')
    return FALSE;
  *new_value = 0;
  return TRUE;
}

static void
salary_period_changed_cb (WervingVacancyEditor *self)
{
  /* Cents matter for hourly wages only. */
  guint digits = adw_combo_row_get_selected (ADW_COMBO_ROW (self->salary_period_row)) == 0 ? 2 : 0;

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->salary_min_spin), digits);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->salary_max_spin), digits);
}

/* State */

static gboolean
is_draft (WervingVacancyEditor *self)
{
  return self->vacancy == NULL || g_strcmp0 (werving_vacancy_get_status (self->vacancy), "draft") == 0;
}

static gboolean
organisation_verified (WervingVacancyEditor *self)
{
  return self->organisation != NULL && werving_organisation_is_verified (self->organisation);
}

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
  return "";
}

static gboolean
is_reachable (WervingVacancyEditor *self)
{
  return self->client == NULL || werving_client_get_reachable (self->client);
}

static void
update_state (WervingVacancyEditor *self)
{
  gboolean draft = is_draft (self);
  gboolean verified = organisation_verified (self);
  gboolean online = is_reachable (self);

  adw_window_title_set_title (self->window_title,
                              self->vacancy == NULL ? _("New Vacancy") : _("Edit Vacancy"));
  adw_window_title_set_subtitle (self->window_title,
                                 self->vacancy != NULL ? status_label (werving_vacancy_get_status (self->vacancy)) : "");

  gtk_widget_set_visible (self->publish_button, draft);
  /* R6: an unverified organisation writes drafts but cannot publish. Say so
   * once the organisation is known, not while it is being fetched. */
  gtk_widget_set_visible (self->unverified_label, draft && self->organisation != NULL && !verified);
  gtk_widget_set_tooltip_text (self->publish_button,
                               draft && self->organisation != NULL && !verified ?
                               gtk_label_get_text (GTK_LABEL (self->unverified_label)) :
                               /* Publishing needs the portal's verdict: never queued. */
                               !online ? _("Publishing needs the portal, which cannot be reached right now") : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.publish", !self->busy && draft && verified && online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
set_busy (WervingVacancyEditor *self,
          gboolean              busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
toast (WervingVacancyEditor *self,
       const char           *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

/* Saving */

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED);
}

/* The portal has @vacancy: forget the draft unless there were edits since
 * the request left, then show what the portal keeps. */
static void
accept_vacancy (WervingVacancyEditor *self,
                WervingVacancy       *vacancy)
{
  gboolean edited_since = self->generation != self->saving_generation;

  remove_draft (self);
  g_set_object (&self->vacancy, vacancy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VACANCY]);
  gtk_widget_set_visible (self->restore_box, FALSE);

  if (edited_since)
    write_draft (self);
  else
    {
      fill_form (self, vacancy);
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  update_state (self);
}

static void
publish_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WervingVacancyEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;

  vacancy = werving_client_publish_vacancy_finish (WERVING_CLIENT (source), result, &error);
  if (vacancy == NULL && is_cancelled (error))
    return;

  set_busy (self, FALSE);
  if (vacancy == NULL)
    {
      werving_vacancy_editor_show_error (self, error);
      toast (self, _("Saved as a draft, but not published"));
      return;
    }

  g_set_object (&self->vacancy, vacancy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VACANCY]);
  update_state (self);
  toast (self, _("Vacancy published"));
  g_signal_emit (self, signals[SAVED], 0, vacancy);
}

/* The outbox */

static void
set_queued_item (WervingVacancyEditor *self,
                 WervingOutboxItem    *item)
{
  g_set_object (&self->queued_item, item);
  if (self->outbox_status != NULL)
    werving_outbox_status_set_item (WERVING_OUTBOX_STATUS (self->outbox_status),
                                    item != NULL ? self->outbox : NULL, item);
}

/* The portal cannot be reached: the save waits in the outbox, the draft file
 * stays until the portal has it. */
static void
queue_save (WervingVacancyEditor *self,
            WervingVacancy       *form)
{
  WervingOutboxItem *item;

  item = werving_vacancy_save_queue (self->outbox, form,
                                     self->vacancy != NULL ? werving_vacancy_get_id (self->vacancy) : 0,
                                     self->queued_item);
  if (item == NULL)
    {
      set_message (self, _("The first version of this new vacancy is being sent right now. Save again in a moment; your changes are kept on this computer."));
      return;
    }

  set_queued_item (self, item);
  self->queued_generation = self->generation;
  set_message (self, NULL);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  toast (self, _("Saved on this computer; it is sent when the portal can be reached"));
}

static void
outbox_items_changed_cb (WervingVacancyEditor *self)
{
  /* Discarded, or delivered: the outbox says which right after this. */
  if (self->queued_item != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->outbox)); i++)
        {
          g_autoptr(WervingOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);

          if (item == self->queued_item)
            return;
        }
      g_set_object (&self->left_item, self->queued_item);
      set_queued_item (self, NULL);
    }
}

/* What this form queued reached the portal: a new vacancy now has its id, so
 * the next save updates it instead of creating another. */
static void
outbox_delivered_cb (WervingOutbox        *outbox,
                     WervingOutboxItem    *item,
                     GObject              *result,
                     WervingVacancyEditor *self)
{
  g_autofree char *owned = NULL;
  g_autofree char *old_path = NULL;
  const char *dir;

  if ((item != self->queued_item && item != self->left_item) || !WERVING_IS_VACANCY (result))
    return;

  set_queued_item (self, NULL);
  g_clear_object (&self->left_item);
  dir = get_drafts_dir (self, &owned);
  werving_vacancy_save_forget_drafts (dir, item);
  old_path = g_strdup (self->draft_path);
  g_set_object (&self->vacancy, WERVING_VACANCY (result));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VACANCY]);

  if (self->generation == self->queued_generation)
    {
      g_clear_pointer (&self->draft_path, g_free);
      fill_form (self, WERVING_VACANCY (result));
      gtk_widget_set_visible (self->restore_box, FALSE);
    }
  else
    {
      /* Edited since: the draft moves to the vacancy's own file. */
      self->dirty = TRUE;
      write_draft (self);
      if (old_path != NULL && g_strcmp0 (old_path, self->draft_path) != 0)
        g_remove (old_path);
    }
  update_state (self);
  toast (self, _("Vacancy saved"));
}

void
werving_vacancy_editor_set_outbox (WervingVacancyEditor *self,
                                   WervingOutbox        *outbox)
{
  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  set_queued_item (self, NULL);
  g_clear_object (&self->left_item);
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    {
      g_signal_connect_object (outbox, "items-changed", G_CALLBACK (outbox_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (outbox, "delivered", G_CALLBACK (outbox_delivered_cb), self, 0);
      if (self->vacancy != NULL)
        set_queued_item (self, werving_vacancy_save_find_item (outbox, self->vacancy));
    }
}

WervingOutboxItem *
werving_vacancy_editor_get_queued_item (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return self->queued_item;
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(WervingVacancyEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  WervingClient *client = WERVING_CLIENT (source);

  if (self->saving_update)
    vacancy = werving_client_update_vacancy_finish (client, result, &error);
  else
    vacancy = werving_client_create_vacancy_finish (client, result, &error);

  if (vacancy == NULL && is_cancelled (error))
    return;
  if (vacancy == NULL && werving_vacancy_save_is_offline_error (error))
    {
      g_autoptr(WervingVacancy) form = werving_vacancy_editor_build_vacancy (self);

      set_busy (self, FALSE);
      if (self->outbox != NULL)
        queue_save (self, form);
      else
        set_message (self, _("Werving cannot reach the portal. Your changes are kept on this computer; save again when the portal is back."));
      return;
    }
  if (vacancy == NULL)
    {
      set_busy (self, FALSE);
      werving_vacancy_editor_show_error (self, error);
      return;
    }

  accept_vacancy (self, vacancy);

  if (self->publish_after_save)
    {
      werving_client_publish_vacancy_async (client, werving_vacancy_get_id (vacancy), self->cancellable,
                                            publish_cb, g_object_ref (self));
      return;
    }

  set_busy (self, FALSE);
  toast (self, _("Vacancy saved"));
  g_signal_emit (self, signals[SAVED], 0, vacancy);
}

/* A retry of the same new vacancy is answered from the portal's memory of
 * the key instead of creating a second one; a changed form is a new request. */
static char *
idempotency_key (WervingVacancyEditor *self,
                 WervingVacancy       *vacancy)
{
  g_autoptr(JsonNode) node = werving_vacancy_to_json (vacancy);
  g_autofree char *body = json_to_string (node, FALSE);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);

  return g_strdup_printf ("%s-%.16s", self->new_uuid, hash);
}

void
werving_vacancy_editor_save (WervingVacancyEditor *self,
                             gboolean              publish)
{
  g_autoptr(WervingVacancy) vacancy = NULL;

  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));

  if (self->busy)
    return;

  set_message (self, NULL);
  /* Take what is typed but not yet committed in the number fields. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->hours_min_spin));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->hours_max_spin));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->salary_min_spin));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->salary_max_spin));
  commit_skill (self);
  if (!werving_vacancy_editor_validate (self, publish))
    {
      set_message (self, _("Correct the marked fields first."));
      focus_first_error (self);
      return;
    }
  if (self->client == NULL || !werving_client_get_signed_in (self->client))
    {
      set_message (self, _("Sign in to save this vacancy. Your changes are kept on this computer."));
      write_draft (self);
      return;
    }

  /* Keep the draft current while the request is out. */
  write_draft (self);
  vacancy = werving_vacancy_editor_build_vacancy (self);

  if (publish && !is_reachable (self))
    {
      set_message (self, _("Publishing needs the portal, which cannot be reached right now. Your changes are kept on this computer."));
      return;
    }
  /* Known to be away, or an earlier save still waits: join the queue, in
   * order. The outbox tries at once, so a portal that is back gets it now. */
  if (self->outbox != NULL && !publish && (!is_reachable (self) || self->queued_item != NULL))
    {
      queue_save (self, vacancy);
      return;
    }
  self->publish_after_save = publish;
  self->saving_update = self->vacancy != NULL;
  self->saving_generation = self->generation;
  set_busy (self, TRUE);

  if (self->vacancy != NULL)
    {
      /* An unchanged draft needs no update before publishing. */
      if (publish && !self->dirty)
        {
          werving_client_publish_vacancy_async (self->client, werving_vacancy_get_id (self->vacancy),
                                                self->cancellable, publish_cb, g_object_ref (self));
          return;
        }
      werving_client_update_vacancy_async (self->client, vacancy, self->cancellable,
                                           save_cb, g_object_ref (self));
    }
  else
    {
      g_autofree char *key = idempotency_key (self, vacancy);

      werving_client_create_vacancy_async (self->client, vacancy, key, self->cancellable,
                                           save_cb, g_object_ref (self));
    }
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  werving_vacancy_editor_save (WERVING_VACANCY_EDITOR (widget), FALSE);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  werving_vacancy_editor_save (WERVING_VACANCY_EDITOR (widget), TRUE);
}

static void
discard (WervingVacancyEditor *self)
{
  remove_draft (self);
  fill_form (self, self->vacancy);
  gtk_widget_set_visible (self->restore_box, FALSE);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  discard (WERVING_VACANCY_EDITOR (widget));
}

static void
cancel_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    WervingVacancyEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  discard (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingVacancyEditor *self = WERVING_VACANCY_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!self->dirty)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard Changes?"),
                                   _("The changes you made to this vacancy have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The organisation decides whether publishing is possible (R6). */
static void
get_organisation_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WervingVacancyEditor) self = user_data;
  g_autoptr(WervingOrganisation) organisation = NULL;

  organisation = werving_client_get_organisation_finish (WERVING_CLIENT (source), result, NULL);
  if (organisation != NULL && self->organisation == NULL)
    werving_vacancy_editor_set_organisation (self, organisation);
}

static void
fetch_organisation (WervingVacancyEditor *self)
{
  g_cancellable_cancel (self->organisation_cancellable);
  g_clear_object (&self->organisation_cancellable);
  if (self->client == NULL || self->organisation != NULL || !werving_client_get_signed_in (self->client))
    return;

  self->organisation_cancellable = g_cancellable_new ();
  werving_client_get_organisation_async (self->client, self->organisation_cancellable,
                                         get_organisation_cb, g_object_ref (self));
}

/* Public API */

GtkWidget *
werving_vacancy_editor_new (void)
{
  return g_object_new (WERVING_TYPE_VACANCY_EDITOR, NULL);
}

void
werving_vacancy_editor_load (WervingVacancyEditor *self,
                             WervingVacancy       *vacancy)
{
  g_autofree char *owned = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  gboolean existing;

  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));
  g_return_if_fail (vacancy == NULL || WERVING_IS_VACANCY (vacancy));

  /* What was typed for the previous vacancy stays on disk. */
  write_draft (self);

  existing = vacancy != NULL && werving_vacancy_get_id (vacancy) > 0;
  if (existing)
    g_set_object (&self->vacancy, vacancy);
  else
    g_clear_object (&self->vacancy);
  g_free (self->new_uuid);
  self->new_uuid = g_uuid_string_random ();
  g_clear_pointer (&self->draft_path, g_free);
  gtk_widget_set_visible (self->restore_box, FALSE);

  fill_form (self, vacancy);
  self->dirty = vacancy != NULL && !existing;
  self->generation++;

  dir = get_drafts_dir (self, &owned);
  if (dir != NULL)
    {
      if (existing)
        path = werving_drafts_get_path (dir, werving_vacancy_get_id (vacancy), NULL);
      else if (vacancy == NULL)
        path = werving_drafts_find_newest_new (dir);
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        restore_draft (self, path);
    }

  if (self->dirty && self->draft_path == NULL)
    write_draft (self);
  set_queued_item (self, self->vacancy != NULL ? werving_vacancy_save_find_item (self->outbox, self->vacancy) : NULL);

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VACANCY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

WervingVacancy *
werving_vacancy_editor_get_vacancy (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return self->vacancy;
}

gboolean
werving_vacancy_editor_get_dirty (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), FALSE);

  return self->dirty;
}

gboolean
werving_vacancy_editor_get_busy (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), FALSE);

  return self->busy;
}

WervingClient *
werving_vacancy_editor_get_client (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return self->client;
}

void
werving_vacancy_editor_set_client (WervingVacancyEditor *self,
                                   WervingClient        *client)
{
  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (self->client == client)
    return;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_state, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify::reachable", G_CALLBACK (update_state),
                             self, G_CONNECT_SWAPPED);

  fetch_organisation (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

WervingOrganisation *
werving_vacancy_editor_get_organisation (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return self->organisation;
}

void
werving_vacancy_editor_set_organisation (WervingVacancyEditor *self,
                                         WervingOrganisation  *organisation)
{
  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));
  g_return_if_fail (organisation == NULL || WERVING_IS_ORGANISATION (organisation));

  if (!g_set_object (&self->organisation, organisation))
    return;

  if (organisation != NULL)
    {
      g_cancellable_cancel (self->organisation_cancellable);
      g_clear_object (&self->organisation_cancellable);
    }
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
werving_vacancy_editor_get_drafts_dir (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return self->drafts_dir;
}

void
werving_vacancy_editor_set_drafts_dir (WervingVacancyEditor *self,
                                       const char           *drafts_dir)
{
  g_return_if_fail (WERVING_IS_VACANCY_EDITOR (self));

  if (g_strcmp0 (self->drafts_dir, drafts_dir) == 0)
    return;
  g_free (self->drafts_dir);
  self->drafts_dir = g_strdup (drafts_dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFTS_DIR]);
}

const char *
werving_vacancy_editor_get_field_error (WervingVacancyEditor *self,
                                        const char           *field)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return g_hash_table_lookup (self->errors, field);
}

GtkWidget *
werving_vacancy_editor_get_field_row (WervingVacancyEditor *self,
                                      const char           *field)
{
  const Field *f = find_field (field);

  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);
  g_return_val_if_fail (f != NULL, NULL);

  return MEMBER (self, f->row);
}

GtkWidget *
werving_vacancy_editor_get_field_message (WervingVacancyEditor *self,
                                          const char           *field)
{
  const Field *f = find_field (field);

  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);
  g_return_val_if_fail (f != NULL, NULL);

  return MEMBER (self, f->message);
}

GtkWidget *
werving_vacancy_editor_get_field_widget (WervingVacancyEditor *self,
                                         const char           *field)
{
  const Field *f = find_field (field);

  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);
  g_return_val_if_fail (f != NULL, NULL);

  return MEMBER (self, f->input);
}

const char *
werving_vacancy_editor_get_message (WervingVacancyEditor *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_EDITOR (self), NULL);

  return self->message;
}

/* A modal window around the editor */

static void
window_saved_cb (WervingVacancyEditor *self,
                 WervingVacancy       *vacancy,
                 GtkWindow            *window)
{
  gtk_window_destroy (window);
}

static void
window_closed_cb (WervingVacancyEditor *self,
                  GtkWindow            *window)
{
  gtk_window_destroy (window);
}

WervingVacancyEditor *
werving_vacancy_editor_open (GtkWindow           *parent,
                             WervingClient       *client,
                             WervingOrganisation *organisation,
                             WervingVacancy      *vacancy)
{
  WervingVacancyEditor *self;
  GtkWidget *window;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);

  window = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 760);
  gtk_window_set_title (GTK_WINDOW (window),
                        vacancy != NULL && werving_vacancy_get_id (vacancy) > 0 ? _("Edit Vacancy") : _("New Vacancy"));

  self = WERVING_VACANCY_EDITOR (werving_vacancy_editor_new ());
  werving_vacancy_editor_set_client (self, client);
  werving_vacancy_editor_set_organisation (self, organisation);
  if (WERVING_IS_WINDOW (parent))
    werving_vacancy_editor_set_outbox (self, werving_window_get_outbox (WERVING_WINDOW (parent)));
  werving_vacancy_editor_load (self, vacancy);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (self));

  g_signal_connect_object (self, "saved", G_CALLBACK (window_saved_cb), window, G_CONNECT_AFTER);
  g_signal_connect_object (self, "closed", G_CALLBACK (window_closed_cb), window, G_CONNECT_AFTER);

  gtk_window_present (GTK_WINDOW (window));
  return self;
}

/* GObject */

static void
werving_vacancy_editor_dispose (GObject *object)
{
  WervingVacancyEditor *self = WERVING_VACANCY_EDITOR (object);
  GtkWidget *child;

  /* Nothing typed is lost when the window goes away mid-pause. */
  if (self->autosave_id != 0)
    write_draft (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->organisation_cancellable);
  g_clear_object (&self->organisation_cancellable);

  werving_vacancy_editor_set_outbox (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_VACANCY_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_state, self);
  g_clear_object (&self->client);
  g_clear_object (&self->organisation);
  g_clear_object (&self->vacancy);

  G_OBJECT_CLASS (werving_vacancy_editor_parent_class)->dispose (object);
}

static void
werving_vacancy_editor_finalize (GObject *object)
{
  WervingVacancyEditor *self = WERVING_VACANCY_EDITOR (object);

  g_free (self->drafts_dir);
  g_free (self->new_uuid);
  g_free (self->draft_path);
  g_free (self->message);
  g_ptr_array_unref (self->skills);
  g_hash_table_unref (self->errors);

  G_OBJECT_CLASS (werving_vacancy_editor_parent_class)->finalize (object);
}

static void
werving_vacancy_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WervingVacancyEditor *self = WERVING_VACANCY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_DRAFTS_DIR:
      g_value_set_string (value, self->drafts_dir);
      break;
    case PROP_VACANCY:
      g_value_set_object (value, self->vacancy);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_vacancy_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WervingVacancyEditor *self = WERVING_VACANCY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_vacancy_editor_set_client (self, g_value_get_object (value));
      break;
    case PROP_ORGANISATION:
      werving_vacancy_editor_set_organisation (self, g_value_get_object (value));
      break;
    case PROP_DRAFTS_DIR:
      werving_vacancy_editor_set_drafts_dir (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_vacancy_editor_class_init (WervingVacancyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_vacancy_editor_dispose;
  object_class->finalize = werving_vacancy_editor_finalize;
  object_class->get_property = werving_vacancy_editor_get_property;
  object_class->set_property = werving_vacancy_editor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, WERVING_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFTS_DIR] =
    g_param_spec_string ("drafts-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VACANCY] =
    g_param_spec_object ("vacancy", NULL, NULL, WERVING_TYPE_VACANCY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WervingVacancyEditor::saved:
   * @vacancy: the vacancy as the portal now has it
   *
   * After a successful save, or a save and publish.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);
  /**
   * WervingVacancyEditor::toast:
   * @message: a translated sentence to show briefly
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * WervingVacancyEditor::closed:
   *
   * The user is done with the editor without saving (Cancel).
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-vacancy-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child_full (widget_class, #name, FALSE, W (name))
  BIND (window_title);
  BIND (outbox_status);
  BIND (spinner);
  BIND (publish_button);
  BIND (restore_box);
  BIND (restore_label);
  BIND (unverified_label);
  BIND (error_label);
  BIND (title_row);
  BIND (description_frame);
  BIND (description_view);
  BIND (occupation_row);
  BIND (skill_row);
  BIND (skills_row);
  BIND (skills_box);
  BIND (place_row);
  BIND (postcode_row);
  BIND (hours_min_row);
  BIND (hours_max_row);
  BIND (hours_min_spin);
  BIND (hours_max_spin);
  BIND (contract_type_row);
  BIND (education_level_row);
  BIND (salary_min_row);
  BIND (salary_max_row);
  BIND (salary_min_spin);
  BIND (salary_max_spin);
  BIND (salary_period_row);
  BIND (start_date_row);
  BIND (closing_date_row);
  BIND (description_error);
  BIND (title_error_row);
  BIND (title_error);
  BIND (occupation_error_row);
  BIND (occupation_error);
  BIND (skills_error_row);
  BIND (skills_error);
  BIND (place_error_row);
  BIND (place_error);
  BIND (postcode_error_row);
  BIND (postcode_error);
  BIND (hours_min_error_row);
  BIND (hours_min_error);
  BIND (hours_max_error_row);
  BIND (hours_max_error);
  BIND (contract_type_error_row);
  BIND (contract_type_error);
  BIND (education_level_error_row);
  BIND (education_level_error);
  BIND (salary_min_error_row);
  BIND (salary_min_error);
  BIND (salary_max_error_row);
  BIND (salary_max_error);
  BIND (salary_period_error_row);
  BIND (salary_period_error);
  BIND (start_date_error_row);
  BIND (start_date_error);
  BIND (closing_date_error_row);
  BIND (closing_date_error);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
watch (WervingVacancyEditor *self,
       gpointer              object,
       const char           *field,
       const char           *signal)
{
  g_object_set_data (G_OBJECT (object), "werving-field", (gpointer) field);
  if (g_str_has_prefix (signal, "notify::"))
    g_signal_connect (object, signal, G_CALLBACK (field_notify_cb), self);
  else
    g_signal_connect (object, signal, G_CALLBACK (field_changed_cb), self);
}

static void
werving_vacancy_editor_init (WervingVacancyEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) occupation_labels = NULL;
  const WervingOccupationItem *occupations;
  WervingCompletion *completion;
  guint n_occupations;
  GtkWidget *spins[4];

  g_type_ensure (WERVING_TYPE_DATE_ROW);
  g_type_ensure (WERVING_TYPE_OUTBOX_STATUS);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->skills = g_ptr_array_new_with_free_func (g_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->cancellable = g_cancellable_new ();
  self->new_uuid = g_uuid_string_random ();

  /* The entry rows' text is what a screen reader focuses: name it. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *input = MEMBER (self, fields[i].input);

      if (ADW_IS_ENTRY_ROW (input))
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (input))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (input)),
                                        -1);
    }

  occupations = werving_occupation_list_get_all (&n_occupations);
  for (guint i = 0; i < n_occupations; i++)
    g_strv_builder_add (builder, werving_occupation_item_get_display_label (&occupations[i]));
  occupation_labels = g_strv_builder_end (builder);
  werving_completion_new (self->occupation_row, (const char * const *) occupation_labels);
  completion = werving_completion_new (self->skill_row, werving_occupation_list_get_skills ());
  g_signal_connect (completion, "selected", G_CALLBACK (skill_selected_cb), self);
  g_signal_connect (self->skill_row, "apply", G_CALLBACK (skill_apply_cb), self);
  g_signal_connect (self->skill_row, "entry-activated", G_CALLBACK (skill_apply_cb), self);

  spins[0] = self->hours_min_spin;
  spins[1] = self->hours_max_spin;
  spins[2] = self->salary_min_spin;
  spins[3] = self->salary_max_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      g_signal_connect (spins[i], "output", G_CALLBACK (spin_output_cb), NULL);
      g_signal_connect (spins[i], "input", G_CALLBACK (spin_input_cb), NULL);
    }
  g_signal_connect_swapped (self->salary_period_row, "notify::selected",
                            G_CALLBACK (salary_period_changed_cb), self);

  watch (self, self->title_row, "title", "changed");
  watch (self, gtk_text_view_get_buffer (self->description_view), "description", "changed");
  watch (self, self->occupation_row, "occupation", "changed");
  watch (self, self->skill_row, "skills", "changed");
  watch (self, self->place_row, "place", "changed");
  watch (self, self->postcode_row, "postcode", "changed");
  watch (self, self->hours_min_spin, "hours_min", "value-changed");
  watch (self, self->hours_max_spin, "hours_max", "value-changed");
  watch (self, self->contract_type_row, "contract_type", "notify::selected");
  watch (self, self->education_level_row, "education_level", "notify::selected");
  watch (self, self->salary_min_spin, "salary.min", "value-changed");
  watch (self, self->salary_max_spin, "salary.max", "value-changed");
  watch (self, self->salary_period_row, "salary.period", "notify::selected");
  watch (self, self->start_date_row, "start_date", "notify::date");
  watch (self, self->closing_date_row, "closing_date", "notify::date");

  fill_form (self, NULL);
  salary_period_changed_cb (self);
  update_state (self);
}
