/* test-contact.c: contacting a candidate from the CV view, templates, and
 * the highlighted thread, against a real werving-portal
 *
 * The contact dialog offers only the organisation's active vacancies; with
 * none it explains R2, offers "Publish a Vacancy…" and cannot send. The
 * template fills in the vacancy's title. The new-contact quota shows, and
 * an exhausted one turns Send off with the reason (portal started with a
 * small --contact-quota). Sending creates exactly one thread on the portal,
 * which the Messages page then lists; a CV already in conversation about
 * the vacancy offers that conversation instead. A send while the portal is
 * down waits and goes out once when it is back. Runs under
 * tools/test-env.sh (Xvfb).
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
#include "werving-contact-dialog.h"
#include "werving-cv-view.h"
#include "werving-messages-page.h"
#include "werving-templates.h"
#include "werving-templates-window.h"
#include "werving-vacancies-page.h"

#define WAIT_MS 30000
#define DEMO_PASSWORD "werving-demo-1"
#define ACTIVE_TITLE "Medior softwareontwikkelaar"

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *db;
  char        *url;
  guint        port;
  const char  *contact_quota;
} Portal;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
portal_run (Portal *portal,
            guint   port)
{
  const char *binary = g_getenv ("WERVING_PORTAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *line = NULL;
  const char *colon;

  g_assert_nonnull (binary);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawn (launcher, &error, binary, "--demo", "--port", port_text,
                                                 "--db", portal->db, "--cvs", "200",
                                                 "--contact-quota", portal->contact_quota, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  g_free (portal->url);
  portal->url = g_strdup (line + strlen ("listening on "));
  colon = strrchr (portal->url, ':');
  g_assert_nonnull (colon);
  portal->port = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
}

static void
portal_kill (Portal *portal)
{
  g_subprocess_force_exit (portal->process);
  g_subprocess_wait (portal->process, NULL, NULL);
  g_clear_object (&portal->process);
}

static void
portal_stop (Portal *portal)
{
  g_autofree char *wal = g_strconcat (portal->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (portal->db, "-shm", NULL);

  if (portal->process != NULL)
    portal_kill (portal);
  g_unlink (portal->db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (portal->dir);
  g_clear_pointer (&portal->dir, g_free);
  g_clear_pointer (&portal->db, g_free);
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
          gpointer  data,
          guint     ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
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
sign_in (Portal *portal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingSession) session = NULL;
  WervingClient *client = werving_client_new (portal->url, &error);

  g_assert_no_error (error);
  werving_client_sign_in_async (client, "demo@werving.test", DEMO_PASSWORD, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  session = werving_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  return client;
}

/* The portal's answers, through a client of its own */

static WervingPage *
list_vacancies (WervingClient *client,
                const char    *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  WervingPage *page;

  werving_client_list_vacancies_async (client, status, NULL, 100, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  page = werving_client_list_vacancies_finish (client, result, &error);
  g_assert_no_error (error);
  return page;
}

/* Threads of the organisation with CV @cv_id (all when 0). */
static guint
count_threads (WervingClient *client,
               gint64         cv_id,
               gint64        *thread_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) page = NULL;
  GListModel *items;
  guint count = 0;

  werving_client_list_threads_async (client, NULL, 100, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  page = werving_client_list_threads_finish (client, result, &error);
  g_assert_no_error (error);
  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WervingThread) thread = g_list_model_get_item (items, i);

      if (cv_id == 0 || werving_thread_get_cv_id (thread) == cv_id)
        {
          count++;
          if (thread_id != NULL)
            *thread_id = werving_thread_get_id (thread);
        }
    }
  return count;
}

