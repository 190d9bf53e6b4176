/* test-vacancy-editor.c: the vacancy editor and the vacancy actions
 *
 * Validation messages land on the row of their field; the form builds the
 * vacancy it shows; the actions are enabled as the status and the
 * organisation's verification allow; a real portal's field errors land on
 * the right rows; the draft file is 0600 and brings the text back.
 * Runs under tools/test-env.sh (Xvfb); the portal tests need WERVING_PORTAL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "werving-date-row.h"
#include "werving-drafts.h"
#include "werving-vacancy-actions.h"
#include "werving-vacancy-editor.h"

#define WAIT_SECONDS 30

/* Portal */

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *url;
} Portal;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
portal_start (Portal *portal)
{
  const char *binary = g_getenv ("WERVING_PORTAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  if (binary == NULL)
    {
      g_test_skip ("WERVING_PORTAL is not set");
      return FALSE;
    }

  portal->dir = g_dir_make_tmp ("werving-editor-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (portal->dir, "p.db", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* A failed assertion aborts the test: the portal must not outlive it. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawn (launcher, &error,
                                                 binary, "--demo", "--port", "0", "--db", db, "--cvs", "10", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  portal->url = g_strdup (line + strlen ("listening on "));
  return TRUE;
}

static void
portal_stop (Portal *portal)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (portal->process == NULL)
    return;
  g_subprocess_force_exit (portal->process);
  g_subprocess_wait (portal->process, NULL, NULL);
  g_clear_object (&portal->process);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (portal->dir, "/p.db", suffixes[i], NULL);
      g_unlink (path);
    }
  g_rmdir (portal->dir);
  g_clear_pointer (&portal->dir, g_free);
  g_clear_pointer (&portal->url, g_free);
}

/* Main loop helpers */

typedef gboolean (*Predicate) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for (Predicate predicate,
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
editor_idle (gpointer data)
{
  return !werving_vacancy_editor_get_busy (WERVING_VACANCY_EDITOR (data));
}

static gboolean
actions_idle (gpointer data)
{
  return !werving_vacancy_actions_get_busy (WERVING_VACANCY_ACTIONS (data));
}

static gboolean
actions_know_organisation (gpointer data)
{
  return werving_vacancy_actions_get_organisation (WERVING_VACANCY_ACTIONS (data)) != NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return werving_vacancy_actions_get_dialog (WERVING_VACANCY_ACTIONS (data)) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static WervingClient *
sign_in (Portal     *portal,
         const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(WervingClient) client = werving_client_new (portal->url, &error);

  g_assert_no_error (error);
  werving_client_sign_in_async (client, email, "werving-demo-1", NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  session = werving_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

/* Form helpers */

typedef struct
{
  GtkWidget            *window;
  WervingVacancyEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 800);
  fixture->editor = WERVING_VACANCY_EDITOR (werving_vacancy_editor_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  return werving_vacancy_editor_get_field_widget (fixture->editor, name);
}

static void
set_text (Fixture    *fixture,
          const char *name,
          const char *text)
{
  GtkWidget *widget = field (fixture, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
set_number (Fixture    *fixture,
            const char *name,
            double      value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (fixture, name)), value);
}

static void
set_choice (Fixture    *fixture,
            const char *name,
            guint       index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, name)), index);
}

static void
set_date (Fixture    *fixture,
          const char *name,
          int         days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  werving_date_row_set_date (WERVING_DATE_ROW (field (fixture, name)), iso);
}

static void
add_skill (Fixture    *fixture,
           const char *skill)
{
  set_text (fixture, "skills", skill);
  g_signal_emit_by_name (field (fixture, "skills"), "apply");
}

/* A vacancy that passes every rule, publish included. */
static void
fill_valid (Fixture *fixture)
{
  set_text (fixture, "title", "Verpleegkundige nachtdienst");
  set_text (fixture, "description", "Zorg voor bewoners in de nacht.");
  set_text (fixture, "place", "Utrecht");
  set_choice (fixture, "contract_type", 1);
  set_date (fixture, "closing_date", 30);
}

/* The field's row is styled "error" and its message, right under it, says
 * @message; NULL: the row is clean and no message shows. */
static void
assert_field (Fixture    *fixture,
              const char *name,
              const char *message)
{
  GtkWidget *row = werving_vacancy_editor_get_field_row (fixture->editor, name);
  GtkWidget *message_widget = werving_vacancy_editor_get_field_message (fixture->editor, name);
  GtkWidget *label = GTK_IS_LABEL (message_widget) ? message_widget
                                                    : gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_widget));

  if (message == NULL)
    {
      if (gtk_widget_has_css_class (row, "error") || gtk_widget_get_visible (message_widget))
        g_error ("field %s unexpectedly in error: %s", name, gtk_label_get_text (GTK_LABEL (label)));
      g_assert_null (werving_vacancy_editor_get_field_error (fixture->editor, name));
      return;
    }

  if (!gtk_widget_has_css_class (row, "error"))
    g_error ("field %s: row not marked as error (expected \"%s\")", name, message);
  g_assert_true (gtk_widget_get_visible (message_widget));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, message);
  g_assert_cmpstr (werving_vacancy_editor_get_field_error (fixture->editor, name), ==, message);
  /* "Under that row": the message is the next visible sibling of the row. */
  {
    GtkWidget *next = gtk_widget_get_next_sibling (row);

    while (next != NULL && !gtk_widget_get_visible (next))
      next = gtk_widget_get_next_sibling (next);
    g_assert_true (next == message_widget);
  }
}

