/* test-candidates.c: the Candidates page against a real werving-portal
 *
 * The filter widgets build the right query; the list shows the portal's
 * total and fetches more pages when scrolled; an anonymous CV renders no
 * personalia; the CV-view quota shown follows the portal's.
 * Runs under tools/test-env.sh (Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "werving-candidates-page.h"
#include "werving-cv-format.h"
#include "werving-cv-row.h"
#include "werving-cv-view.h"
#include "werving-skills.h"

#define WAIT_SECONDS 30

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *url;
} Portal;

/* A failed assertion aborts the test: the portal must not outlive it (nor
 * keep meson waiting on the output pipes it inherited).
 */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
portal_start (Portal     *portal,
              const char *extra_arg,
              const char *extra_value)
{
  const char *binary = g_getenv ("WERVING_PORTAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  GPtrArray *argv = g_ptr_array_new ();

  g_assert_nonnull (binary);
  portal->dir = g_dir_make_tmp ("werving-cands-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (portal->dir, "p.db", NULL);

  g_ptr_array_add (argv, (char *) binary);
  g_ptr_array_add (argv, (char *) "--demo");
  g_ptr_array_add (argv, (char *) "--port");
  g_ptr_array_add (argv, (char *) "0");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, (char *) "--cvs");
  g_ptr_array_add (argv, (char *) "3000");
  if (extra_arg != NULL)
    {
      g_ptr_array_add (argv, (char *) extra_arg);
      g_ptr_array_add (argv, (char *) extra_value);
    }
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_ptr_array_unref (argv);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  portal->url = g_strdup (line + strlen ("listening on "));
}

static void
portal_stop (Portal *portal)
{
  g_autofree char *db = g_build_filename (portal->dir, "p.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_subprocess_force_exit (portal->process);
  g_subprocess_wait (portal->process, NULL, NULL);
  g_clear_object (&portal->process);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
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

static WervingClient *
sign_in (Portal     *portal,
         const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingSession) session = NULL;
  WervingClient *client = werving_client_new (portal->url, &error);

  g_assert_no_error (error);
  werving_client_sign_in_async (client, email, "werving-demo-1", NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  session = werving_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  return client;
}

static gboolean
cv_view_settled (gpointer data)
{
  const char *state = werving_cv_view_get_state (data);

  return g_strcmp0 (state, "cv") == 0 || g_strcmp0 (state, "error") == 0;
}

static gboolean
model_has_total (gpointer data)
{
  WervingCandidatesPage *page = data;
  WervingResultModel *model = werving_candidates_page_get_model (page);

  return model != NULL && werving_result_model_get_total (model) >= 0 &&
         !werving_result_model_get_loading (model);
}

static gpointer
child (gpointer    page,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (page), type, name);

  g_assert_nonnull (object);
  return object;
}

/* Every text the widget tree under @widget shows or names. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));
  if (GTK_IS_EDITABLE (widget))
    g_ptr_array_add (texts, g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_widget_get_tooltip_text (widget)));
  g_ptr_array_add (texts, g_strconcat ("#", gtk_widget_get_name (widget), NULL));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, texts);
}

static gboolean
tree_contains (GtkWidget  *widget,
               const char *needle)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static GtkWidget *
window_with_page (WervingCandidatesPage **page_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (WERVING_TYPE_CANDIDATES_PAGE, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  *page_out = WERVING_CANDIDATES_PAGE (page);
  return window;
}

/* Filters → query (no portal needed) */

static char *
date_from_today (int days,
                 int months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  if (months > 0)
    g_date_add_months (&date, (guint) months);
  else if (months < 0)
    g_date_subtract_months (&date, (guint) -months);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
check_language (GtkWidget  *widget,
                const char *code)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_CHECK_BUTTON (c) && g_strcmp0 (g_object_get_data (G_OBJECT (c), "code"), code) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (c), TRUE);
          return;
        }
      check_language (c, code);
    }
}