/* The first @n findable CVs that are not in a conversation yet. */
static GArray *
free_cvs (WervingClient *client,
          guint          n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingPage) page = NULL;
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *items;

  werving_client_search_cvs_async (client, query, NULL, 50, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  page = werving_client_search_cvs_finish (client, result, &error);
  g_assert_no_error (error);
  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items) && ids->len < n; i++)
    {
      g_autoptr(WervingCvSummary) cv = g_list_model_get_item (items, i);
      gint64 id = werving_cv_summary_get_id (cv);

      if (count_threads (client, id, NULL) == 0)
        g_array_append_val (ids, id);
    }
  g_assert_cmpuint (ids->len, ==, n);
  return ids;
}

static void
close_vacancy (WervingClient *client,
               gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;

  werving_client_close_vacancy_async (client, id, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  vacancy = werving_client_close_vacancy_finish (client, result, &error);
  g_assert_no_error (error);
}

/* Fixture: a portal, a signed-in client, the CV view (in a toast overlay,
 * as in the window), a Vacancies page and a Messages page sharing one
 * outbox, and "win" actions that record what "Publish a Vacancy…" asks for.
 */

typedef struct
{
  Portal               portal;
  WervingClient       *client;
  WervingOutbox       *outbox;
  GtkWidget           *window;
  WervingCvView       *cv_view;
  WervingVacanciesPage *vacancies_page;
  WervingMessagesPage *messages_page;
  char                *section;
  gboolean             new_vacancy;
} Fixture;

static void
show_section_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_free (fixture->section);
  fixture->section = g_variant_dup_string (parameter, NULL);
}

static void
new_vacancy_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ((Fixture *) user_data)->new_vacancy = TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autofree char *outbox_path = NULL;
  const GActionEntry entries[] = {
    { .name = "show-section", .activate = show_section_cb, .parameter_type = "s" },
    { .name = "new-vacancy", .activate = new_vacancy_cb },
  };
  GtkWidget *overlay, *box;

  fixture->portal.contact_quota = data != NULL ? data : "25";
  fixture->portal.dir = g_dir_make_tmp ("werving-contact-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->portal.db = g_build_filename (fixture->portal.dir, "p.db", NULL);
  portal_run (&fixture->portal, 0);
  fixture->client = sign_in (&fixture->portal);
  outbox_path = g_build_filename (fixture->portal.dir, "outbox.json", NULL);
  fixture->outbox = werving_outbox_new (fixture->client, outbox_path, &error);
  g_assert_no_error (error);
  /* Retry quickly once the portal is back. */
  g_object_set (fixture->outbox, "initial-backoff-ms", 200, NULL);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  g_action_map_add_action_entries (G_ACTION_MAP (win), entries, G_N_ELEMENTS (entries), fixture);
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (win));
  overlay = adw_toast_overlay_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  fixture->cv_view = g_object_new (WERVING_TYPE_CV_VIEW, "hexpand", TRUE, NULL);
  fixture->vacancies_page = g_object_new (WERVING_TYPE_VACANCIES_PAGE, NULL);
  fixture->messages_page = g_object_new (WERVING_TYPE_MESSAGES_PAGE, "hexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->cv_view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->vacancies_page));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->messages_page));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));

  werving_cv_view_set_client (fixture->cv_view, fixture->client);
  werving_cv_view_set_outbox (fixture->cv_view, fixture->outbox);
  werving_messages_page_set_outbox (fixture->messages_page, fixture->outbox);
  werving_messages_page_set_client (fixture->messages_page, fixture->client);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  werving_outbox_wipe (fixture->outbox);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (50);
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->section, g_free);
  portal_stop (&fixture->portal);
}

static gboolean
cv_shown (gpointer data)
{
  return g_strcmp0 (werving_cv_view_get_state (data), "cv") == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static WervingContactDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WERVING_IS_CONTACT_DIALOG (window))
        return WERVING_CONTACT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
dialog_settled (gpointer data)
{
  const char *state = werving_contact_dialog_get_state (data);

  return g_strcmp0 (state, "loading") != 0;
}

