/* test-offline.c: the vacancies section while the portal cannot be reached
 *
 * Against a real portal that the test stops and starts again on the same
 * port: the list stays readable from the on-disk cache (0600), also for a
 * page created while the portal is down; the offline bar shows and hides;
 * publishing is off while offline; an edit and a new vacancy saved offline
 * wait in the outbox, show "Waiting to send" on their rows and in the
 * editor, and reach the portal exactly once when it is back; the cache goes
 * with the wipe that sign-out runs.
 * Runs under tools/test-env.sh (Xvfb, throw-away HOME); needs WERVING_PORTAL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "werving-account-store.h"
#include "werving-outbox-status.h"
#include "werving-test-portal.h"
#include "werving-vacancies-page.h"
#include "werving-vacancy-actions.h"
#include "werving-vacancy-cache.h"
#include "werving-vacancy-editor.h"
#include "werving-vacancy-row.h"

#define WAIT_MS 30000
#define CALL WERVING_TEST_CALL

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
  guint id = g_timeout_add (WAIT_MS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* With WERVING_SCREENSHOT_DIR set, saves the screen (Xvfb) there. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("WERVING_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  gboolean done = FALSE;

  if (dir == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (500, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Widgets */

static GtkWidget *
new_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static WervingVacancyRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      WervingVacancyRow *found;

      if (WERVING_IS_VACANCY_ROW (child) && werving_vacancy_row_get_vacancy (WERVING_VACANCY_ROW (child)) != NULL &&
          g_strcmp0 (werving_vacancy_get_title (werving_vacancy_row_get_vacancy (WERVING_VACANCY_ROW (child))), title) == 0)
        return WERVING_VACANCY_ROW (child);
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
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

/* What the first visible outbox status below @widget says. */
static const char *
outbox_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (WERVING_IS_OUTBOX_STATUS (child) && gtk_widget_get_visible (child))
        return werving_outbox_status_get_text (WERVING_OUTBOX_STATUS (child));
      if ((found = outbox_text (child)) != NULL)
        return found;
    }
  return NULL;
}

static gint64
count_titled (GListModel *model,
              const char *title)
{
  gint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (model, i);

      n += g_strcmp0 (werving_vacancy_get_title (vacancy), title) == 0;
    }
  return n;
}

/* Predicates */

typedef struct
{
  WervingVacanciesPage *page;
  GtkWidget            *window;
  const char           *title;
  const char           *text;   /* expected outbox text on the row, NULL: none */
} RowCheck;

static gboolean
page_lists (gpointer data)
{
  RowCheck *check = data;

  return count_titled (werving_vacancies_page_get_model (check->page), check->title) == 1;
}

static gboolean
row_shows (gpointer data)
{
  RowCheck *check = data;
  WervingVacancyRow *row = find_row (check->window, check->title);

  return row != NULL && g_strcmp0 (werving_vacancy_row_get_outbox_text (row), check->text) == 0;
}

static gboolean
page_offline (gpointer data)
{
  return werving_vacancies_page_get_offline_message (data) != NULL;
}

static gboolean
page_online (gpointer data)
{
  return werving_vacancies_page_get_offline_message (data) == NULL;
}

static gboolean
outbox_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0;
}

static gboolean
editor_knows_organisation (gpointer data)
{
  return werving_vacancy_editor_get_organisation (data) != NULL;
}

static gboolean
actions_know_organisation (gpointer data)
{
  return werving_vacancy_actions_get_organisation (data) != NULL;
}

/* The portal has exactly one vacancy with this title. */
static WervingVacancy *
portal_vacancy (WervingClient *client,
                const char    *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = CALL (client, &error, list_vacancies, NULL, NULL, 100);
  GListModel *items;

  g_assert_no_error (error);
  items = werving_page_get_items (page);
  g_assert_cmpint (count_titled (items, title), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (items, i);

      if (g_strcmp0 (werving_vacancy_get_title (vacancy), title) == 0)
        return g_steal_pointer (&vacancy);
    }
  g_assert_not_reached ();
}