static void
test_filters_build_query (void)
{
  WervingCandidatesPage *page = g_object_ref_sink (g_object_new (WERVING_TYPE_CANDIDATES_PAGE, NULL));
  GType type = WERVING_TYPE_CANDIDATES_PAGE;
  g_autoptr(WervingCvQuery) query = NULL;
  g_autofree char *string = NULL;
  g_autofree char *available = date_from_today (14, 0);
  g_autofree char *updated = date_from_today (-7, 0);

  /* Nothing set: every findable CV, best match first. */
  query = werving_candidates_page_build_query (page);
  string = werving_cv_query_to_string (query);
  g_assert_cmpstr (string, ==, "sort=relevance");
  g_clear_object (&query);
  g_clear_pointer (&string, g_free);

  gtk_editable_set_text (child (page, type, "search_entry"), "  lasser tig ");
  gtk_editable_set_text (child (page, type, "skills_row"), "TIG-lassen, VCA,, tig-lassen ,");
  gtk_editable_set_text (child (page, type, "occupation_row"), "Lasser (7212)");
  gtk_editable_set_text (child (page, type, "place_row"), " Utrecht ");
  gtk_spin_button_set_value (child (page, type, "radius_spin"), 40);
  adw_combo_row_set_selected (child (page, type, "education_row"), 5);
  gtk_spin_button_set_value (child (page, type, "hours_min_spin"), 24);
  gtk_spin_button_set_value (child (page, type, "hours_max_spin"), 32);
  gtk_switch_set_active (child (page, type, "licence_switch"), TRUE);
  check_language (child (page, type, "languages_row"), "nl");
  check_language (child (page, type, "languages_row"), "pl");
  adw_combo_row_set_selected (child (page, type, "available_row"), 2);
  adw_combo_row_set_selected (child (page, type, "updated_row"), 1);
  gtk_drop_down_set_selected (child (page, type, "sort_dropdown"), 1);

  query = werving_candidates_page_build_query (page);
  g_assert_cmpstr (werving_cv_query_get (query, "q"), ==, "lasser tig");
  g_assert_cmpstr (werving_cv_query_get (query, "skills"), ==, "TIG-lassen,VCA");
  g_assert_cmpstr (werving_cv_query_get (query, "occupation"), ==, "7212");
  g_assert_cmpstr (werving_cv_query_get (query, "place"), ==, "Utrecht");
  g_assert_cmpstr (werving_cv_query_get (query, "radius_km"), ==, "40");
  g_assert_cmpstr (werving_cv_query_get (query, "education_min"), ==, "mbo-4");
  g_assert_cmpstr (werving_cv_query_get (query, "hours_min"), ==, "24");
  g_assert_cmpstr (werving_cv_query_get (query, "hours_max"), ==, "32");
  g_assert_cmpstr (werving_cv_query_get (query, "driving_licence"), ==, "true");
  g_assert_cmpstr (werving_cv_query_get (query, "languages"), ==, "nl,pl");
  g_assert_cmpstr (werving_cv_query_get (query, "available_from"), ==, available);
  g_assert_cmpstr (werving_cv_query_get (query, "updated_since"), ==, updated);
  g_assert_cmpstr (werving_cv_query_get (query, "sort"), ==, "recent");
  g_clear_object (&query);

  /* An occupation by its label, other presets, radius only with a place. */
  gtk_editable_set_text (child (page, type, "occupation_row"), "softwareontwikkelaar");
  gtk_editable_set_text (child (page, type, "place_row"), "");
  adw_combo_row_set_selected (child (page, type, "available_row"), 1);
  adw_combo_row_set_selected (child (page, type, "updated_row"), 3);
  adw_combo_row_set_selected (child (page, type, "education_row"), 9);
  query = werving_candidates_page_build_query (page);
  g_assert_cmpstr (werving_cv_query_get (query, "occupation"), ==, "2512");
  g_assert_null (werving_cv_query_get (query, "place"));
  g_assert_null (werving_cv_query_get (query, "radius_km"));
  g_assert_cmpstr (werving_cv_query_get (query, "education_min"), ==, "wo");
  g_free (available);
  available = date_from_today (0, 0);
  g_assert_cmpstr (werving_cv_query_get (query, "available_from"), ==, available);
  g_free (updated);
  updated = date_from_today (0, -3);
  g_assert_cmpstr (werving_cv_query_get (query, "updated_since"), ==, updated);
  g_clear_object (&query);

  /* An occupation the app cannot name is not sent, and the row says so. */
  gtk_editable_set_text (child (page, type, "occupation_row"), "astronaut");
  query = werving_candidates_page_build_query (page);
  g_assert_null (werving_cv_query_get (query, "occupation"));
  g_assert_true (gtk_widget_has_css_class (child (page, type, "occupation_row"), "error"));
  g_clear_object (&query);

  /* Clear resets every filter but keeps the words searched for. */
  gtk_widget_activate_action (GTK_WIDGET (page), "candidates.clear-filters", NULL);
  query = werving_candidates_page_build_query (page);
  string = werving_cv_query_to_string (query);
  g_assert_cmpstr (werving_cv_query_get (query, "q"), ==, "lasser tig");
  g_assert_null (werving_cv_query_get (query, "skills"));
  g_assert_null (werving_cv_query_get (query, "languages"));
  g_assert_null (werving_cv_query_get (query, "driving_licence"));
  g_assert_null (werving_cv_query_get (query, "hours_min"));
  g_assert_null (werving_cv_query_get (query, "available_from"));

  g_object_unref (page);
}