/* Opens CV @cv_id and clicks "Contact about Vacancy…". */
static WervingContactDialog *
open_contact (Fixture *fixture,
              gint64   cv_id)
{
  GtkWidget *button;
  WervingContactDialog *dialog;

  werving_cv_view_open (fixture->cv_view, cv_id);
  g_assert_true (wait_for (cv_shown, fixture->cv_view, WAIT_MS));
  button = find_button (GTK_WIDGET (fixture->cv_view), "Contact about Vacancy…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (find_dialog ());
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Contact Candidate");
  g_assert_true (wait_for (dialog_settled, dialog, WAIT_MS));
  return dialog;
}

static char *
buffer_text (WervingContactDialog *dialog)
{
  GtkTextBuffer *buffer = werving_contact_dialog_get_buffer (dialog);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Tests */

static void
test_active_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(WervingPage) all = list_vacancies (fixture->client, NULL);
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  WervingContactDialog *dialog;
  GListModel *offered;
  guint active = 0;

  /* The demo organisation has drafts, closed and expired vacancies too. */
  g_assert_cmpint (werving_page_get_count (all, "draft"), >, 0);
  g_assert_cmpint (werving_page_get_count (all, "closed") + werving_page_get_count (all, "expired"), >, 0);
  active = (guint) werving_page_get_count (all, "active");
  g_assert_cmpuint (active, >, 0);

  dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));
  g_assert_cmpstr (werving_contact_dialog_get_state (dialog), ==, "compose");
  offered = werving_contact_dialog_get_vacancies (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, active);
  for (guint i = 0; i < g_list_model_get_n_items (offered); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (offered, i);

      g_assert_cmpstr (werving_vacancy_get_status (vacancy), ==, "active");
    }
  g_assert_cmpint (werving_contact_dialog_get_vacancy_id (dialog), >, 0);
  /* A row per vacancy, titled with the vacancy's title. */
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "Publish a Vacancy…"));
  {
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                    WERVING_TYPE_CONTACT_DIALOG,
                                                                    "vacancy_list"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    g_assert_nonnull (row);
    g_assert_null (gtk_list_box_get_row_at_index (list, (int) active));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, ACTIVE_TITLE);
  }
  g_assert_true (werving_contact_dialog_get_can_send (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_no_active_vacancy (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WervingPage) active = list_vacancies (fixture->client, "active");
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  WervingContactDialog *dialog;
  GtkWidget *label;
  GtkWidget *publish;

  for (guint i = 0; i < werving_page_get_n_items (active); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (werving_page_get_items (active), i);

      close_vacancy (fixture->client, werving_vacancy_get_id (vacancy));
    }

  dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));
  g_assert_cmpstr (werving_contact_dialog_get_state (dialog), ==, "none");
  g_assert_cmpuint (g_list_model_get_n_items (werving_contact_dialog_get_vacancies (dialog)), ==, 0);
  label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), WERVING_TYPE_CONTACT_DIALOG, "none_label"));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)),
                                   "You can only contact candidates about an active vacancy"));
  publish = find_button (GTK_WIDGET (dialog), "Publish a Vacancy…");
  g_assert_nonnull (publish);
  g_assert_true (gtk_widget_get_mapped (publish));

  /* R2: nothing can be sent, not even by the shortcut's action. */
  g_assert_false (werving_contact_dialog_get_can_send (dialog));
  gtk_text_buffer_set_text (werving_contact_dialog_get_buffer (dialog), "Hallo", -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.send", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->outbox)), ==, 0);

  /* The demo has a draft: Publish goes to the drafts. */
  g_signal_emit_by_name (publish, "clicked");
  g_assert_true (wait_for (dialog_gone, NULL, WAIT_MS));
  g_assert_cmpstr (fixture->section, ==, "vacancies");
  g_assert_false (fixture->new_vacancy);
  {
    g_autofree char *filter = NULL;

    g_object_get (fixture->vacancies_page, "status-filter", &filter, NULL);
    g_assert_cmpstr (filter, ==, "draft");
  }
  spin (200);
  g_assert_cmpuint (count_threads (fixture->client, g_array_index (cvs, gint64, 0), NULL), ==, 0);

  /* Without drafts either, it starts a new vacancy. */
  {
    g_autoptr(WervingPage) drafts = list_vacancies (fixture->client, "draft");

    for (guint i = 0; i < werving_page_get_n_items (drafts); i++)
      {
        g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (werving_page_get_items (drafts), i);
        g_autoptr(GAsyncResult) result = NULL;

        werving_client_delete_vacancy_async (fixture->client, werving_vacancy_get_id (vacancy), NULL,
                                             store_result_cb, &result);
        g_assert_true (wait_for (result_set, &result, WAIT_MS));
        g_assert_true (werving_client_delete_vacancy_finish (fixture->client, result, NULL));
      }
  }
  g_clear_pointer (&fixture->section, g_free);
  dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));
  g_assert_cmpstr (werving_contact_dialog_get_state (dialog), ==, "none");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.publish", NULL));
  g_assert_true (wait_for (dialog_gone, NULL, WAIT_MS));
  g_assert_true (fixture->new_vacancy);
  g_assert_null (fixture->section);
}