static const char * const all_fields[] = {
  "title", "description", "occupation", "skills", "place", "postcode", "hours_min", "hours_max",
  "contract_type", "education_level", "salary.min", "salary.max", "salary.period", "start_date",
  "closing_date",
};

static void
assert_only_fields (Fixture            *fixture,
                    const char * const *names)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_fields); i++)
    if (names == NULL || !g_strv_contains (names, all_fields[i]))
      assert_field (fixture, all_fields[i], NULL);
}

/* Tests */

static void
test_validation_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const in_error[] = {
    "title", "description", "occupation", "place", "postcode", "hours_max", "contract_type",
    "salary.max", "closing_date", NULL
  };

  set_text (fixture, "title", "ab");
  set_text (fixture, "occupation", "Astronaut op Mars");
  set_text (fixture, "postcode", "0123 AB");
  set_number (fixture, "hours_min", 30);
  set_number (fixture, "hours_max", 20);
  set_number (fixture, "salary.min", 5000);
  set_number (fixture, "salary.max", 3000);
  set_date (fixture, "closing_date", -1);

  g_assert_false (werving_vacancy_editor_validate (fixture->editor, TRUE));
  assert_field (fixture, "title", _("A title needs at least 3 characters."));
  assert_field (fixture, "description", _("Describe the job before you publish it."));
  assert_field (fixture, "occupation", _("Choose an occupation from the suggestions."));
  assert_field (fixture, "place", _("Enter the place of work before you publish."));
  assert_field (fixture, "postcode", _("Enter a Dutch postcode, such as 1234 AB."));
  assert_field (fixture, "hours_max", _("The maximum hours must not be fewer than the minimum."));
  assert_field (fixture, "contract_type", _("Choose the kind of contract before you publish."));
  assert_field (fixture, "salary.max", _("The maximum salary must not be lower than the minimum."));
  assert_field (fixture, "closing_date", _("The closing date must not be in the past."));
  assert_only_fields (fixture, in_error);

  /* A draft may lack what publishing needs, and close in the past. */
  g_assert_false (werving_vacancy_editor_validate (fixture->editor, FALSE));
  assert_field (fixture, "description", NULL);
  assert_field (fixture, "place", NULL);
  assert_field (fixture, "contract_type", NULL);
  assert_field (fixture, "closing_date", NULL);
  assert_field (fixture, "title", _("A title needs at least 3 characters."));

  /* Editing a field takes its message away. */
  set_text (fixture, "title", "Lasser");
  assert_field (fixture, "title", NULL);
  assert_field (fixture, "postcode", _("Enter a Dutch postcode, such as 1234 AB."));

  /* More rules: hours above 40, one salary bound only, a missing title. */
  set_text (fixture, "title", "");
  set_number (fixture, "hours_min", 0);
  set_number (fixture, "hours_max", 45);
  set_number (fixture, "salary.min", 0);
  g_assert_false (werving_vacancy_editor_validate (fixture->editor, FALSE));
  assert_field (fixture, "title", _("Give the vacancy a title."));
  assert_field (fixture, "hours_max", _("A vacancy can ask for at most 40 hours a week."));
  assert_field (fixture, "hours_min", NULL);
  assert_field (fixture, "salary.min", _("Enter a minimum salary as well, or neither."));

  /* Everything corrected: no message anywhere. */
  fill_valid (fixture);
  set_text (fixture, "occupation", "Welder");
  set_text (fixture, "postcode", "3511 AB");
  set_number (fixture, "hours_min", 32);
  set_number (fixture, "hours_max", 40);
  set_number (fixture, "salary.min", 2800);
  g_assert_true (werving_vacancy_editor_validate (fixture->editor, TRUE));
  assert_only_fields (fixture, NULL);
}

