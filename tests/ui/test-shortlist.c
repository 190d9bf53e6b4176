/* test-shortlist.c: the shortlist of a vacancy and saved searches, against a real werving-portal
 *
 * A stage change and a note reach the portal; a note the portal refuses
 * stays in the editor with a visible failure; removing works; a shortlist
 * shows no personalia; saved searches round-trip through GSettings and
 * their "new since last time" count follows the portal's CVs.
 * Runs under tools/test-env.sh (Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "werving-candidates-page.h"
#include "werving-saved-searches-menu.h"
#include "werving-shortlist-row.h"
#include "werving-shortlist-window.h"

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
  portal->dir = g_dir_make_tmp ("werving-short-XXXXXX", &error);
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

#define CALL(client, error, fn, ...) \
  ({ \
    g_autoptr(GAsyncResult) result_ = NULL; \
    werving_client_##fn##_async ((client), ##__VA_ARGS__, NULL, store_result_cb, &result_); \
    g_assert_true (wait_for (result_set, &result_)); \
    werving_client_##fn##_finish ((client), result_, (error)); \
  })

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      g_ptr_array_add (texts, gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_ptr_array_add (texts, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
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

static gint64
first_vacancy (WervingClient *client,
               const char    *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = CALL (client, &error, list_vacancies, status, NULL, 0);
  g_autoptr(WervingVacancy) vacancy = NULL;

  g_assert_no_error (error);
  vacancy = g_list_model_get_item (werving_page_get_items (page), 0);
  return werving_vacancy_get_id (vacancy);
}

static WervingVacancy *
get_vacancy (WervingClient *client,
             gint64         id)
{
  g_autoptr(GError) error = NULL;
  WervingVacancy *vacancy = CALL (client, &error, get_vacancy, id);

  g_assert_no_error (error);
  return vacancy;
}

static gint64
own_cv (WervingClient *jobseeker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingCv) cv = CALL (jobseeker, &error, get_my_cv);

  g_assert_no_error (error);
  return werving_cv_summary_get_id (WERVING_CV_SUMMARY (cv));
}

static void
put (WervingClient *client,
     gint64         vacancy,
     gint64         cv,
     const char    *stage,
     const char    *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingShortlistEntry) entry = CALL (client, &error, put_shortlist_entry, vacancy, cv, stage, note);

  g_assert_no_error (error);
}

/* The portal's copy of the entry for @cv, NULL when it is not listed. */
static WervingShortlistEntry *
portal_entry (WervingClient *client,
              gint64         vacancy,
              gint64         cv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = CALL (client, &error, list_shortlist, vacancy, NULL, 100);
  GListModel *items;

  g_assert_no_error (error);
  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WervingShortlistEntry) entry = g_list_model_get_item (items, i);

      if (werving_shortlist_entry_get_cv_id (entry) == cv)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

static gboolean
window_listed (gpointer data)
{
  const char *state = werving_shortlist_window_get_state (data);

  return g_strcmp0 (state, "list") == 0 || g_strcmp0 (state, "empty") == 0 || g_strcmp0 (state, "error") == 0;
}

static gboolean
row_saved (gpointer data)
{
  return werving_shortlist_row_get_save_state (data) == WERVING_SAVE_STATE_SAVED;
}

static gboolean
row_failed (gpointer data)
{
  return werving_shortlist_row_get_save_state (data) == WERVING_SAVE_STATE_FAILED;
}

static gboolean
list_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0;
}

static WervingShortlistWindow *
open_shortlist (WervingClient  *client,
                WervingVacancy *vacancy)
{
  WervingShortlistWindow *window = werving_shortlist_window_new (NULL, client, vacancy);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (window_listed, window));
  g_assert_cmpstr (werving_shortlist_window_get_state (window), ==, "list");
  return window;
}