static void
test_skills_completion (void)
{
  g_autofree const char **found = werving_skills_complete ("ja", NULL, 8);
  const char *listed[] = { "java", NULL };
  g_autofree const char **without = werving_skills_complete ("ja", listed, 8);
  g_autofree const char **word = werving_skills_complete ("lass", NULL, 8);
  g_auto(GStrv) split = werving_skills_split (" Java ,, SQL,java ");
  g_autofree char *code = werving_occupations_find_code ("7212");

  g_assert_true (g_strv_contains (found, "Java"));
  g_assert_true (g_strv_contains (found, "JavaScript"));
  g_assert_false (g_strv_contains (without, "Java"));
  g_assert_true (g_strv_contains (without, "JavaScript"));
  /* Words inside a skill complete too: "TIG-lassen" for "lass". */
  g_assert_true (g_strv_contains (word, "TIG-lassen"));
  g_assert_cmpuint (g_strv_length (split), ==, 2);
  g_assert_cmpstr (split[0], ==, "Java");
  g_assert_cmpstr (split[1], ==, "SQL");
  g_assert_cmpstr (code, ==, "7212");
}

static void
test_number_grouping (void)
{
  g_autofree char *plain = werving_format_number (1234567);
  char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_cmpstr (plain, ==, "1234567");
  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_free (old);
      g_test_skip ("no nl_NL.UTF-8 locale");
      return;
    }
  {
    g_autofree char *dutch = werving_format_number (1234567);
    g_assert_cmpstr (dutch, ==, "1.234.567");
  }
  setlocale (LC_NUMERIC, old);
  g_free (old);
}

/* Total and infinite scroll */

typedef struct
{
  guint max_replaced;
  guint n_replaced;
} ScrollState;

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  ScrollState *state)
{
  /* Placeholders the view asked for, replaced by the CVs of their page. */
  if (removed == added && added > 0)
    {
      state->n_replaced++;
      state->max_replaced = MAX (state->max_replaced, position + added);
    }
}

static gboolean
far_page_arrived (gpointer data)
{
  return ((ScrollState *) data)->max_replaced > 1000;
}

static gboolean
model_idle (gpointer data)
{
  return !werving_result_model_get_loading (data);
}

static gboolean
no_loading_rows (gpointer data)
{
  return !tree_contains (data, "Loading…");
}

/* A new search first shows only its first page: the other rows join the
 * list a frame after it was drawn.
 */
static gboolean
list_has_all_rows (gpointer data)
{
  WervingCandidatesPage *page = data;
  GtkListView *list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                        WERVING_TYPE_CANDIDATES_PAGE,
                                                                        "list_view"));
  WervingResultModel *model = werving_candidates_page_get_model (page);

  return model != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))) ==
         g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_total_and_scroll (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  WervingCandidatesPage *page;
  GtkWidget *window;
  WervingResultModel *model;
  GtkAdjustment *adjustment;
  ScrollState state = { 0 };
  GtkWidget *list_view;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");

  /* What the portal itself says, asked directly. */
  werving_cv_query_set (query, "sort", "relevance");
  werving_client_search_cvs_async (client, query, NULL, 1, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  first = werving_client_search_cvs_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (werving_page_get_total (first), >, 1000);
  expected = g_strdup_printf ("%s%" G_GINT64_FORMAT " candidates",
                              werving_page_get_total_is_estimate (first) ? "About " : "",
                              werving_page_get_total (first));

  window = window_with_page (&page);
  werving_candidates_page_set_client (page, client);
  g_assert_true (wait_for (model_has_total, page));
  model = werving_candidates_page_get_model (page);
  g_assert_cmpstr (gtk_label_get_text (child (page, WERVING_TYPE_CANDIDATES_PAGE, "total_label")), ==, expected);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, WERVING_TYPE_CANDIDATES_PAGE, "results_stack")),
                   ==, "results");

  list_view = child (page, WERVING_TYPE_CANDIDATES_PAGE, "list_view");
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &state);
  g_assert_true (wait_for (list_has_all_rows, page));
  g_assert_true (wait_for (no_loading_rows, list_view));
  /* Unscrolled, GTK 4.8's list view keeps about 200 rows around the top:
   * the pages behind those, and nothing further.
   */
  g_assert_true (wait_for (model_idle, model));
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (wait_for (model_idle, model));
  g_assert_cmpuint (state.max_replaced, <, 500);

  /* Halfway down: the model walks the cursor chain to the rows shown. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.5);
  g_assert_true (wait_for (far_page_arrived, &state));
  g_assert_true (wait_for (no_loading_rows, list_view));
  g_assert_true (tree_contains (list_view, werving_format_visibility (TRUE)) ||
                 tree_contains (list_view, werving_format_visibility (FALSE)));
  /* Ctrl+F's action puts the focus in the search entry. */
  gtk_widget_activate_action (GTK_WIDGET (page), "candidates.focus-search", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         child (page, WERVING_TYPE_CANDIDATES_PAGE, "search_entry")));

  /* The count is still the portal's. */
  g_assert_cmpstr (gtk_label_get_text (child (page, WERVING_TYPE_CANDIDATES_PAGE, "total_label")), ==, expected);
  g_assert_null (werving_result_model_get_error (model));

  g_signal_handlers_disconnect_by_data (model, &state);
  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