static void
test_builds_vacancy (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(WervingVacancy) again = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) json_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *start = NULL;
  g_autofree char *closing = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start_day = g_date_time_add_days (now, 14);
  g_autoptr(GDateTime) closing_day = g_date_time_add_days (now, 30);
  const char * const expected_skills[] = { "Python", "SQL", NULL };
  Fixture second;

  set_text (fixture, "title", "  Softwareontwikkelaar backend  ");
  set_text (fixture, "description", "Je bouwt aan onze API.\nTwee regels.");
  /* The English label of ISCO 2512; the API gets the Dutch one. */
  set_text (fixture, "occupation", "software developer");
  add_skill (fixture, "Python");
  add_skill (fixture, "SQL");
  add_skill (fixture, "python");      /* the same skill again */
  set_text (fixture, "place", "Utrecht");
  set_text (fixture, "postcode", "3511ab");
  set_number (fixture, "hours_min", 24);
  set_number (fixture, "hours_max", 32);
  set_choice (fixture, "contract_type", 2);
  set_choice (fixture, "education_level", 5);
  set_number (fixture, "salary.min", 3000);
  set_number (fixture, "salary.max", 4200);
  set_choice (fixture, "salary.period", 1);
  set_date (fixture, "start_date", 14);
  set_date (fixture, "closing_date", 30);
  start = g_date_time_format (start_day, "%Y-%m-%d");
  closing = g_date_time_format (closing_day, "%Y-%m-%d");

  g_assert_true (werving_vacancy_editor_validate (fixture->editor, TRUE));
  vacancy = werving_vacancy_editor_build_vacancy (fixture->editor);
  g_assert_cmpstr (werving_vacancy_get_title (vacancy), ==, "Softwareontwikkelaar backend");
  g_assert_cmpstr (werving_vacancy_get_description (vacancy), ==, "Je bouwt aan onze API.\nTwee regels.");
  g_assert_cmpstr (werving_vacancy_get_occupation_code (vacancy), ==, "2512");
  g_assert_cmpstr (werving_vacancy_get_occupation_label (vacancy), ==, "Softwareontwikkelaar");
  g_assert_true (g_strv_equal ((const char * const *) werving_vacancy_get_skills (vacancy), expected_skills));
  g_assert_cmpstr (werving_vacancy_get_place (vacancy), ==, "Utrecht");
  g_assert_cmpstr (werving_vacancy_get_postcode (vacancy), ==, "3511AB");
  g_assert_cmpint (werving_vacancy_get_hours_min (vacancy), ==, 24);
  g_assert_cmpint (werving_vacancy_get_hours_max (vacancy), ==, 32);
  g_assert_cmpstr (werving_vacancy_get_contract_type (vacancy), ==, "temporary");
  g_assert_cmpstr (werving_vacancy_get_education_level (vacancy), ==, "mbo-4");
  g_assert_cmpfloat (werving_vacancy_get_salary_min (vacancy), ==, 3000);
  g_assert_cmpfloat (werving_vacancy_get_salary_max (vacancy), ==, 4200);
  g_assert_cmpstr (werving_vacancy_get_salary_period (vacancy), ==, "month");
  g_assert_cmpstr (werving_vacancy_get_start_date (vacancy), ==, start);
  g_assert_cmpstr (werving_vacancy_get_closing_date (vacancy), ==, closing);
  g_assert_cmpstr (werving_vacancy_get_status (vacancy), ==, "draft");
  g_assert_cmpint (werving_vacancy_get_id (vacancy), <=, 0);

  /* An empty form: nothing optional is sent as a value. */
  fixture_set_up (&second, NULL);
  {
    g_autoptr(WervingVacancy) empty = werving_vacancy_editor_build_vacancy (second.editor);

    g_assert_null (werving_vacancy_get_occupation_code (empty));
    g_assert_null (werving_vacancy_get_place (empty));
    g_assert_null (werving_vacancy_get_postcode (empty));
    g_assert_cmpint (werving_vacancy_get_hours_min (empty), ==, -1);
    g_assert_null (werving_vacancy_get_contract_type (empty));
    g_assert_null (werving_vacancy_get_education_level (empty));
    g_assert_cmpfloat (werving_vacancy_get_salary_min (empty), <, 0);
    g_assert_null (werving_vacancy_get_salary_period (empty));
    g_assert_null (werving_vacancy_get_closing_date (empty));
  }

  /* Loading the vacancy into a form shows it back, field for field. */
  werving_vacancy_editor_load (second.editor, vacancy);
  again = werving_vacancy_editor_build_vacancy (second.editor);
  json = werving_vacancy_to_json (vacancy);
  json_again = werving_vacancy_to_json (again);
  text = json_to_string (json, FALSE);
  text_again = json_to_string (json_again, FALSE);
  g_assert_cmpstr (text_again, ==, text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (werving_vacancy_editor_get_field_widget (second.editor, "occupation"))),
                   ==, "Software developer");
  fixture_tear_down (&second, NULL);
}

