/* test-startup.c: a returning user's start, in the real window against a
 * real portal (stopped and started again on the same port) and a real
 * keyring (tools/test-env.sh)
 *
 * A remembered account (last portal and e-mail in GSettings, refresh token
 * in the keyring) signs in silently, started by the application's start-up
 * (when run as the first test) before its window exists; the first start lists the vacancies and keeps them on
 * disk. A start while the portal is down opens the main window offline,
 * never the sign-in page: the vacancies readable from the disk with the
 * "cannot reach the portal" bar, a change queued before shown waiting, the
 * other sections saying they need the portal, nothing sent but the sign-in.
 * Retry while it is still down tries the sign-in only. The portal back, the
 * window signs in on its own, the sections load and the queued change
 * reaches the portal exactly once. A revoked refresh token leads to the
 * sign-in page with the reason, and nothing of the account stays shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "werving-account-store.h"
#include "werving-application.h"
#include "werving-candidates-page.h"
#include "werving-keyring.h"
#include "werving-messages-page.h"
#include "werving-test-portal.h"
#include "werving-vacancies-page.h"
#include "werving-vacancy-cache.h"
#include "werving-vacancy-row.h"
#include "werving-window.h"

#define WAIT_MS 30000
#define CALL WERVING_TEST_CALL
#define DEMO_VACANCY "Medior softwareontwikkelaar"

static WervingApplication *app;

/* Registered on first use: its start-up reads the settings of that moment
 * (one application per process and bus). */
static WervingApplication *
application (void)
{
  g_autoptr(GError) error = NULL;

  if (!g_application_get_is_registered (G_APPLICATION (app)))
    {
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return app;
}

/* Main loop */

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

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* With WERVING_SCREENSHOT_DIR set, saves the screen (Xvfb) there. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("WERVING_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  werving_test_sleep (500);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Keyring and settings: what a returning user left behind */

static char *
keyring_lookup (const char *portal,
                const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  werving_keyring_lookup_async (portal, email, WERVING_KEYRING_REFRESH_TOKEN, NULL,
                                werving_test_store_result, &result);
  g_assert_true (wait_for (result_set, &result));
  secret = werving_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  return secret;
}

static void
keyring_store (const char *portal,
               const char *email,
               const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  werving_keyring_store_async (portal, email, WERVING_KEYRING_REFRESH_TOKEN, token, NULL,
                               werving_test_store_result, &result);
  g_assert_true (wait_for (result_set, &result));
  g_assert_true (werving_keyring_store_finish (result, &error));
  g_assert_no_error (error);
}

static void
keyring_clear (const char *portal,
               const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;

  werving_keyring_clear_async (portal, email, NULL, NULL, werving_test_store_result, &result);
  g_assert_true (wait_for (result_set, &result));
  g_assert_true (werving_keyring_clear_finish (result, NULL));
}

static GSettings *
settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (APP_ID);
  return settings;
}

static void
reset_settings (void)
{
  const char *keys[] = { "accounts", "last-portal-url", "last-account-email", "recent-portal-urls" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings (), keys[i]);
}

/* Signs in as @email with the password and leaves what "Remember me" does:
 * the portal and account in the settings, the refresh token in the keyring.
 * Returns the client (still signed in) for the test's own calls. */
static WervingClient *
remember_account (WervingTestPortal *portal,
                  const char        *email)
{
  WervingClient *client = werving_test_client_new (portal, email);
  const char *base = werving_client_get_base_url (client);

  keyring_store (base, email, werving_session_get_refresh_token (werving_client_get_session (client)));
  werving_account_store_add (settings (), base, email);
  g_settings_set_string (settings (), "last-portal-url", base);
  g_settings_set_string (settings (), "last-account-email", email);
  g_settings_set_strv (settings (), "recent-portal-urls", (const char * const[]) { base, NULL });
  return client;
}

/* Widgets */

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_main_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "sign-in") != NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_mapped_label_starting (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static const char *
main_page (WervingWindow *window)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (window), is_main_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static WervingVacanciesPage *
vacancies_page (WervingWindow *window)
{
  return WERVING_VACANCIES_PAGE (find_widget (GTK_WIDGET (window), is_of_type,
                                              GSIZE_TO_POINTER (WERVING_TYPE_VACANCIES_PAGE)));
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

static WervingVacancyRow *
find_vacancy_row (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      WervingVacancyRow *found;

      if (WERVING_IS_VACANCY_ROW (child) && werving_vacancy_row_get_vacancy (WERVING_VACANCY_ROW (child)) != NULL &&
          g_strcmp0 (werving_vacancy_get_title (werving_vacancy_row_get_vacancy (WERVING_VACANCY_ROW (child))), title) == 0)
        return WERVING_VACANCY_ROW (child);
      if ((found = find_vacancy_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static gboolean
is_account_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "avatar-default-symbolic") == 0;
}

/* The header bar offers New Vacancy (and the account menu) only when the
 * actions are enabled. */
static gboolean
can_act (WervingWindow *window)
{
  GtkWidget *new_vacancy = find_widget (GTK_WIDGET (window), has_action_name, "win.new-vacancy");
  GtkWidget *accounts = find_widget (GTK_WIDGET (window), is_account_menu, NULL);

  g_assert_nonnull (new_vacancy);
  g_assert_nonnull (accounts);
  g_assert_cmpint (gtk_widget_get_visible (new_vacancy), ==, gtk_widget_get_visible (accounts));
  return gtk_widget_get_visible (new_vacancy) && gtk_widget_get_sensitive (new_vacancy);
}

/* Watches the main stack: whether the sign-in page ever showed. */
static void
visible_page_cb (GtkStack   *stack,
                 GParamSpec *pspec,
                 gboolean   *sign_in_seen)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "sign-in") == 0)
    *sign_in_seen = TRUE;
}