/* Personalia */

static gint64
find_open_cv (WervingCandidatesPage *page)
{
  GListModel *model = G_LIST_MODEL (werving_candidates_page_get_model (page));
  guint n = MIN (g_list_model_get_n_items (model), werving_result_model_get_page_size (WERVING_RESULT_MODEL (model)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingCvSummary) cv = g_list_model_get_item (model, i);

      if (!werving_cv_summary_get_loading (cv) && !werving_cv_summary_is_anonymous (cv))
        return werving_cv_summary_get_id (cv);
    }
  return 0;
}

static void
test_anonymous_renders_no_personalia (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingCv) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WervingCandidatesPage *page;
  WervingCvView *view;
  GtkWidget *window;
  const char *name, *email, *phone;
  gint64 open_id;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");

  /* The demo jobseeker's own, anonymous CV, with the personalia to look for. */
  jobseeker = sign_in (&portal, "jobseeker@werving.test");
  werving_client_get_my_cv_async (jobseeker, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  own = werving_client_get_my_cv_finish (jobseeker, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_cv_get_status (own), ==, "anonymous");
  name = werving_cv_get_personalia_name (own);
  email = werving_cv_get_personalia_email (own);
  phone = werving_cv_get_personalia_phone (own);
  g_assert_nonnull (name);
  g_assert_nonnull (email);
  g_assert_nonnull (phone);

  window = window_with_page (&page);
  view = child (page, WERVING_TYPE_CANDIDATES_PAGE, "cv_view");
  werving_candidates_page_set_client (page, client);
  g_assert_true (wait_for (model_has_total, page));

  werving_candidates_page_open_cv (page, werving_cv_summary_get_id (WERVING_CV_SUMMARY (own)));
  g_assert_true (wait_for (cv_view_settled, view));
  g_assert_cmpstr (werving_cv_view_get_state (view), ==, "cv");
  g_assert_true (werving_cv_summary_is_anonymous (WERVING_CV_SUMMARY (werving_cv_view_get_cv (view))));
  g_assert_true (tree_contains (GTK_WIDGET (view), werving_format_visibility (TRUE)));
  g_assert_false (tree_contains (GTK_WIDGET (view), "#personalia"));
  g_assert_false (tree_contains (GTK_WIDGET (view), name));
  g_assert_false (tree_contains (GTK_WIDGET (view), email));
  g_assert_false (tree_contains (GTK_WIDGET (view), phone));
  g_assert_false (tree_contains (GTK_WIDGET (view), _("E-mail")));
  g_assert_false (tree_contains (GTK_WIDGET (view), _("Date of birth")));
  text = werving_cv_view_dup_text (view);
  g_assert_nonnull (strstr (text, werving_format_visibility (TRUE)));
  g_assert_null (strstr (text, name));
  g_assert_null (strstr (text, email));
  g_clear_pointer (&text, g_free);

  /* An open CV (found through the results' visibility) does show them:
   * the search above would see them if they were there.
   */
  open_id = find_open_cv (page);
  g_assert_cmpint (open_id, >, 0);
  werving_candidates_page_open_cv (page, open_id);
  g_assert_true (wait_for (cv_view_settled, view));
  g_assert_cmpstr (werving_cv_view_get_state (view), ==, "cv");
  g_assert_true (werving_cv_has_personalia (werving_cv_view_get_cv (view)));
  g_assert_true (tree_contains (GTK_WIDGET (view), "#personalia"));
  g_assert_true (tree_contains (GTK_WIDGET (view), werving_cv_get_personalia_name (werving_cv_view_get_cv (view))));
  g_assert_true (tree_contains (GTK_WIDGET (view), werving_cv_get_personalia_email (werving_cv_view_get_cv (view))));
  text = werving_cv_view_dup_text (view);
  g_assert_nonnull (strstr (text, werving_cv_get_personalia_name (werving_cv_view_get_cv (view))));

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

/* Quota */

static gboolean
quota_known (gpointer data)
{
  return werving_cv_view_get_quota_state (data) != WERVING_QUOTA_STATE_UNKNOWN;
}

static gint64
result_id (WervingCandidatesPage *page,
           guint                  position)
{
  g_autoptr(WervingCvSummary) cv = g_list_model_get_item (G_LIST_MODEL (werving_candidates_page_get_model (page)),
                                                          position);

  g_assert_false (werving_cv_summary_get_loading (cv));
  return werving_cv_summary_get_id (cv);
}

static void
test_quota_follows_portal (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  WervingCandidatesPage *page;
  WervingCvView *view;
  GtkWidget *window;
  GType type = WERVING_TYPE_CV_VIEW;

  portal_start (&portal, "--cv-view-quota", "2");
  client = sign_in (&portal, "demo@werving.test");
  window = window_with_page (&page);
  view = child (page, WERVING_TYPE_CANDIDATES_PAGE, "cv_view");
  werving_candidates_page_set_client (page, client);
  g_assert_true (wait_for (model_has_total, page));

  /* Before any view: the portal's allowance of 2, already low. */
  g_assert_true (wait_for (quota_known, view));
  g_assert_cmpstr (gtk_label_get_text (child (view, type, "quota_label")), ==, "CV views left today: 2 of 2");
  g_assert_cmpint (werving_cv_view_get_quota_state (view), ==, WERVING_QUOTA_STATE_LOW);
  g_assert_true (gtk_revealer_get_reveal_child (child (view, type, "quota_revealer")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (child (view, type, "quota_message_label")),
                                   "Only 2 CV views left today."));

  werving_candidates_page_open_cv (page, result_id (page, 0));
  g_assert_true (wait_for (cv_view_settled, view));
  g_assert_cmpstr (werving_cv_view_get_state (view), ==, "cv");
  g_assert_cmpstr (gtk_label_get_text (child (view, type, "quota_label")), ==, "CV views left today: 1 of 2");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (child (view, type, "quota_message_label")),
                                   "Only 1 CV view left today."));

  werving_candidates_page_open_cv (page, result_id (page, 1));
  g_assert_true (wait_for (cv_view_settled, view));
  g_assert_cmpstr (werving_cv_view_get_state (view), ==, "cv");
  g_assert_cmpint (werving_cv_view_get_quota_state (view), ==, WERVING_QUOTA_STATE_EXHAUSTED);
  g_assert_cmpstr (gtk_label_get_text (child (view, type, "quota_label")), ==, "CV views left today: 0 of 2");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (child (view, type, "quota_message_label")),
                                   "You have used all CV views for today. You can open CVs again from "));
  /* The results list says so too, before the next click. */
  g_assert_true (gtk_revealer_get_reveal_child (child (page, WERVING_TYPE_CANDIDATES_PAGE, "quota_revealer")));

  /* The portal refuses a third: a sentence, not a code. */
  werving_candidates_page_open_cv (page, result_id (page, 2));
  g_assert_true (wait_for (cv_view_settled, view));
  g_assert_cmpstr (werving_cv_view_get_state (view), ==, "error");
  g_assert_null (werving_cv_view_get_cv (view));
  g_assert_cmpstr (adw_status_page_get_title (child (view, type, "error_page")), ==, "Daily Limit Reached");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (child (view, type, "error_page")),
                                   "You have viewed the maximum number of CVs for today"));
  g_assert_false (gtk_widget_get_visible (child (view, type, "retry_button")));

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