static WervingVacancy *
vacancy_with_status (const char *status)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":7,\"title\":\"Lasser\",\"description\":\"\",\"status\":\"%s\"}", status);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return werving_vacancy_new_from_json (node, NULL);
}

static WervingOrganisation *
organisation_with (const char *verification)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":1,\"kvk\":\"12345678\",\"name\":\"Bouwbedrijf\",\"kind\":\"employer\","
                                           "\"contact_name\":\"A\",\"email\":\"a@b.nl\",\"phone\":\"0301234567\","
                                           "\"verification\":\"%s\",\"created_at\":\"2026-01-01T00:00:00Z\"}",
                                           verification);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  WervingOrganisation *organisation = werving_organisation_new_from_json (node, NULL);

  g_assert_nonnull (organisation);
  return organisation;
}

static char *
enabled_actions (WervingVacancyActions *actions)
{
  const char *names[] = { "publish", "close", "renew", "duplicate", "delete", "edit", "matches" };
  g_autoptr(GString) enabled = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), names[i]))
      g_string_append_printf (enabled, "%s%s", enabled->len ? " " : "", names[i]);
  return g_string_free (g_steal_pointer (&enabled), FALSE);
}

static void
test_actions_enabled (void)
{
  g_autoptr(WervingVacancyActions) actions = werving_vacancy_actions_new (NULL);
  g_autoptr(WervingClient) client = werving_client_new ("http://127.0.0.1:9/", NULL);
  g_autoptr(WervingOrganisation) verified = organisation_with ("verified");
  g_autoptr(WervingOrganisation) pending = organisation_with ("pending");
  struct {
    const char *status;
    const char *verified;
    const char *pending;
  } cases[] = {
    { "draft", "publish duplicate delete edit", "duplicate delete edit" },
    { "active", "close duplicate edit matches", "close duplicate edit matches" },
    { "closed", "renew duplicate edit", "duplicate edit" },
    { "expired", "renew duplicate edit", "duplicate edit" },
  };
  g_autofree char *none = enabled_actions (actions);

  g_assert_cmpstr (none, ==, "");
  werving_vacancy_actions_set_client (actions, client);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WervingVacancy) vacancy = vacancy_with_status (cases[i].status);
      g_autofree char *with_verified = NULL;
      g_autofree char *with_pending = NULL;

      werving_vacancy_actions_set_vacancy (actions, vacancy);
      werving_vacancy_actions_set_organisation (actions, verified);
      with_verified = enabled_actions (actions);
      g_assert_null (werving_vacancy_actions_get_explanation (actions));
      werving_vacancy_actions_set_organisation (actions, pending);
      with_pending = enabled_actions (actions);
      g_assert_nonnull (werving_vacancy_actions_get_explanation (actions));
      werving_vacancy_actions_set_organisation (actions, NULL);

      g_test_message ("%s: verified [%s], pending [%s]", cases[i].status, with_verified, with_pending);
      g_assert_cmpstr (with_verified, ==, cases[i].verified);
      g_assert_cmpstr (with_pending, ==, cases[i].pending);
    }

  werving_vacancy_actions_set_vacancy (actions, NULL);
  g_free (none);
  none = enabled_actions (actions);
  g_assert_cmpstr (none, ==, "");
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_action_button (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_organisation (gpointer data)
{
  return werving_vacancy_editor_get_organisation (WERVING_VACANCY_EDITOR (data)) != NULL;
}

/* R6: an unverified organisation can save a draft but not publish it. */
static void
test_unverified_cannot_publish (Fixture       *fixture,
                                gconstpointer  data)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingVacancyActions) actions = NULL;
  g_autoptr(WervingVacancy) draft = vacancy_with_status ("draft");
  GtkWidget *publish;

  if (!portal_start (&portal))
    return;
  client = sign_in (&portal, "pending@werving.test");

  werving_vacancy_editor_set_client (fixture->editor, client);
  werving_vacancy_editor_load (fixture->editor, NULL);
  g_assert_true (wait_for (has_organisation, fixture->editor));
  publish = find_action_button (GTK_WIDGET (fixture->editor), "editor.publish");
  g_assert_nonnull (publish);
  g_assert_true (gtk_widget_get_visible (publish));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_nonnull (gtk_widget_get_tooltip_text (publish));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->editor), "editor.save")));

  /* The actions fetch the organisation themselves. */
  actions = werving_vacancy_actions_new (GTK_WINDOW (fixture->window));
  werving_vacancy_actions_set_client (actions, client);
  werving_vacancy_actions_set_vacancy (actions, draft);
  g_assert_true (wait_for (actions_know_organisation, actions));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "publish"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "delete"));
  g_assert_nonnull (werving_vacancy_actions_get_explanation (actions));

  g_clear_object (&actions);
  portal_stop (&portal);
}