static WervingVacancy *
create_draft (WervingClient *client,
              const char    *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) form = werving_vacancy_new ();
  WervingVacancy *created;

  werving_vacancy_set_title (form, title);
  werving_vacancy_set_description (form, "Onderhoud aan installaties in de regio.");
  werving_vacancy_set_place (form, "Amersfoort");
  created = CALL (client, &error, create_vacancy, form, NULL);
  g_assert_no_error (error);
  return created;
}

static void
set_text (WervingVacancyEditor *editor,
          const char           *field,
          const char           *text)
{
  GtkWidget *widget = werving_vacancy_editor_get_field_widget (editor, field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Tests */

static void
test_cached_list (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingVacancy) draft = NULL;
  g_autoptr(WervingVacancyActions) actions = NULL;
  g_autoptr(GListStore) cached = NULL;
  g_autoptr(GDateTime) loaded_at = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  const char *title = "Monteur buitendienst (cache)";
  WervingVacanciesPage *page;
  GtkWidget *window;
  RowCheck check = { 0 };
  guint n_listed;
  GStatBuf st;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  draft = create_draft (client, title);

  page = g_object_new (WERVING_TYPE_VACANCIES_PAGE, NULL);
  window = new_window (GTK_WIDGET (page));
  werving_vacancies_page_set_client (page, client);
  check.page = page;
  check.window = window;
  check.title = title;
  g_assert_true (wait_for (page_lists, &check));
  g_assert_null (werving_vacancies_page_get_offline_message (page));
  n_listed = g_list_model_get_n_items (werving_vacancies_page_get_model (page));
  g_assert_cmpuint (n_listed, >, 1);

  /* The complete list is on disk, for this user only. */
  path = werving_vacancy_cache_get_path (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
  g_assert_true (g_str_has_prefix (path, g_get_user_cache_dir ()));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, title));
  cached = werving_vacancy_cache_load (path, &loaded_at, NULL);
  g_assert_nonnull (cached);
  g_assert_nonnull (loaded_at);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cached)), ==, n_listed);

  /* Publishing is possible while the portal answers. */
  actions = werving_vacancy_actions_new (GTK_WINDOW (window));
  werving_vacancy_actions_set_client (actions, client);
  werving_vacancy_actions_set_vacancy (actions, draft);
  g_assert_true (wait_for (actions_know_organisation, actions));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "publish"));

  /* The portal goes away; the page is made again (a restart of the app). */
  werving_test_portal_kill (portal);
  destroy_window (window);
  page = g_object_new (WERVING_TYPE_VACANCIES_PAGE, NULL);
  window = new_window (GTK_WIDGET (page));
  werving_vacancies_page_set_client (page, client);
  check.page = page;
  check.window = window;
  g_assert_true (wait_for (page_offline, page));
  {
    /* "… loaded at %s; …": the time of the cached list. */
    g_auto(GStrv) parts = g_strsplit (_("Cannot reach the portal. Showing the vacancies loaded at %s; changes wait and are sent when it is back."), "%s", 2);

    g_assert_true (g_str_has_prefix (werving_vacancies_page_get_offline_message (page), parts[0]));
    g_assert_true (g_str_has_suffix (werving_vacancies_page_get_offline_message (page), parts[1]));
  }
  g_test_message ("offline: %s", werving_vacancies_page_get_offline_message (page));
  g_assert_true (page_lists (&check));
  g_assert_cmpuint (g_list_model_get_n_items (werving_vacancies_page_get_model (page)), ==, n_listed);
  g_assert_true (wait_for (row_shows, &check));   /* readable: a row on screen */
  g_assert_false (werving_client_get_reachable (client));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (
    gtk_widget_get_ancestor (GTK_WIDGET (find_row (window, title)), GTK_TYPE_LIST_VIEW)))), 0);
  screenshot (window, "offline-cached-list.png");

  /* Publish, close, renew and delete need the portal's verdict. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "publish"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "delete"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "edit"));

  /* Back on the same port: Retry brings the live list and hides the bar. */
  werving_test_portal_restart (portal);
  gtk_widget_activate_action (GTK_WIDGET (page), "vacancies.reload", NULL);
  g_assert_true (wait_for (page_online, page));
  g_assert_true (werving_client_get_reachable (client));
  g_assert_true (page_lists (&check));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (actions), "publish"));

  /* Sign-out wipes it (R9): the window runs this for the account. */
  werving_vacancies_page_set_client (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (werving_vacancies_page_get_model (page)), ==, 0);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (werving_account_wipe_local_data (werving_client_get_base_url (client),
                                                    WERVING_TEST_DEMO_ORG, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  /* The cache's own wipe, for callers without the account store. */
  g_assert_true (werving_vacancy_cache_save (path, G_LIST_MODEL (cached), loaded_at, NULL));
  werving_vacancy_cache_wipe (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_clear_object (&actions);
  destroy_window (window);
}

static void
test_queued_edits (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(WervingVacancy) draft = NULL;
  g_autoptr(WervingVacancy) edited = NULL;
  g_autoptr(WervingVacancy) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *outbox_path = NULL;
  g_autofree char *edit_draft = NULL;
  g_autofree char *new_draft = NULL;
  const char *title = "Monteur buitendienst";
  const char *new_title = "Monteur buitendienst (offline bewerkt)";
  const char *created_title = "Elektricien (offline aangemaakt)";
  WervingVacanciesPage *page;
  WervingVacancyEditor *editor;
  WervingVacancyEditor *creator;
  GtkWidget *window, *editor_window, *creator_window;
  RowCheck check = { 0 };
  RowCheck check_new = { 0 };

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  draft = create_draft (client, title);
  tmp = g_dir_make_tmp ("werving-offline-XXXXXX", &error);
  g_assert_no_error (error);
  outbox_path = g_build_filename (tmp, "outbox.json", NULL);
  outbox = werving_outbox_new (client, outbox_path, &error);
  g_assert_no_error (error);
  /* Only the portal's return may send it, not a timer. */
  g_object_set (outbox, "initial-backoff-ms", 300000, NULL);

  page = g_object_new (WERVING_TYPE_VACANCIES_PAGE, NULL);
  window = new_window (GTK_WIDGET (page));
  werving_vacancies_page_set_outbox (page, outbox);
  werving_vacancies_page_set_client (page, client);
  check.page = page;
  check.window = window;
  check.title = title;
  g_assert_true (wait_for (page_lists, &check));

  editor = WERVING_VACANCY_EDITOR (werving_vacancy_editor_new ());
  editor_window = new_window (GTK_WIDGET (editor));
  werving_vacancy_editor_set_client (editor, client);
  werving_vacancy_editor_set_outbox (editor, outbox);
  werving_vacancy_editor_load (editor, draft);
  g_assert_true (wait_for (editor_knows_organisation, editor));
  g_assert_true (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (editor), "editor.publish")));

  creator = WERVING_VACANCY_EDITOR (werving_vacancy_editor_new ());
  creator_window = new_window (GTK_WIDGET (creator));
  werving_vacancy_editor_set_client (creator, client);
  werving_vacancy_editor_set_outbox (creator, outbox);
  werving_vacancy_editor_load (creator, NULL);

  /* The portal goes away; the page notices and says so. */
  werving_test_portal_kill (portal);
  gtk_widget_activate_action (GTK_WIDGET (page), "vacancies.reload", NULL);
  g_assert_true (wait_for (page_offline, page));
  g_assert_true (page_lists (&check));

  /* Publishing is off in the editor too, with the reason on the button. */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (editor), "editor.publish")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_action_button (GTK_WIDGET (editor), "editor.publish")), ==,
                   _("Publishing needs the portal, which cannot be reached right now"));

  /* An edit saved offline waits, shown on its row and in the editor. */
  set_text (editor, "title", new_title);
  werving_vacancy_editor_save (editor, FALSE);
  g_assert_nonnull (werving_vacancy_editor_get_queued_item (editor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  edit_draft = werving_vacancy_editor_get_draft_path (editor);
  g_assert_true (g_file_test (edit_draft, G_FILE_TEST_IS_REGULAR));
  check.text = _("Waiting to send");
  g_assert_true (wait_for (row_shows, &check));
  /* The editor's status shows the same sentence. */
  g_assert_cmpstr (outbox_text (GTK_WIDGET (editor)), ==, _("Waiting to send"));

  /* A new vacancy saved offline waits as a row of its own. */
  set_text (creator, "title", created_title);
  set_text (creator, "description", "Installaties aanleggen en onderhouden.");
  set_text (creator, "place", "Zwolle");
  werving_vacancy_editor_save (creator, FALSE);
  g_assert_nonnull (werving_vacancy_editor_get_queued_item (creator));
  new_draft = werving_vacancy_editor_get_draft_path (creator);
  g_assert_true (g_file_test (new_draft, G_FILE_TEST_IS_REGULAR));
  /* Saved again while waiting: it replaces the waiting item, no second one. */
  set_text (creator, "place", "Zwolle-Zuid");
  werving_vacancy_editor_save (creator, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 2);
  check_new.page = page;
  check_new.window = window;
  check_new.title = created_title;
  check_new.text = _("Waiting to send");
  g_assert_true (wait_for (page_lists, &check_new));
  g_assert_true (wait_for (row_shows, &check_new));
  gtk_widget_set_visible (creator_window, FALSE);
  screenshot (editor_window, "offline-editor-waiting.png");
  gtk_widget_set_visible (editor_window, FALSE);
  screenshot (window, "offline-list-waiting.png");
  gtk_widget_set_visible (editor_window, TRUE);
  gtk_widget_set_visible (creator_window, TRUE);

  /* Back on the same port: the first answer sends everything, once. */
  werving_test_portal_restart (portal);
  gtk_widget_activate_action (GTK_WIDGET (page), "vacancies.reload", NULL);
  g_assert_true (wait_for (page_online, page));
  g_assert_true (wait_for (outbox_empty, outbox));
  check.title = new_title;
  check.text = NULL;
  g_assert_true (wait_for (page_lists, &check));
  g_assert_true (wait_for (row_shows, &check));
  check_new.text = NULL;
  g_assert_true (wait_for (row_shows, &check_new));

  g_assert_null (werving_vacancy_editor_get_queued_item (editor));
  g_assert_null (werving_vacancy_editor_get_queued_item (creator));
  g_assert_null (outbox_text (GTK_WIDGET (editor)));
  /* The new vacancy's editor now holds its id: a further save updates it. */
  g_assert_nonnull (werving_vacancy_editor_get_vacancy (creator));
  g_assert_cmpint (werving_vacancy_get_id (werving_vacancy_editor_get_vacancy (creator)), >, 0);
  g_assert_true (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (editor), "editor.publish")));

  /* The drafts held exactly what arrived: gone. */
  g_assert_false (g_file_test (edit_draft, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (new_draft, G_FILE_TEST_EXISTS));

  /* Exactly once, also a moment later. */
  werving_test_sleep (1000);
  edited = portal_vacancy (client, new_title);
  g_assert_cmpint (werving_vacancy_get_id (edited), ==, werving_vacancy_get_id (draft));
  created = portal_vacancy (client, created_title);
  g_assert_cmpstr (werving_vacancy_get_place (created), ==, "Zwolle-Zuid");
  g_assert_cmpint (werving_vacancy_get_id (created), ==,
                   werving_vacancy_get_id (werving_vacancy_editor_get_vacancy (creator)));
  {
    g_autoptr(WervingPage) all = CALL (client, &error, list_vacancies, NULL, NULL, 100);

    g_assert_no_error (error);
    g_assert_cmpint (count_titled (werving_page_get_items (all), title), ==, 0);
  }

  destroy_window (creator_window);
  destroy_window (editor_window);
  destroy_window (window);
  g_unlink (outbox_path);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Screenshots in another language (tools: a .mo built from po/nl.po). */
  if (g_getenv ("WERVING_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERVING_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/ui/offline/cached-list-and-bar", test_cached_list);
  g_test_add_func ("/ui/offline/queued-edits", test_queued_edits);

  return g_test_run ();
}