/* Matches for a vacancy */

static void
test_matches_for_vacancy (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) vacancies = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingCvSummary) first = NULL;
  g_autofree char *heading = NULL;
  WervingCandidatesPage *page;
  GtkWidget *window;
  GtkWidget *list_view;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  werving_client_list_vacancies_async (client, "active", NULL, 0, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  vacancies = werving_client_list_vacancies_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (werving_page_get_items (vacancies)), >, 0);
  vacancy = g_list_model_get_item (werving_page_get_items (vacancies), 0);

  window = window_with_page (&page);
  werving_candidates_page_set_client (page, client);
  g_assert_true (wait_for (model_has_total, page));
  werving_candidates_page_show_matches (page, vacancy);
  g_assert_true (wait_for (model_has_total, page));

  first = g_list_model_get_item (G_LIST_MODEL (werving_candidates_page_get_model (page)), 0);
  g_assert_nonnull (werving_cv_summary_get_matched (first));
  g_assert_nonnull (werving_cv_summary_get_matched (first)[0]);
  heading = g_strdup_printf ("Candidates for “%s”", werving_vacancy_get_title (vacancy));
  g_assert_cmpstr (gtk_label_get_text (child (page, WERVING_TYPE_CANDIDATES_PAGE, "matches_label")), ==, heading);
  list_view = child (page, WERVING_TYPE_CANDIDATES_PAGE, "list_view");
  g_assert_true (wait_for (no_loading_rows, list_view));
  g_assert_true (tree_contains (list_view, "Matches "));
  g_assert_false (gtk_widget_get_sensitive (child (page, WERVING_TYPE_CANDIDATES_PAGE, "filter_box")));

  /* Back to the search: the filters apply again. */
  werving_candidates_page_end_matches (page);
  g_assert_true (wait_for (model_has_total, page));
  g_assert_true (gtk_widget_get_sensitive (child (page, WERVING_TYPE_CANDIDATES_PAGE, "filter_box")));
  g_assert_false (gtk_revealer_get_reveal_child (child (page, WERVING_TYPE_CANDIDATES_PAGE, "matches_revealer")));

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