static WervingWindow *
new_window (WervingApplication *application,
            gboolean           *sign_in_seen)
{
  WervingWindow *window = werving_window_new (application);

  if (sign_in_seen != NULL)
    {
      *sign_in_seen = g_strcmp0 (main_page (window), "sign-in") == 0;
      g_signal_connect (find_widget (GTK_WIDGET (window), is_main_stack, NULL), "notify::visible-child-name",
                        G_CALLBACK (visible_page_cb), sign_in_seen);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (WervingWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  werving_test_sleep (100);
}

/* Predicates */

static gboolean
signed_in_as_demo (gpointer data)
{
  WervingClient *client = werving_window_get_client (data);
  WervingSession *session = client != NULL ? werving_client_get_session (client) : NULL;

  return session != NULL && g_strcmp0 (main_page (data), "main") == 0 &&
         g_strcmp0 (werving_session_get_account_email (session), WERVING_TEST_DEMO_ORG) == 0;
}

typedef struct
{
  WervingWindow *window;
  const char    *title;
} Listed;

static gboolean
lists_from_portal (gpointer data)
{
  Listed *listed = data;

  return signed_in_as_demo (listed->window) &&
         werving_vacancies_page_get_offline_message (vacancies_page (listed->window)) == NULL &&
         count_titled (werving_vacancies_page_get_model (vacancies_page (listed->window)), listed->title) == 1 &&
         find_vacancy_row (GTK_WIDGET (listed->window), listed->title) != NULL;
}

static gboolean
is_offline (gpointer data)
{
  return g_strcmp0 (main_page (data), "main") == 0 &&
         werving_window_get_client (data) != NULL &&
         werving_vacancies_page_get_offline_message (vacancies_page (data)) != NULL;
}

static gboolean
on_sign_in_page (gpointer data)
{
  return g_strcmp0 (main_page (data), "sign-in") == 0;
}

static gboolean
outbox_empty (gpointer data)
{
  WervingOutbox *outbox = werving_window_get_outbox (data);

  return outbox != NULL && g_list_model_get_n_items (G_LIST_MODEL (outbox)) == 0;
}

static gboolean
has_rotated (gpointer data)
{
  const char **tokens = data;   /* { portal, email, old token } */
  g_autofree char *token = keyring_lookup (tokens[0], tokens[1]);

  return token != NULL && g_strcmp0 (token, tokens[2]) != 0;
}

static gboolean
candidates_searched (gpointer data)
{
  WervingCandidatesPage *page = data;

  return werving_candidates_page_get_model (page) != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (werving_candidates_page_get_model (page))) > 0;
}

static gboolean
messages_loaded (gpointer data)
{
  return werving_messages_page_get_client (data) != NULL &&
         werving_client_get_signed_in (werving_messages_page_get_client (data));
}

/* Requests the window's client sends, by "METHOD path". */
static void
request_cb (WervingClient *client,
            const char    *method,
            const char    *path,
            GPtrArray     *requests)
{
  g_ptr_array_add (requests, g_strdup_printf ("%s %s", method, path));
}

static guint
count_requests (GPtrArray  *requests,
                const char *request)
{
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    n += g_strcmp0 (g_ptr_array_index (requests, i), request) == 0;
  return n;
}

/* Tests */

static void
test_offline_start (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingVacancy) draft = NULL;
  g_autoptr(WervingVacancy) after = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *old_token = NULL;
  g_autofree char *patch = NULL;
  const char *draft_title = "Monteur buitendienst (start)";
  const char *edited_title = "Monteur buitendienst (offline bewerkt)";
  WervingVacanciesPage *page;
  WervingWindow *window;
  WervingClient *window_client;
  gboolean sign_in_seen = FALSE;
  Listed listed;

  if (portal == NULL)
    return;
  reset_settings ();
  client = remember_account (portal, WERVING_TEST_DEMO_ORG);
  {
    g_autoptr(WervingVacancy) form = werving_vacancy_new ();

    werving_vacancy_set_title (form, draft_title);
    werving_vacancy_set_description (form, "Onderhoud aan installaties in de regio.");
    werving_vacancy_set_place (form, "Amersfoort");
    draft = CALL (client, &error, create_vacancy, form, NULL);
    g_assert_no_error (error);
  }
  cache = werving_vacancy_cache_get_path (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
  old_token = g_strdup (werving_session_get_refresh_token (werving_client_get_session (client)));

  /* 1. The portal is there. The application begins the silent sign-in at
   * its start-up (registration), before it has a window; the window takes
   * it and shows the account's vacancies, signed in, never the sign-in page. */
  window = new_window (application (), &sign_in_seen);
  /* Until the session is there: nothing of the account but its vacancies
   * (none on this computer yet), nothing to act on. */
  g_assert_null (werving_window_get_client (window));
  g_assert_false (can_act (window));
  listed = (Listed) { 0 };
  listed.window = window;
  listed.title = draft_title;
  g_assert_true (wait_for (lists_from_portal, &listed));
  g_assert_false (sign_in_seen);
  g_assert_true (can_act (window));
  /* The list is kept on disk, and the rotated token in the keyring. */
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));
  {
    const char *tokens[] = { werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG, old_token };

    g_assert_true (wait_for (has_rotated, tokens));
  }
  screenshot (GTK_WIDGET (window), "startup-online.png");
  destroy_window (window);

  /* 2. A change queued while the portal was away (an earlier run). */
  werving_test_portal_kill (portal);
  {
    g_autoptr(WervingClient) offline = werving_client_new (werving_client_get_base_url (client), NULL);
    g_autofree char *path = werving_outbox_get_default_path (werving_client_get_base_url (client),
                                                             WERVING_TEST_DEMO_ORG);
    g_autoptr(WervingOutbox) outbox = werving_outbox_new (offline, path, &error);

    g_assert_no_error (error);
    werving_vacancy_set_title (draft, edited_title);
    werving_outbox_update_vacancy (outbox, draft);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  }

  /* 3. A start while the portal is down: the main window, offline. */
  window = new_window (application (), &sign_in_seen);
  page = vacancies_page (window);
  g_assert_true (wait_for (is_offline, window));
  g_assert_false (sign_in_seen);
  window_client = werving_window_get_client (window);
  g_assert_false (werving_client_get_signed_in (window_client));
  g_signal_connect (window_client, "request", G_CALLBACK (request_cb), requests);
  {
    g_auto(GStrv) parts = g_strsplit (_("Cannot reach the portal, so you are not signed in yet. Showing the vacancies loaded on %s. Werving signs you in as soon as the portal is back."), "%s", 2);

    g_test_message ("offline: %s", werving_vacancies_page_get_offline_message (page));
    g_assert_true (g_str_has_prefix (werving_vacancies_page_get_offline_message (page), parts[0]));
    g_assert_true (g_str_has_suffix (werving_vacancies_page_get_offline_message (page), parts[1]));
  }
  /* Readable from the disk: the account's list, the queued change on its row. */
  g_assert_cmpint (count_titled (werving_vacancies_page_get_model (page), DEMO_VACANCY), ==, 1);
  g_assert_cmpint (count_titled (werving_vacancies_page_get_model (page), draft_title), ==, 1);
  werving_test_sleep (300);
  g_assert_nonnull (find_vacancy_row (GTK_WIDGET (window), draft_title));
  g_assert_nonnull (werving_vacancy_row_get_outbox_text (find_vacancy_row (GTK_WIDGET (window), draft_title)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (werving_window_get_outbox (window))), ==, 1);
  /* Nothing to act on without a session; the other sections say why. */
  g_assert_false (can_act (window));
  screenshot (GTK_WIDGET (window), "startup-offline.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "candidates");
  werving_test_sleep (100);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_mapped_label, _("Candidates Need the Portal")));
  screenshot (GTK_WIDGET (window), "startup-offline-candidates.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "messages");
  werving_test_sleep (100);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_mapped_label, _("Messages Need the Portal")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "vacancies");
  /* Retry while it is still down: stays offline, sends only the sign-in. */
  gtk_widget_activate_action (GTK_WIDGET (page), "vacancies.reload", NULL);
  werving_test_sleep (500);
  g_assert_true (is_offline (window));
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpstr (g_ptr_array_index (requests, i), ==, "POST /v1/sessions/refresh");
  g_assert_cmpuint (requests->len, >=, 1);

  /* 4. The portal is back on the same port. Without Retry (the window
   * tries again after a pause) it signs in, in the section the user is in;
   * the sections load, the queued change goes out, once. */
  werving_test_portal_restart (portal);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "candidates");
  g_assert_true (wait_for (signed_in_as_demo, window));
  g_assert_false (sign_in_seen);
  g_assert_true (werving_window_get_client (window) == window_client);
  g_assert_true (wait_for (outbox_empty, window));
  listed.window = window;
  listed.title = edited_title;
  g_assert_true (wait_for (lists_from_portal, &listed));
  g_assert_true (wait_for (candidates_searched,
                           find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (WERVING_TYPE_CANDIDATES_PAGE))));
  g_assert_true (wait_for (messages_loaded,
                           find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (WERVING_TYPE_MESSAGES_PAGE))));
  g_assert_true (can_act (window));
  werving_test_sleep (500);
  patch = g_strdup_printf ("PATCH /v1/vacancies/%" G_GINT64_FORMAT, werving_vacancy_get_id (draft));
  g_assert_cmpuint (count_requests (requests, patch), ==, 1);
  /* (The test's own session went with the token the app used.) */
  g_clear_object (&client);
  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  after = CALL (client, &error, get_vacancy, werving_vacancy_get_id (draft));
  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_title (after), ==, edited_title);
  screenshot (GTK_WIDGET (window), "startup-back-online.png");

  g_signal_handlers_disconnect_by_func (window_client, request_cb, requests);
  destroy_window (window);
  keyring_clear (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
  werving_vacancy_cache_wipe (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
}

static void
test_revoked_token (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingPage) list = NULL;
  g_autoptr(GListStore) store = g_list_store_new (WERVING_TYPE_VACANCY);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  WervingVacanciesPage *page;
  WervingWindow *window;
  GtkWidget *email_row;

  if (portal == NULL)
    return;
  reset_settings ();
  client = remember_account (portal, WERVING_TEST_DEMO_ORG);
  /* An earlier run kept the list on this computer. */
  list = CALL (client, &error, list_vacancies, NULL, NULL, 100);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (werving_page_get_items (list)); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (werving_page_get_items (list), i);

      g_list_store_append (store, vacancy);
    }
  cache = werving_vacancy_cache_get_path (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
  g_assert_true (werving_vacancy_cache_save (cache, G_LIST_MODEL (store), now, &error));
  g_assert_no_error (error);
  /* The session, and with it the refresh token in the keyring, is revoked
   * (signed out elsewhere). */
  g_assert_true (CALL (client, &error, sign_out));
  g_assert_no_error (error);

  window = new_window (application (), NULL);
  page = vacancies_page (window);
  /* While the refresh runs the kept list shows, and nothing else. */
  g_assert_cmpint (count_titled (werving_vacancies_page_get_model (page), DEMO_VACANCY), ==, 1);
  g_assert_null (werving_window_get_client (window));
  g_assert_cmpstr (main_page (window), ==, "main");

  /* Refused: the sign-in page says why; nothing of the account stays. */
  g_assert_true (wait_for (on_sign_in_page, window));
  {
    g_auto(GStrv) parts = g_strsplit (_("You could not be signed in automatically. %s"), "%s", 2);

    g_assert_nonnull (find_widget (GTK_WIDGET (window), is_mapped_label_starting, parts[0]));
  }
  g_assert_cmpuint (g_list_model_get_n_items (werving_vacancies_page_get_model (page)), ==, 0);
  g_assert_null (werving_vacancies_page_get_client (page));
  g_assert_null (werving_window_get_outbox (window));
  g_assert_false (werving_client_get_signed_in (werving_window_get_client (window)));
  g_assert_false (can_act (window));
  email_row = find_widget (GTK_WIDGET (window), is_row_titled, _("E-mail Address"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, WERVING_TEST_DEMO_ORG);
  screenshot (GTK_WIDGET (window), "startup-revoked.png");

  /* Signing in by hand still works and shows the account again. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (window), is_row_titled, _("Password"))),
                         WERVING_TEST_DEMO_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-in", NULL);
  g_assert_true (wait_for (signed_in_as_demo, window));

  destroy_window (window);
  keyring_clear (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
  werving_vacancy_cache_wipe (werving_client_get_base_url (client), WERVING_TEST_DEMO_ORG);
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
  g_autofree char *top = g_dir_make_tmp ("werving-startup-home-XXXXXX", &error);
  g_autofree char *data = g_build_filename (top, "data", NULL);
  g_autofree char *cache = g_build_filename (top, "cache", NULL);
  int status;

  g_assert_no_error (error);
  /* Before GLib caches them: data (outbox) and cache (vacancies) folders. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  app = werving_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);

  g_test_add_func ("/ui/startup/offline-start-then-back", test_offline_start);
  g_test_add_func ("/ui/startup/revoked-token", test_revoked_token);

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (top);
  return status;
}