static void
test_template_fills_title (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  g_autoptr(GSettings) settings = werving_templates_get_settings ();
  g_autofree char *text = NULL;
  WervingContactDialog *dialog;

  g_assert_nonnull (settings);
  dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));
  g_assert_cmpstr (werving_contact_dialog_get_state (dialog), ==, "compose");
  text = buffer_text (dialog);
  g_assert_nonnull (strstr (text, "“" ACTIVE_TITLE "”"));
  g_assert_null (strstr (text, WERVING_TEMPLATE_VACANCY));

  /* Another built-in one replaces the untouched text. */
  werving_contact_dialog_select_template (dialog, "interview");
  g_clear_pointer (&text, g_free);
  text = buffer_text (dialog);
  g_assert_nonnull (strstr (text, "interview"));
  g_assert_nonnull (strstr (text, ACTIVE_TITLE));
  g_assert_null (strstr (text, "came across your CV"));

  /* A template of the user's own, from GSettings, is offered at once. */
  {
    const char *names[] = { "Korte vraag", NULL };
    const char *texts[] = { "Interesse in {vacancy}? Laat het weten.", NULL };

    werving_templates_set_user (settings, names, texts);
  }
  werving_contact_dialog_select_template (dialog, "user-0");
  g_clear_pointer (&text, g_free);
  text = buffer_text (dialog);
  g_assert_cmpstr (text, ==, "Interesse in " ACTIVE_TITLE "? Laat het weten.");

  /* What the user wrote is kept: a template then goes in at the cursor. */
  gtk_text_buffer_set_text (werving_contact_dialog_get_buffer (dialog), "Eigen tekst. ", -1);
  werving_contact_dialog_select_template (dialog, "user-0");
  g_clear_pointer (&text, g_free);
  text = buffer_text (dialog);
  g_assert_cmpstr (text, ==, "Eigen tekst. Interesse in " ACTIVE_TITLE "? Laat het weten.");
  g_settings_reset (settings, WERVING_TEMPLATES_KEY);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
quota_known (gpointer data)
{
  return strstr (werving_contact_dialog_get_quota_text (data), "not known") == NULL;
}

static gboolean
quota_used_up (gpointer data)
{
  return g_str_has_prefix (werving_contact_dialog_get_quota_text (data), "0 of");
}

static gboolean
thread_listed (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  gint64 cv_id = *(gint64 *) ((gpointer *) data)[1];
  GListModel *threads = werving_messages_page_get_threads (fixture->messages_page);

  for (guint i = 0; i < g_list_model_get_n_items (threads); i++)
    {
      g_autoptr(WervingThread) thread = g_list_model_get_item (threads, i);

      if (werving_thread_get_cv_id (thread) == cv_id)
        return TRUE;
    }
  return FALSE;
}