/* Rows recycled while scrolling */

/* The text widgets of a result row, top to bottom: headline, badge, facts,
 * skills, when, matched.
 */
static void
collect_lines (GtkWidget *widget,
               GPtrArray *lines)
{
  if (GTK_IS_INSCRIPTION (widget) || GTK_IS_LABEL (widget))
    g_ptr_array_add (lines, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_lines (c, lines);
}

/* Whether skill @index of @skills has the highlight in the skills line,
 * which joins them with " · ".
 */
static gboolean
skill_highlighted (GtkInscription     *line,
                   const char * const *skills,
                   guint               index)
{
  PangoAttrList *attrs = gtk_inscription_get_attributes (line);
  guint start = 0, end;
  GSList *all;
  gboolean highlighted = FALSE;

  for (guint i = 0; i < index; i++)
    start += (guint) (strlen (skills[i]) + strlen (" · "));
  end = start + (guint) strlen (skills[index]);
  g_assert_true (strncmp (gtk_inscription_get_text (line) + start, skills[index], end - start) == 0);
  if (attrs == NULL)
    return FALSE;
  all = pango_attr_list_get_attributes (attrs);
  for (GSList *l = all; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_BACKGROUND && attr->start_index <= start && attr->end_index >= end)
        highlighted = TRUE;
    }
  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  return highlighted;
}

/* Checks that @row shows its CV, and nothing of another: the headline,
 * badge, facts and matched lines, and which skills are highlighted.
 */
static void
assert_row_shows_its_cv (GtkWidget *row)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  WervingCvSummary *cv = werving_cv_row_get_cv (WERVING_CV_ROW (row));
  const char *headline;
  const char * const *skills;
  const char * const *matched;
  g_autofree char *matched_text = NULL;
  g_autofree char *hours = NULL;

  collect_lines (row, lines);
  g_assert_cmpuint (lines->len, ==, 6);
  g_assert_nonnull (cv);
  if (werving_cv_summary_get_loading (cv))
    {
      g_assert_cmpstr (gtk_inscription_get_text (g_ptr_array_index (lines, 0)), ==, "Loading…");
      g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (lines, 1)), ==, "");
      return;
    }

  headline = werving_cv_summary_get_headline (cv);
  if (headline == NULL || *headline == '\0')
    headline = werving_cv_summary_get_occupation_label (cv);
  g_assert_cmpstr (gtk_inscription_get_text (g_ptr_array_index (lines, 0)), ==, headline);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (lines, 1)), ==,
                   werving_format_visibility (werving_cv_summary_is_anonymous (cv)));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (lines, 1),
                                           werving_cv_summary_is_anonymous (cv) ? "werving-badge-anonymous"
                                                                                : "werving-badge-open"));
  if (werving_cv_summary_get_region (cv) != NULL)
    g_assert_nonnull (strstr (gtk_inscription_get_text (g_ptr_array_index (lines, 2)),
                              werving_cv_summary_get_region (cv)));
  hours = werving_format_hours (werving_cv_summary_get_hours_min (cv), werving_cv_summary_get_hours_max (cv));
  g_assert_nonnull (strstr (gtk_inscription_get_text (g_ptr_array_index (lines, 2)), hours));

  skills = werving_cv_summary_get_skills (cv);
  matched = werving_cv_summary_get_matched (cv);
  for (guint i = 0; skills != NULL && skills[i] != NULL; i++)
    g_assert_cmpint (skill_highlighted (g_ptr_array_index (lines, 3), skills, i), ==,
                     werving_format_skill_matched (skills[i], matched));

  matched_text = werving_format_matched (matched);
  g_assert_cmpint (gtk_widget_get_visible (g_ptr_array_index (lines, 5)), ==, matched_text != NULL);
  if (matched_text != NULL)
    g_assert_cmpstr (gtk_inscription_get_text (g_ptr_array_index (lines, 5)), ==, matched_text);
}