typedef struct
{
  WervingVacancy *saved;
  WervingVacancy *changed;
  gint64          deleted;
  char           *toast;
} Events;

static void
saved_cb (GObject        *source,
          WervingVacancy *vacancy,
          Events         *events)
{
  g_set_object (&events->saved, vacancy);
}

static void
changed_cb (GObject        *source,
            WervingVacancy *vacancy,
            Events         *events)
{
  g_set_object (&events->changed, vacancy);
}

static void
deleted_cb (GObject *source,
            gint64   id,
            Events  *events)
{
  events->deleted = id;
}

static void
toast_cb (GObject    *source,
          const char *message,
          Events     *events)
{
  g_free (events->toast);
  events->toast = g_strdup (message);
}

static void
events_clear (Events *events)
{
  g_clear_object (&events->saved);
  g_clear_object (&events->changed);
  g_clear_pointer (&events->toast, g_free);
  events->deleted = 0;
}

static gboolean
events_saved (gpointer data)
{
  return ((Events *) data)->saved != NULL;
}

static gboolean
events_changed (gpointer data)
{
  return ((Events *) data)->changed != NULL;
}

static gboolean
events_deleted (gpointer data)
{
  return ((Events *) data)->deleted != 0;
}

static void
respond (WervingVacancyActions *actions,
         const char            *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (wait_for (has_dialog, actions));
  dialog = werving_vacancy_actions_get_dialog (actions);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_portal_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  Portal portal = { 0 };
  Events events = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingVacancy) bad = werving_vacancy_new ();
  g_autoptr(WervingVacancyActions) actions = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) created = NULL;
  g_autofree char *long_place = g_strnfill (101, 'x');
  g_autofree char *long_skill = g_strnfill (61, 's');
  g_autofree char *draft_path = NULL;
  g_autofree char *drafts_dir = NULL;
  const char * const bad_skills[] = { long_skill, NULL };
  const char * const portal_fields[] = {
    "title", "occupation", "skills", "postcode", "hours_max", "salary.max", NULL
  };
  gint64 draft_id;

  if (!portal_start (&portal))
    return;
  client = sign_in (&portal, "demo@werving.test");
  werving_vacancy_editor_set_client (fixture->editor, client);
  werving_vacancy_editor_load (fixture->editor, NULL);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), &events);
  g_signal_connect (fixture->editor, "toast", G_CALLBACK (toast_cb), &events);
  g_assert_true (wait_for (has_organisation, fixture->editor));

  /* 1. A rule only the portal checks (place at most 100 characters): the
   * editor sends, the 422 lands on the place row. */
  fill_valid (fixture);
  set_text (fixture, "place", long_place);
  werving_vacancy_editor_save (fixture->editor, FALSE);
  g_assert_true (werving_vacancy_editor_get_busy (fixture->editor));
  g_assert_true (wait_for (editor_idle, fixture->editor));
  g_assert_null (events.saved);
  assert_field (fixture, "place", _("This is too long or too high."));
  {
    const char * const only_place[] = { "place", NULL };
    assert_only_fields (fixture, only_place);
  }
  g_assert_nonnull (werving_vacancy_editor_get_message (fixture->editor));

  /* 2. The portal's field errors for many fields at once, from a request
   * the editor would not send, each on its own row. */
  werving_vacancy_set_title (bad, "ab");
  werving_vacancy_set_occupation_code (bad, "12");
  werving_vacancy_set_occupation_label (bad, "Iets");
  werving_vacancy_set_skills (bad, bad_skills);
  werving_vacancy_set_postcode (bad, "12AB");
  werving_vacancy_set_hours_min (bad, 30);
  werving_vacancy_set_hours_max (bad, 20);
  werving_vacancy_set_salary_min (bad, 5000);
  werving_vacancy_set_salary_max (bad, 3000);
  werving_vacancy_set_salary_period (bad, "month");
  werving_client_create_vacancy_async (client, bad, NULL, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  created = werving_client_create_vacancy_finish (client, result, &error);
  g_assert_null (created);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_VALIDATION);
  werving_vacancy_editor_show_error (fixture->editor, error);
  assert_field (fixture, "title", _("A title needs at least 3 characters."));
  assert_field (fixture, "occupation", _("Choose an occupation from the suggestions."));
  assert_field (fixture, "skills", _("This is too long or too high."));
  assert_field (fixture, "postcode", _("Enter a Dutch postcode, such as 1234 AB."));
  assert_field (fixture, "hours_max", _("The maximum hours must not be fewer than the minimum."));
  assert_field (fixture, "salary.max", _("The maximum salary must not be lower than the minimum."));
  assert_only_fields (fixture, portal_fields);
  g_clear_error (&error);

  /* 3. A valid draft is created; its draft file, there before, is gone. */
  fill_valid (fixture);
  set_text (fixture, "place", "Utrecht");
  set_text (fixture, "occupation", "Nurse");
  add_skill (fixture, "Wondzorg");
  set_number (fixture, "hours_min", 24);
  set_number (fixture, "hours_max", 36);
  werving_vacancy_editor_flush_draft (fixture->editor);
  draft_path = werving_vacancy_editor_get_draft_path (fixture->editor);
  drafts_dir = werving_drafts_get_dir (werving_client_get_base_url (client), "demo@werving.test");
  g_assert_true (g_str_has_prefix (draft_path, drafts_dir));
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));
  werving_vacancy_editor_save (fixture->editor, FALSE);
  g_assert_true (wait_for (events_saved, &events));
  g_assert_cmpstr (werving_vacancy_get_status (events.saved), ==, "draft");
  g_assert_cmpint (werving_vacancy_get_id (events.saved), >, 0);
  g_assert_cmpstr (werving_vacancy_get_occupation_code (events.saved), ==, "2221");
  g_assert_cmpint (werving_vacancy_get_hours_max (events.saved), ==, 36);
  g_assert_cmpstr (events.toast, ==, _("Vacancy saved"));
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_assert_false (werving_vacancy_editor_get_dirty (fixture->editor));
  draft_id = werving_vacancy_get_id (events.saved);

  /* 4. Editing it again PATCHes the same vacancy. */
  events_clear (&events);
  set_text (fixture, "title", "Verpleegkundige avonddienst");
  werving_vacancy_editor_save (fixture->editor, FALSE);
  g_assert_true (wait_for (events_saved, &events));
  g_assert_cmpint (werving_vacancy_get_id (events.saved), ==, draft_id);
  g_assert_cmpstr (werving_vacancy_get_title (events.saved), ==, "Verpleegkundige avonddienst");

  /* 5. Save and publish: active. */
  events_clear (&events);
  set_text (fixture, "postcode", "3511 AB");
  werving_vacancy_editor_save (fixture->editor, TRUE);
  g_assert_true (wait_for (events_saved, &events));
  g_assert_cmpstr (werving_vacancy_get_status (events.saved), ==, "active");
  g_assert_cmpstr (events.toast, ==, _("Vacancy published"));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (fixture->editor), "editor.publish")));

  /* 6. The actions close it after confirmation, and renew it. */
  actions = werving_vacancy_actions_new (GTK_WINDOW (fixture->window));
  g_signal_connect (actions, "vacancy-changed", G_CALLBACK (changed_cb), &events);
  g_signal_connect (actions, "vacancy-deleted", G_CALLBACK (deleted_cb), &events);
  g_signal_connect (actions, "toast", G_CALLBACK (toast_cb), &events);
  werving_vacancy_actions_set_client (actions, client);
  werving_vacancy_actions_set_vacancy (actions, events.saved);
  g_assert_true (wait_for (actions_know_organisation, actions));

  g_action_group_activate_action (G_ACTION_GROUP (actions), "close", NULL);
  g_assert_true (werving_vacancy_actions_get_dialog (actions) != NULL);
  respond (actions, "close");
  g_assert_true (wait_for (events_changed, &events));
  g_assert_cmpstr (werving_vacancy_get_status (events.changed), ==, "closed");
  g_assert_cmpstr (events.toast, ==, _("Vacancy closed"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "renew"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "close"));

  g_clear_object (&events.changed);
  g_action_group_activate_action (G_ACTION_GROUP (actions), "renew", NULL);
  respond (actions, "renew");
  g_assert_true (wait_for (events_changed, &events));
  g_assert_cmpstr (werving_vacancy_get_status (events.changed), ==, "active");
  {
    /* The dialog proposes 30 days from today. */
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) proposed = g_date_time_add_days (now, 30);
    g_autofree char *expected = g_date_time_format (proposed, "%Y-%m-%d");

    g_assert_cmpstr (werving_vacancy_get_closing_date (events.changed), ==, expected);
  }

  /* Cancelling the close dialog changes nothing. */
  g_clear_object (&events.changed);
  g_action_group_activate_action (G_ACTION_GROUP (actions), "close", NULL);
  respond (actions, "cancel");
  g_assert_true (wait_for (actions_idle, actions));
  g_assert_null (events.changed);
  g_assert_cmpstr (werving_vacancy_get_status (werving_vacancy_actions_get_vacancy (actions)), ==, "active");

  /* 7. Duplicate opens an editor with a new draft; delete a draft. */
  {
    g_autoptr(WervingVacancy) draft = NULL;

    werving_vacancy_editor_load (fixture->editor, NULL);
    fill_valid (fixture);
    set_text (fixture, "title", "Weg ermee");
    g_clear_object (&events.saved);
    werving_vacancy_editor_save (fixture->editor, FALSE);
    g_assert_true (wait_for (events_saved, &events));
    draft = g_object_ref (events.saved);

    werving_vacancy_actions_set_vacancy (actions, draft);
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "delete"));
    g_action_group_activate_action (G_ACTION_GROUP (actions), "delete", NULL);
    respond (actions, "delete");
    g_assert_true (wait_for (events_deleted, &events));
    g_assert_cmpint (events.deleted, ==, werving_vacancy_get_id (draft));
    g_assert_null (werving_vacancy_actions_get_vacancy (actions));

    g_clear_object (&result);
    werving_client_get_vacancy_async (client, werving_vacancy_get_id (draft), NULL, store_result_cb, &result);
    g_assert_true (wait_for (result_set, &result));
    g_assert_null (werving_client_get_vacancy_finish (client, result, &error));
    g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NOT_FOUND);
  }

  g_signal_handlers_disconnect_by_data (actions, &events);
  g_signal_handlers_disconnect_by_data (fixture->editor, &events);
  g_clear_object (&actions);
  events_clear (&events);
  portal_stop (&portal);
}