/* Sends the dialog's text and waits until the dialog is gone (delivered). */
static void
send_and_wait (WervingContactDialog *dialog)
{
  g_assert_true (werving_contact_dialog_get_can_send (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.send", NULL));
  g_assert_true (wait_for (dialog_gone, NULL, WAIT_MS));
}

static void
test_send_creates_one_thread (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  gint64 cv_id = g_array_index (cvs, gint64, 0);
  gpointer wait[] = { fixture, &cv_id };
  guint before = count_threads (fixture->client, 0, NULL);
  WervingContactDialog *dialog;
  gint64 thread_id = 0;

  dialog = open_contact (fixture, cv_id);
  send_and_wait (dialog);

  /* Exactly one thread on the portal, with the template's text. */
  g_assert_cmpuint (count_threads (fixture->client, cv_id, &thread_id), ==, 1);
  g_assert_cmpuint (count_threads (fixture->client, 0, NULL), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->outbox)), ==, 0);
  /* And the Messages section lists it. */
  g_assert_true (wait_for (thread_listed, wait, WAIT_MS));

  /* Contacting again offers that conversation instead of a second one. */
  dialog = open_contact (fixture, cv_id);
  g_assert_cmpstr (werving_contact_dialog_get_state (dialog), ==, "compose");
  g_assert_false (werving_contact_dialog_get_can_send (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                    WERVING_TYPE_CONTACT_DIALOG,
                                                                                    "open_button"))));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.send", NULL);
  spin (300);
  g_assert_cmpuint (count_threads (fixture->client, cv_id, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Highlighted in the thread list when opened (also from a notification). */
  werving_messages_page_open_thread (fixture->messages_page, thread_id);
  {
    GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->messages_page),
                                                                      WERVING_TYPE_MESSAGES_PAGE, "list_view"));
    GtkSelectionModel *model = gtk_list_view_get_model (list);
    WervingThread *selected;

    g_assert_true (GTK_IS_SINGLE_SELECTION (model));
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
    g_assert_nonnull (selected);
    g_assert_cmpint (werving_thread_get_id (selected), ==, thread_id);
  }
}