/* The rows of @list_view in view, top to bottom. */
static GPtrArray *
rows_in_view (GtkWidget *list_view)
{
  GPtrArray *rows = g_ptr_array_new ();
  int height = gtk_widget_get_height (list_view);

  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_rect_t bounds;

      if (!WERVING_IS_CV_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (item, list_view, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static gboolean
rows_in_view_loaded (gpointer data)
{
  g_autoptr(GPtrArray) rows = rows_in_view (data);

  if (rows->len == 0)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      WervingCvSummary *cv = werving_cv_row_get_cv (g_ptr_array_index (rows, i));

      if (cv == NULL || werving_cv_summary_get_loading (cv))
        return FALSE;
    }
  return TRUE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The rows in view are loaded, and laid out: a row GTK just moved to
 * another position keeps its old place until the next layout.
 */
static void
settle (GtkWidget *list_view)
{
  g_assert_true (wait_for (rows_in_view_loaded, list_view));
  spin (200);
  g_assert_true (wait_for (rows_in_view_loaded, list_view));
}

/* Scrolled back to the top. GTK 4.8's list view may put back the value it
 * had when a layout was still pending; a user would scroll on, and so does
 * this.
 */
static gboolean
scrolled_to_top (gpointer data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));

  if (gtk_adjustment_get_value (adjustment) > 0)
    {
      gtk_adjustment_set_value (adjustment, 0);
      return FALSE;
    }
  return rows_in_view_loaded (data);
}

static void
assert_top_rows (GtkWidget  *list_view,
                 GListModel *model,
                 GArray     *ids)
{
  g_autoptr(GPtrArray) rows = rows_in_view (list_view);

  g_assert_cmpuint (rows->len, >=, 3);
  for (guint i = 0; i < rows->len && i < ids->len; i++)
    {
      WervingCvSummary *cv = werving_cv_row_get_cv (g_ptr_array_index (rows, i));

      g_assert_cmpint (werving_cv_summary_get_id (cv), ==, g_array_index (ids, gint64, i));
      assert_row_shows_its_cv (g_ptr_array_index (rows, i));
    }
}

static void
assert_bound_rows (GtkWidget *list_view,
                   guint     *n_highlighted,
                   guint     *n_plain)
{
  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      WervingCvSummary *cv;
      const char * const *skills;

      if (!WERVING_IS_CV_ROW (row))
        continue;
      assert_row_shows_its_cv (row);
      cv = werving_cv_row_get_cv (WERVING_CV_ROW (row));
      if (n_highlighted == NULL || werving_cv_summary_get_loading (cv))
        continue;
      skills = werving_cv_summary_get_skills (cv);
      for (guint j = 0; skills != NULL && skills[j] != NULL; j++)
        {
          if (werving_format_skill_matched (skills[j], werving_cv_summary_get_matched (cv)))
            (*n_highlighted)++;
          else
            (*n_plain)++;
        }
    }
}