static void
set_note (GtkWidget  *row,
          const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (row, WERVING_TYPE_SHORTLIST_ROW, "note_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
test_stage_and_note (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(WervingShortlistEntry) saved = NULL;
  g_autoptr(WervingShortlistEntry) still = NULL;
  g_autofree char *too_long = NULL;
  WervingShortlistWindow *window;
  GtkWidget *row;
  GtkDropDown *stage;
  gint64 cv;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  jobseeker = sign_in (&portal, "jobseeker@werving.test");
  vacancy = get_vacancy (client, first_vacancy (client, "active"));
  cv = own_cv (jobseeker);
  put (client, werving_vacancy_get_id (vacancy), cv, "shortlisted", "");

  window = open_shortlist (client, vacancy);
  row = werving_shortlist_window_get_row (window, cv);
  g_assert_nonnull (row);

  /* A stage change is saved at once. */
  stage = GTK_DROP_DOWN (gtk_widget_get_template_child (row, WERVING_TYPE_SHORTLIST_ROW, "stage_dropdown"));
  gtk_drop_down_set_selected (stage, 3);
  g_assert_cmpint (werving_shortlist_row_get_save_state (WERVING_SHORTLIST_ROW (row)), ==, WERVING_SAVE_STATE_SAVING);
  g_assert_true (wait_for (row_saved, row));

  /* A note once typing pauses (no flush: the debounce itself). */
  set_note (row, "Tweede gesprek op dinsdag; ‘zeer gemotiveerd’");
  g_assert_cmpint (werving_shortlist_row_get_save_state (WERVING_SHORTLIST_ROW (row)), ==, WERVING_SAVE_STATE_PENDING);
  g_assert_true (wait_for (row_saved, row));
  saved = portal_entry (client, werving_vacancy_get_id (vacancy), cv);
  g_assert_nonnull (saved);
  g_assert_cmpstr (werving_shortlist_entry_get_stage (saved), ==, "interview");
  g_assert_cmpstr (werving_shortlist_entry_get_note (saved), ==, "Tweede gesprek op dinsdag; ‘zeer gemotiveerd’");

  /* The stage filter hides, never destroys, the row. */
  werving_shortlist_window_set_stage_filter (window, "hired");
  g_assert_false (gtk_widget_get_visible (row));
  werving_shortlist_window_set_stage_filter (window, "interview");
  g_assert_true (gtk_widget_get_visible (row));
  werving_shortlist_window_set_stage_filter (window, NULL);

  /* A note the portal refuses: the failure shows, the text stays. */
  too_long = g_strnfill (WERVING_SHORTLIST_NOTE_MAX + 10, 'x');
  set_note (row, too_long);
  werving_shortlist_row_flush (WERVING_SHORTLIST_ROW (row));
  g_assert_true (wait_for (row_failed, row));
  g_assert_true (tree_contains (row, "Not saved"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (row, WERVING_TYPE_SHORTLIST_ROW,
                                                                                    "retry_button"))));
  g_assert_true (tree_contains (row, too_long));
  g_assert_cmpstr (werving_shortlist_entry_get_note (werving_shortlist_row_get_entry (WERVING_SHORTLIST_ROW (row))),
                   ==, too_long);
  still = portal_entry (client, werving_vacancy_get_id (vacancy), cv);
  g_assert_cmpstr (werving_shortlist_entry_get_note (still), ==, "Tweede gesprek op dinsdag; ‘zeer gemotiveerd’");

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

static void
test_remove (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(WervingShortlistEntry) gone = NULL;
  WervingShortlistWindow *window;
  GtkWidget *row;
  gint64 cv;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  jobseeker = sign_in (&portal, "jobseeker@werving.test");
  vacancy = get_vacancy (client, first_vacancy (client, "draft"));
  cv = own_cv (jobseeker);
  put (client, werving_vacancy_get_id (vacancy), cv, "rejected", "Past niet");

  window = open_shortlist (client, vacancy);
  row = werving_shortlist_window_get_row (window, cv);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "remove");
  g_assert_true (wait_for (list_empty, werving_shortlist_window_get_entries (window)));
  g_assert_cmpstr (werving_shortlist_window_get_state (window), ==, "empty");
  gone = portal_entry (client, werving_vacancy_get_id (vacancy), cv);
  g_assert_null (gone);

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

static void
test_no_personalia (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(WervingCv) opened = NULL;
  g_autoptr(GError) error = NULL;
  WervingShortlistWindow *window;
  gint64 cv;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  jobseeker = sign_in (&portal, "jobseeker@werving.test");
  vacancy = get_vacancy (client, first_vacancy (client, "active"));
  cv = own_cv (jobseeker);
  put (client, werving_vacancy_get_id (vacancy), cv, "contacted", NULL);

  /* The demo jobseeker is Sanne de Vries, with an anonymous CV. */
  window = open_shortlist (client, vacancy);
  g_assert_nonnull (werving_shortlist_window_get_row (window, cv));
  g_assert_true (tree_contains (GTK_WIDGET (window), "Anonymous"));
  g_assert_false (tree_contains (GTK_WIDGET (window), "Sanne"));
  g_assert_false (tree_contains (GTK_WIDGET (window), "Vries"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Even once she opens it, a shortlist is not a CV view: still no name. */
  opened = CALL (jobseeker, &error, set_my_cv_visibility, "open");
  g_assert_no_error (error);
  window = open_shortlist (client, vacancy);
  g_assert_true (tree_contains (GTK_WIDGET (window), "Open"));
  g_assert_false (tree_contains (GTK_WIDGET (window), "Sanne"));
  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

typedef struct
{
  gint64   count;
  gboolean estimate;
  gboolean done;
} Count;

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Count *count = user_data;
  g_autoptr(GError) error = NULL;

  count->count = werving_saved_searches_count_new_finish (WERVING_SAVED_SEARCHES (source), result,
                                                          &count->estimate, &error);
  g_assert_no_error (error);
  count->done = TRUE;
}

static gboolean
count_done (gpointer data)
{
  return ((Count *) data)->done;
}

static gint64
count_new (WervingSavedSearches *searches,
           WervingClient        *client,
           const char           *name)
{
  Count count = { 0 };

  werving_saved_searches_count_new_async (searches, client, name, NULL, count_cb, &count);
  g_assert_true (wait_for (count_done, &count));
  g_assert_false (count.estimate);
  return count.count;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
rows_counted (gpointer data)
{
  for (GtkWidget *c = gtk_widget_get_first_child (data); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (g_object_get_data (G_OBJECT (c), "new-count") == NULL)
      return FALSE;
  return gtk_widget_get_first_child (data) != NULL;
}

static void
test_saved_search (void)
{
  Portal portal = { 0 };
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingCv) changed = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(WervingSavedSearches) other = NULL;
  g_autoptr(WervingCvQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  WervingCandidatesPage *page;
  WervingSavedSearchesMenu *menu;
  WervingSavedSearches *searches;
  GtkWidget *window, *search_entry;
  GtkListBox *list;
  gint64 today, long_ago, opened;

  portal_start (&portal, NULL, NULL);
  client = sign_in (&portal, "demo@werving.test");
  jobseeker = sign_in (&portal, "jobseeker@werving.test");
  window = gtk_window_new ();
  page = g_object_new (WERVING_TYPE_CANDIDATES_PAGE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  werving_candidates_page_set_client (page, client);
  menu = WERVING_SAVED_SEARCHES_MENU (find_widget (GTK_WIDGET (page), WERVING_TYPE_SAVED_SEARCHES_MENU));
  searches = werving_saved_searches_menu_get_searches (menu);

  /* Save the page's criteria; another GSettings reads them back. */
  search_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), WERVING_TYPE_CANDIDATES_PAGE,
                                                            "search_entry"));
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "ervaring");
  werving_saved_searches_menu_save (menu, "Ervaren mensen");
  g_settings_sync ();
  other = werving_saved_searches_new (settings);
  names = werving_saved_searches_dup_names (other);
  g_assert_cmpstrv (names, ((const char *[]) { "Ervaren mensen", NULL }));
  query = werving_saved_searches_dup_query (other, "Ervaren mensen");
  g_assert_cmpstr (werving_cv_query_get (query, "q"), ==, "ervaring");
  g_assert_null (werving_cv_query_get (query, "updated_since"));
  g_assert_false (strstr (g_variant_print (g_settings_get_value (settings, "saved-searches"), FALSE), "Sanne"));

  /* New since today vs. since long ago, and following the portal: the
   * jobseeker hiding her CV (updated today) takes one off today's count. */
  today = count_new (searches, client, "Ervaren mensen");
  long_ago = g_get_real_time () / G_USEC_PER_SEC - 400 * 86400;
  werving_saved_searches_set_last_opened (searches, "Ervaren mensen", long_ago);
  g_assert_cmpint (count_new (searches, client, "Ervaren mensen"), >, today);
  werving_saved_searches_set_last_opened (searches, "Ervaren mensen", g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpint (today, >, 0);
  changed = CALL (jobseeker, &error, set_my_cv_visibility, "hidden");
  g_assert_no_error (error);
  g_assert_cmpint (count_new (searches, client, "Ervaren mensen"), ==, today - 1);
  g_clear_object (&changed);
  changed = CALL (jobseeker, &error, set_my_cv_visibility, "anonymous");
  g_assert_no_error (error);
  g_assert_cmpint (count_new (searches, client, "Ervaren mensen"), ==, today);

  /* The menu shows the counts; opening runs the search and resets "last opened". */
  werving_saved_searches_set_last_opened (searches, "Ervaren mensen", long_ago);
  werving_saved_searches_menu_popup (menu);
  list = werving_saved_searches_menu_get_list (menu);
  g_assert_true (wait_for (rows_counted, list));
  g_assert_true (tree_contains (GTK_WIDGET (list), "new since last time"));
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "iets anders");
  werving_saved_searches_menu_open (menu, "Ervaren mensen");
  opened = werving_saved_searches_get_last_opened (other, "Ervaren mensen");
  g_assert_cmpint (opened, >=, g_get_real_time () / G_USEC_PER_SEC - 5);
  /* The filters show the saved search, and the list searches it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "ervaring");
  g_assert_nonnull (werving_candidates_page_get_model (page));

  /* Delete from the menu. */
  werving_saved_searches_remove (searches, "Ervaren mensen");
  g_clear_pointer (&names, g_strfreev);
  names = werving_saved_searches_dup_names (other);
  g_assert_cmpuint (g_strv_length (names), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  portal_stop (&portal);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/ui/shortlist/stage-and-note-reach-portal", test_stage_and_note);
  g_test_add_func ("/ui/shortlist/remove", test_remove);
  g_test_add_func ("/ui/shortlist/no-personalia", test_no_personalia);
  g_test_add_func ("/ui/shortlist/saved-search", test_saved_search);

  return g_test_run ();
}