static void
test_quota (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 3);
  WervingQuota *quota = werving_client_get_quota (fixture->client);
  WervingContactDialog *dialog;
  g_autofree char *expected = NULL;
  gint64 remaining;

  dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));
  g_assert_true (wait_for (quota_known, dialog, WAIT_MS));
  /* Started with --contact-quota 2; the demo thread may count for today. */
  g_assert_cmpint (werving_quota_get_new_contacts_limit (quota), ==, 2);
  remaining = werving_quota_get_new_contacts_remaining (quota);
  g_assert_cmpint (remaining, >, 0);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " of 2 new contacts left today", remaining);
  g_assert_cmpstr (werving_contact_dialog_get_quota_text (dialog), ==, expected);

  /* Use the allowance up, one candidate at a time. */
  for (guint i = 0; remaining > 0; i++, remaining--)
    {
      if (i > 0)
        dialog = open_contact (fixture, g_array_index (cvs, gint64, i));
      send_and_wait (dialog);
    }

  dialog = open_contact (fixture, g_array_index (cvs, gint64, 2));
  g_assert_true (wait_for (quota_used_up, dialog, WAIT_MS));
  g_assert_cmpstr (werving_contact_dialog_get_quota_text (dialog), ==, "0 of 2 new contacts left today");
  g_assert_false (werving_contact_dialog_get_can_send (dialog));
  g_assert_nonnull (werving_contact_dialog_get_reason (dialog));
  g_assert_nonnull (strstr (werving_contact_dialog_get_reason (dialog), "as many new candidates today"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.send", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->outbox)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_body_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  WervingContactDialog *dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));
  g_autofree char *long_text = g_strnfill (5001, 'a');

  g_assert_true (werving_contact_dialog_get_can_send (dialog));
  gtk_text_buffer_set_text (werving_contact_dialog_get_buffer (dialog), "   \n ", -1);
  g_assert_false (werving_contact_dialog_get_can_send (dialog));
  g_assert_cmpstr (werving_contact_dialog_get_reason (dialog), ==, "Write a message to send.");
  gtk_text_buffer_set_text (werving_contact_dialog_get_buffer (dialog), long_text, -1);
  g_assert_false (werving_contact_dialog_get_can_send (dialog));
  g_assert_nonnull (strstr (werving_contact_dialog_get_reason (dialog), "A message can be at most"));
  long_text[5000] = '\0';
  gtk_text_buffer_set_text (werving_contact_dialog_get_buffer (dialog), long_text, -1);
  g_assert_true (werving_contact_dialog_get_can_send (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
waiting_shown (gpointer data)
{
  return g_strcmp0 (werving_contact_dialog_get_state (data), "waiting") == 0;
}

static void
test_outage_queued (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  gint64 cv_id = g_array_index (cvs, gint64, 0);
  gpointer wait[] = { fixture, &cv_id };
  WervingContactDialog *dialog = open_contact (fixture, cv_id);
  guint port = fixture->portal.port;
  GtkWidget *waiting_label;

  portal_kill (&fixture->portal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.send", NULL));
  g_assert_true (wait_for (waiting_shown, dialog, WAIT_MS));
  waiting_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), WERVING_TYPE_CONTACT_DIALOG,
                                                             "waiting_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (waiting_label)), "goes out as soon as"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->outbox)), ==, 1);

  /* Closing only hides it: the message still waits, and is announced. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_dialog ());

  portal_run (&fixture->portal, port);
  werving_outbox_flush (fixture->outbox);
  g_assert_true (wait_for (dialog_gone, NULL, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->outbox)), ==, 0);
  spin (1000);
  g_assert_cmpuint (count_threads (fixture->client, cv_id, NULL), ==, 1);
  g_assert_true (wait_for (thread_listed, wait, WAIT_MS));
}

/* Signing out wipes the outbox: a dialog waiting in the background goes. */
static void
test_wiped_while_waiting (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) cvs = free_cvs (fixture->client, 1);
  WervingContactDialog *dialog = open_contact (fixture, g_array_index (cvs, gint64, 0));

  portal_kill (&fixture->portal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.send", NULL));
  g_assert_true (wait_for (waiting_shown, dialog, WAIT_MS));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (find_dialog ());
  werving_outbox_wipe (fixture->outbox);
  g_assert_true (wait_for (dialog_gone, NULL, WAIT_MS));
}

static gboolean
threads_loaded (gpointer data)
{
  return g_list_model_get_n_items (werving_messages_page_get_threads (data)) > 0;
}

static void
test_conversation_template (Fixture       *fixture,
                            gconstpointer  data)
{
  WervingConversationView *view = werving_messages_page_get_conversation_view (fixture->messages_page);
  GtkTextBuffer *buffer = werving_conversation_view_get_buffer (view);
  g_autoptr(WervingThread) thread = NULL;
  g_autoptr(WervingTemplate) template = werving_templates_lookup (NULL, "follow-up");
  g_autofree char *filled = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  GtkTextIter iter, start, end;

  g_assert_true (wait_for (threads_loaded, fixture->messages_page, WAIT_MS));
  thread = g_list_model_get_item (werving_messages_page_get_threads (fixture->messages_page), 0);
  werving_messages_page_open_thread (fixture->messages_page, werving_thread_get_id (thread));
  g_assert_cmpstr (werving_thread_get_vacancy_title (thread), ==, ACTIVE_TITLE);

  /* Inserted where the cursor is, {vacancy} filled with the thread's vacancy. */
  gtk_text_buffer_set_text (buffer, "Begin. Eind.", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 7);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "conversation.insert-template", "s", "follow-up"));
  filled = werving_templates_fill (template->text, ACTIVE_TITLE);
  g_assert_nonnull (strstr (filled, "“" ACTIVE_TITLE "”"));
  expected = g_strconcat ("Begin. ", filled, "Eind.", NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, expected);
  gtk_text_buffer_set_text (buffer, "", -1);

  /* The composer's Template menu lists the templates and Manage. */
  {
    g_autoptr(GMenuModel) menu = werving_templates_build_menu (NULL, "conversation.insert-template",
                                                               "conversation.manage-templates");
    GMenuModel *first = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autofree char *label = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (first), ==, 4);
    g_menu_model_get_item_attribute (first, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
    g_assert_cmpstr (label, ==, "First Contact");
    g_object_unref (first);
  }
}

static void
test_manage_templates (void)
{
  g_autoptr(GSettings) settings = werving_templates_get_settings ();
  WervingTemplatesWindow *window;
  g_autoptr(GPtrArray) list = NULL;
  GObject *name_row, *text_view;
  WervingTemplate *own;

  g_assert_nonnull (settings);
  g_settings_reset (settings, WERVING_TEMPLATES_KEY);
  window = werving_templates_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "templates.add", NULL));
  name_row = gtk_widget_get_template_child (GTK_WIDGET (window), WERVING_TYPE_TEMPLATES_WINDOW, "name_row");
  text_view = gtk_widget_get_template_child (GTK_WIDGET (window), WERVING_TYPE_TEMPLATES_WINDOW, "text_view");
  /* Without a name nothing is saved. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "Over {vacancy}.", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.save", NULL);
  {
    g_autoptr(GVariant) value = g_settings_get_value (settings, WERVING_TEMPLATES_KEY);

    g_assert_cmpuint (g_variant_n_children (value), ==, 0);
  }
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Terugbellen");
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.save", NULL);

  list = werving_templates_list (settings);
  g_assert_cmpuint (list->len, ==, 5);
  own = g_ptr_array_index (list, 4);
  g_assert_false (own->built_in);
  g_assert_cmpstr (own->name, ==, "Terugbellen");
  g_assert_cmpstr (own->text, ==, "Over {vacancy}.");

  /* Edit, then remove. */
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.edit", "u", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Terugbellen");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Even bellen");
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.save", NULL);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = werving_templates_list (settings);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpstr (((WervingTemplate *) g_ptr_array_index (list, 4))->name, ==, "Even bellen");
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.remove", "u", 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = werving_templates_list (settings);
  g_assert_cmpuint (list->len, ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("werving-contact-data-XXXXXX", &error);
  int status;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add ("/ui/contact/only-active-vacancies", Fixture, NULL,
              fixture_set_up, test_active_only, fixture_tear_down);
  g_test_add ("/ui/contact/no-active-vacancy-explains-r2", Fixture, NULL,
              fixture_set_up, test_no_active_vacancy, fixture_tear_down);
  g_test_add ("/ui/contact/template-fills-vacancy-title", Fixture, NULL,
              fixture_set_up, test_template_fills_title, fixture_tear_down);
  g_test_add ("/ui/contact/body-rules", Fixture, NULL,
              fixture_set_up, test_body_rules, fixture_tear_down);
  g_test_add ("/ui/contact/send-creates-one-thread", Fixture, NULL,
              fixture_set_up, test_send_creates_one_thread, fixture_tear_down);
  g_test_add ("/ui/contact/new-contact-quota", Fixture, "2",
              fixture_set_up, test_quota, fixture_tear_down);
  g_test_add ("/ui/contact/outage-queued-sent-once", Fixture, NULL,
              fixture_set_up, test_outage_queued, fixture_tear_down);

  g_test_add ("/ui/contact/wiped-while-waiting", Fixture, NULL,
              fixture_set_up, test_wiped_while_waiting, fixture_tear_down);
  g_test_add ("/ui/contact/conversation-template-at-cursor", Fixture, NULL,
              fixture_set_up, test_conversation_template, fixture_tear_down);
  g_test_add_func ("/ui/contact/manage-templates", test_manage_templates);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