static void
duplicate_cb (WervingVacancyActions  *actions,
              WervingVacancy         *vacancy,
              WervingVacancy        **out)
{
  g_set_object (out, vacancy);
}

static void
test_duplicate (void)
{
  g_autoptr(WervingVacancyActions) actions = werving_vacancy_actions_new (NULL);
  g_autoptr(WervingClient) client = werving_client_new ("http://127.0.0.1:9/", NULL);
  g_autoptr(JsonNode) node = json_from_string ("{\"id\":9,\"title\":\"Lasser\",\"description\":\"MIG\",\"status\":\"expired\","
                                               "\"place\":\"Delft\",\"closing_date\":\"2020-01-31\",\"skills\":[\"VCA\"]}", NULL);
  g_autoptr(WervingVacancy) expired = werving_vacancy_new_from_json (node, NULL);
  g_autoptr(WervingVacancy) copy = NULL;

  werving_vacancy_actions_set_client (actions, client);
  werving_vacancy_actions_set_vacancy (actions, expired);
  g_signal_connect (actions, "open-editor", G_CALLBACK (duplicate_cb), &copy);
  g_action_group_activate_action (G_ACTION_GROUP (actions), "duplicate", NULL);

  g_assert_nonnull (copy);
  g_assert_cmpint (werving_vacancy_get_id (copy), <=, 0);
  g_assert_cmpstr (werving_vacancy_get_status (copy), ==, "draft");
  g_assert_cmpstr (werving_vacancy_get_title (copy), ==, "Lasser");
  g_assert_cmpstr (werving_vacancy_get_place (copy), ==, "Delft");
  g_assert_cmpstr (werving_vacancy_get_skills (copy)[0], ==, "VCA");
  g_assert_null (werving_vacancy_get_closing_date (copy));
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("werving-drafts-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (dir, "account", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GTimer) timer = NULL;
  GStatBuf st;
  Fixture second;
  double elapsed;

  g_assert_no_error (error);
  werving_vacancy_editor_set_drafts_dir (fixture->editor, drafts);
  werving_vacancy_editor_load (fixture->editor, NULL);
  path = werving_vacancy_editor_get_draft_path (fixture->editor);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, drafts));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  timer = g_timer_new ();
  set_text (fixture, "title", "Nachtverpleegkundige");
  set_text (fixture, "description", "Tekst die niet verloren mag gaan.");
  add_skill (fixture, "Wondzorg");
  set_text (fixture, "occupation", "Nurs");   /* half typed */
  /* Debounced: nothing is written while the user is still typing. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (wait_for (file_exists, path));
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("draft written after %.2f s", elapsed);
  g_assert_cmpfloat (elapsed, >=, 0.9);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (drafts, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Tekst die niet verloren mag gaan."));

  /* The app dies; the next editor finds the draft and shows it. */
  fixture_set_up (&second, NULL);
  werving_vacancy_editor_set_drafts_dir (second.editor, drafts);
  werving_vacancy_editor_load (second.editor, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (werving_vacancy_editor_get_field_widget (second.editor, "title"))),
                   ==, "Nachtverpleegkundige");
  {
    g_autoptr(WervingVacancy) restored = werving_vacancy_editor_build_vacancy (second.editor);

    g_assert_cmpstr (werving_vacancy_get_description (restored), ==, "Tekst die niet verloren mag gaan.");
    g_assert_cmpstr (werving_vacancy_get_skills (restored)[0], ==, "Wondzorg");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (werving_vacancy_editor_get_field_widget (second.editor, "occupation"))),
                   ==, "Nurs");
  g_assert_true (werving_vacancy_editor_get_dirty (second.editor));
  {
    g_autofree char *second_path = werving_vacancy_editor_get_draft_path (second.editor);
    g_assert_cmpstr (second_path, ==, path);
  }

  /* Closing a window mid-pause still writes what was typed. */
  set_text (&second, "title", "Nachtverpleegkundige (32 uur)");
  fixture_tear_down (&second, NULL);
  g_free (contents);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Nachtverpleegkundige (32 uur)"));

  /* Wiping (sign-out) removes the drafts and their folder. */
  g_assert_true (werving_drafts_wipe (drafts, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (drafts, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/vacancy-editor/validation-on-rows", test_validation_rows);
  ADD ("/ui/vacancy-editor/builds-vacancy", test_builds_vacancy);
  ADD ("/ui/vacancy-editor/autosave-and-restore", test_autosave);
  ADD ("/ui/vacancy-editor/unverified-cannot-publish", test_unverified_cannot_publish);
  ADD ("/ui/vacancy-editor/portal-round-trip", test_portal_round_trip);
#undef ADD
  g_test_add_func ("/ui/vacancy-actions/enabled-by-status", test_actions_enabled);
  g_test_add_func ("/ui/vacancy-actions/duplicate", test_duplicate);

  return g_test_run ();
}