static void
test_rows_recycle (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) vacancies = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  WervingCandidatesPage *page;
  GListModel *model;
  GtkWidget *window;
  GtkWidget *list_view;
  GtkAdjustment *adjustment;
  guint n_highlighted = 0, n_plain = 0;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  werving_client_list_vacancies_async (client, "active", NULL, 0, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  vacancies = werving_client_list_vacancies_finish (client, result, &error);
  g_assert_no_error (error);
  vacancy = g_list_model_get_item (werving_page_get_items (vacancies), 0);

  window = window_with_page (&page);
  werving_candidates_page_set_client (page, client);
  g_assert_true (wait_for (model_has_total, page));
  model = G_LIST_MODEL (werving_candidates_page_get_model (page));
  list_view = child (page, WERVING_TYPE_CANDIDATES_PAGE, "list_view");
  settle (list_view);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(WervingCvSummary) cv = g_list_model_get_item (model, i);
      gint64 id = werving_cv_summary_get_id (cv);

      g_array_append_val (ids, id);
    }
  assert_top_rows (list_view, model, ids);

  /* Down in steps, so rows go from CV to CV many times (and from
   * placeholder to CV); then back to the top.
   */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  for (int step = 1; step <= 12; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_page_size (adjustment) * step * 4);
      g_assert_true (wait_for (rows_in_view_loaded, list_view));
      assert_bound_rows (list_view, NULL, NULL);
    }
  settle (list_view);
  g_assert_true (wait_for (model_idle, model));
  g_assert_true (wait_for (scrolled_to_top, list_view));
  settle (list_view);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  assert_top_rows (list_view, model, ids);
  assert_bound_rows (list_view, NULL, NULL);

  /* A vacancy's matches, in the rows of the search: skills highlighted
   * where they matched, and only there.
   */
  werving_candidates_page_show_matches (page, vacancy);
  g_assert_true (wait_for (model_has_total, page));
  g_assert_true (wait_for (rows_in_view_loaded, list_view));
  assert_bound_rows (list_view, &n_highlighted, &n_plain);
  g_assert_cmpuint (n_highlighted, >, 0);
  g_assert_cmpuint (n_plain, >, 0);

  /* And back: nothing highlighted, no matched line, in rows that had them. */
  werving_candidates_page_end_matches (page);
  g_assert_true (wait_for (model_has_total, page));
  g_assert_true (wait_for (rows_in_view_loaded, list_view));
  assert_bound_rows (list_view, NULL, NULL);
  {
    g_autoptr(GPtrArray) rows = rows_in_view (list_view);

    for (guint i = 0; i < rows->len; i++)
      {
        g_autoptr(GPtrArray) lines = g_ptr_array_new ();

        collect_lines (g_ptr_array_index (rows, i), lines);
        g_assert_null (gtk_inscription_get_attributes (g_ptr_array_index (lines, 3)));
        g_assert_false (gtk_widget_get_visible (g_ptr_array_index (lines, 5)));
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

/* A saved search opens in the filters, so what is searched is what is shown. */
static void
test_run_query_shows_filters (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingCvQuery) saved = NULL;
  g_autoptr(WervingCvQuery) shown = NULL;
  g_autofree char *available = date_from_today (14, 0);
  g_autofree char *expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) direct = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *string = NULL;
  WervingCandidatesPage *page;
  GType type = WERVING_TYPE_CANDIDATES_PAGE;
  GtkWidget *window;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  window = window_with_page (&page);
  werving_candidates_page_set_client (page, client);
  g_assert_true (wait_for (model_has_total, page));

  saved = werving_cv_query_new ();
  werving_cv_query_set (saved, "q", "lasser");
  werving_cv_query_set (saved, "skills", "TIG-lassen,VCA");
  werving_cv_query_set (saved, "occupation", "7212");
  werving_cv_query_set (saved, "place", "Utrecht");
  werving_cv_query_set (saved, "radius_km", "40");
  werving_cv_query_set (saved, "education_min", "mbo-4");
  werving_cv_query_set (saved, "hours_min", "24");
  werving_cv_query_set (saved, "hours_max", "32");
  werving_cv_query_set (saved, "driving_licence", "true");
  werving_cv_query_set (saved, "languages", "nl,pl");
  werving_cv_query_set (saved, "available_from", available);
  werving_cv_query_set (saved, "sort", "recent");
  werving_candidates_page_run_query (page, saved);

  g_assert_cmpstr (gtk_editable_get_text (child (page, type, "occupation_row")), ==, "Welder (7212)");
  g_assert_cmpstr (gtk_editable_get_text (child (page, type, "skills_row")), ==, "TIG-lassen, VCA");
  g_assert_true (gtk_switch_get_active (child (page, type, "licence_switch")));
  shown = werving_candidates_page_build_query (page);
  string = werving_cv_query_to_string (shown);
  expected = werving_cv_query_to_string (saved);
  g_assert_cmpstr (string, ==, expected);
  /* And the list holds what the portal answers for exactly that query. */
  werving_client_search_cvs_async (client, saved, NULL, 0, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result));
  direct = werving_client_search_cvs_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for (model_has_total, page));
  g_assert_cmpint (werving_result_model_get_total (werving_candidates_page_get_model (page)), ==,
                   werving_page_get_total (direct));

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

int
main (int   argc,
      char *argv[])
{
  /* English messages and C number formatting for exact strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/ui/candidates/filters-build-query", test_filters_build_query);
  g_test_add_func ("/ui/candidates/skills-completion", test_skills_completion);
  g_test_add_func ("/ui/candidates/number-grouping", test_number_grouping);
  g_test_add_func ("/ui/candidates/total-and-scroll", test_total_and_scroll);
  g_test_add_func ("/ui/candidates/anonymous-renders-no-personalia", test_anonymous_renders_no_personalia);
  g_test_add_func ("/ui/candidates/quota-follows-portal", test_quota_follows_portal);
  g_test_add_func ("/ui/candidates/matches-for-vacancy", test_matches_for_vacancy);
  g_test_add_func ("/ui/candidates/rows-recycle", test_rows_recycle);
  g_test_add_func ("/ui/candidates/run-query-shows-filters", test_run_query_shows_filters);

  return g_test_run ();
}
