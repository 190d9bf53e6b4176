/* test-accounts.c: several accounts, sign-out, preferences and the demo
 * portal on the welcome page, in the real window against real portals and
 * a real keyring (tools/test-env.sh).
 *
 * Two remembered accounts switch back and forth silently from the keyring
 * and every section follows; an account without a usable secret opens the
 * sign-in page filled in. Signing out with unsent outbox items asks first
 * and then wipes the outbox file, drafts, caches and secrets. The
 * preferences act: notifications stop, recent addresses clear, a forgotten
 * account loses its secrets and data. The welcome page offers a live demo
 * portal and not a stale discovery file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "werving-account-store.h"
#include "werving-application.h"
#include "werving-demo-portal.h"
#include "werving-drafts.h"
#include "werving-keyring.h"
#include "werving-messages-page.h"
#include "werving-preferences-window.h"
#include "werving-window.h"

#define WAIT_MS 30000
#define DEMO_EMAIL "demo@werving.test"
#define PENDING_EMAIL "pending@werving.test"
#define DEMO_PASSWORD "werving-demo-1"

static WervingApplication *app;

/* Portals */

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *url;   /* as the portal prints it */
  char        *base;  /* as the client names it (keyring, settings) */
} Portal;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
portal_start (Portal *portal)
{
  const char *binary = g_getenv ("WERVING_PORTAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (binary);
  portal->dir = g_dir_make_tmp ("werving-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (portal->dir, "p.db", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawn (launcher, &error, binary, "--demo", "--port", "0",
                                                 "--db", db, "--cvs", "20", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  portal->url = g_strdup (line + strlen ("listening on "));
  portal->base = g_strndup (portal->url, strlen (portal->url) - 1);
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

/* @clean: SIGTERM (the portal tidies up) rather than SIGKILL. */
static void
portal_stop (Portal *portal,
             gboolean clean)
{
  if (portal->process != NULL)
    {
      if (clean)
        g_subprocess_send_signal (portal->process, SIGTERM);
      else
        g_subprocess_force_exit (portal->process);
      g_subprocess_wait (portal->process, NULL, NULL);
      g_clear_object (&portal->process);
    }
  if (portal->dir != NULL)
    remove_tree (portal->dir);
  g_clear_pointer (&portal->dir, g_free);
  g_clear_pointer (&portal->url, g_free);
  g_clear_pointer (&portal->base, g_free);
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

/* Keyring */

static char *
keyring_lookup (const char *portal,
                const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  werving_keyring_lookup_async (portal, email, WERVING_KEYRING_REFRESH_TOKEN, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  secret = werving_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  return secret;
}

static void
keyring_clear (const char *portal,
               const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  werving_keyring_clear_async (portal, email, NULL, NULL, store_result_cb, &result);
  g_assert_true (wait_for (result_set, &result, WAIT_MS));
  g_assert_true (werving_keyring_clear_finish (result, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *portal;
  const char *email;
} Account;

static gboolean
has_token (gpointer data)
{
  Account *account = data;
  g_autofree char *token = keyring_lookup (account->portal, account->email);

  return token != NULL;
}

static gboolean
has_no_token (gpointer data)
{
  return !has_token (data);
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
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_main_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "sign-in") != NULL;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_account_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "avatar-default-symbolic") == 0;
}

/* Whether @menu has an item that switches to the account. */
static gboolean
menu_offers (GMenuModel *menu,
             const char *portal,
             const char *email)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autoptr(GVariant) action = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_ACTION,
                                                                              G_VARIANT_TYPE_STRING);
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET,
                                                                              G_VARIANT_TYPE ("(ss)"));
          const char *p, *e;

          if (action == NULL || target == NULL ||
              g_strcmp0 (g_variant_get_string (action, NULL), "win.switch-account") != 0)
            continue;
          g_variant_get (target, "(&s&s)", &p, &e);
          if (g_strcmp0 (p, portal) == 0 && g_strcmp0 (e, email) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static const char *
main_page (WervingWindow *window)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (window), is_main_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_widget (root, is_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
row_text (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = find_widget (root, is_row_titled, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The account the window shows in its sections, or NULL. */
static const char *
current_email (WervingWindow *window)
{
  WervingClient *client = werving_window_get_client (window);
  WervingSession *session = client != NULL ? werving_client_get_session (client) : NULL;

  if (session == NULL || g_strcmp0 (main_page (window), "main") != 0)
    return NULL;
  return werving_session_get_account_email (session);
}

typedef struct
{
  WervingWindow *window;
  const char    *email;
  const char    *label;    /* a vacancy title only this account has */
  const char    *absent;   /* one it must not show */
} Shown;

static gboolean
account_shown (gpointer data)
{
  Shown *shown = data;

  return g_strcmp0 (current_email (shown->window), shown->email) == 0 &&
         (shown->label == NULL || find_widget (GTK_WIDGET (shown->window), is_mapped_label, shown->label) != NULL) &&
         (shown->absent == NULL || find_widget (GTK_WIDGET (shown->window), is_mapped_label, shown->absent) == NULL);
}

static gboolean
on_page (gpointer data)
{
  Shown *shown = data;

  return g_strcmp0 (main_page (shown->window), shown->label) == 0;
}

static WervingWindow *
new_window (void)
{
  WervingWindow *window = werving_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Signs in through the welcome and sign-in pages, as a user does. */
static void
sign_in_ui (WervingWindow *window,
            const char    *url,
            const char    *email,
            const char    *vacancy)
{
  Shown sign_in = { window, NULL, "sign-in", NULL };
  Shown shown = { window, email, vacancy, NULL };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.use-portal", "s", url);
  g_assert_true (wait_for (on_page, &sign_in, WAIT_MS));
  set_row_text (GTK_WIDGET (window), "E-mail Address", email);
  set_row_text (GTK_WIDGET (window), "Password", DEMO_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-in", NULL);
  g_assert_true (wait_for (account_shown, &shown, WAIT_MS));
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
  const char *keys[] = { "accounts", "last-portal-url", "last-account-email", "recent-portal-urls",
                         "notify-new-messages" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings (), keys[i]);
}

static void
destroy_window (WervingWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
}

/* Two accounts on one portal: the demo organisation (verified, four
 * vacancies) and the pending one (one draft, "Bakker"). */
static void
test_switch_accounts (void)
{
  Portal portal = { 0 };
  WervingWindow *window;
  Account demo, pending;
  g_autofree char *demo_token = NULL;
  g_autofree char *demo_token_after = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  GMenuModel *menu;
  Shown shown;

  reset_settings ();
  portal_start (&portal);
  demo = (Account) { portal.base, DEMO_EMAIL };
  pending = (Account) { portal.base, PENDING_EMAIL };
  window = new_window ();

  sign_in_ui (window, portal.url, DEMO_EMAIL, "Medior softwareontwikkelaar");
  g_assert_true (wait_for (has_token, &demo, WAIT_MS));

  /* Add Account… keeps the first account's secret and offers Cancel. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_true (gtk_widget_is_visible (find_widget (GTK_WIDGET (window), has_action_name, "win.cancel-add-account")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-add-account", NULL);
  g_assert_cmpstr (current_email (window), ==, DEMO_EMAIL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  sign_in_ui (window, portal.url, PENDING_EMAIL, "Bakker");
  shown = (Shown) { window, PENDING_EMAIL, "Bakker", "Medior softwareontwikkelaar" };
  g_assert_true (wait_for (account_shown, &shown, WAIT_MS));
  g_assert_true (wait_for (has_token, &pending, WAIT_MS));
  g_assert_true (has_token (&demo));

  /* Both are remembered (addresses only), in the order first used. */
  accounts = werving_account_store_list (settings ());
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpstr (((WervingKeyringAccount *) accounts->pdata[0])->email, ==, DEMO_EMAIL);
  g_assert_cmpstr (((WervingKeyringAccount *) accounts->pdata[1])->email, ==, PENDING_EMAIL);

  /* The account menu offers the other one. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_account_menu, NULL)));
  g_assert_true (menu_offers (menu, portal.base, DEMO_EMAIL));
  g_assert_false (menu_offers (menu, portal.base, PENDING_EMAIL));

  /* Switching back signs in silently from the keyring, with a new token. */
  demo_token = keyring_lookup (portal.base, DEMO_EMAIL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)", portal.base, DEMO_EMAIL);
  shown = (Shown) { window, DEMO_EMAIL, "Medior softwareontwikkelaar", "Bakker" };
  g_assert_true (wait_for (account_shown, &shown, WAIT_MS));
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Password"), ==, "");
  demo_token_after = keyring_lookup (portal.base, DEMO_EMAIL);
  g_assert_nonnull (demo_token_after);
  g_assert_cmpstr (demo_token, !=, demo_token_after);
  g_assert_cmpstr (g_settings_get_string (settings (), "last-account-email"), ==, DEMO_EMAIL);

  /* And to the second one again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)", portal.base, PENDING_EMAIL);
  shown = (Shown) { window, PENDING_EMAIL, "Bakker", "Medior softwareontwikkelaar" };
  g_assert_true (wait_for (account_shown, &shown, WAIT_MS));

  /* Without a usable secret, switching opens the sign-in page filled in;
   * Cancel returns to the account still signed in. */
  keyring_clear (portal.base, DEMO_EMAIL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)", portal.base, DEMO_EMAIL);
  shown = (Shown) { window, NULL, "sign-in", NULL };
  g_assert_true (wait_for (on_page, &shown, WAIT_MS));
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "E-mail Address"), ==, DEMO_EMAIL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-add-account", NULL);
  shown = (Shown) { window, PENDING_EMAIL, "Bakker", NULL };
  g_assert_true (wait_for (account_shown, &shown, WAIT_MS));

  destroy_window (window);
  keyring_clear (portal.base, PENDING_EMAIL);
  portal_stop (&portal, FALSE);
}

/* Sign-out */

static gboolean
all_failed (gpointer data)
{
  GListModel *model = data;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingOutboxItem) item = g_list_model_get_item (model, i);

      if (werving_outbox_item_get_state (item) != WERVING_OUTBOX_STATE_FAILED)
        return FALSE;
    }
  return n == 2;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return (*(AdwMessageDialog **) data = find_message_dialog ()) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

static void
answer_dialog (const char *expected_heading,
               const char *response)
{
  AdwMessageDialog *dialog = NULL;
  GtkWidget *button;

  g_assert_true (wait_for (dialog_shown, &dialog, WAIT_MS));
  if (expected_heading != NULL)
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected_heading);
  /* Click the response's button, as a user does. */
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  button = find_widget (GTK_WIDGET (dialog), is_button_labelled,
                        adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (wait_for (dialog_gone, NULL, WAIT_MS));
}

static void
write_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "{}", -1, &error);
  g_assert_no_error (error);
}

/* A draft and a cached file of the account, as the editor and the offline
 * cache leave them. */
static void
leave_account_data (const char *portal,
                    const char *email,
                    char      **draft,
                    char      **cache)
{
  g_autofree char *drafts = werving_drafts_get_dir (portal, email);
  g_autofree char *cache_dir = werving_account_get_cache_dir (portal, email);

  *draft = werving_drafts_get_path (drafts, 0, "0b5e6a54-1111-4222-8333-944445555666");
  *cache = g_build_filename (cache_dir, "vacancies.json", NULL);
  write_file (*draft);
  write_file (*cache);
}

static void
test_sign_out_unsent (void)
{
  Portal portal = { 0 };
  WervingWindow *window;
  WervingOutbox *outbox;
  Account demo;
  g_autofree char *outbox_path = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *cache = NULL;
  Shown shown;

  reset_settings ();
  portal_start (&portal);
  demo = (Account) { portal.base, DEMO_EMAIL };
  window = new_window ();
  sign_in_ui (window, portal.url, DEMO_EMAIL, "Medior softwareontwikkelaar");
  g_assert_true (wait_for (has_token, &demo, WAIT_MS));
  leave_account_data (portal.base, DEMO_EMAIL, &draft, &cache);

  /* Two messages the portal refuses (no such thread) stay unsent. */
  outbox = werving_window_get_outbox (window);
  g_assert_nonnull (outbox);
  outbox_path = g_strdup (werving_outbox_get_path (outbox));
  g_assert_nonnull (werving_outbox_send_message (outbox, 999999, "Eerste bericht"));
  g_assert_nonnull (werving_outbox_send_message (outbox, 999998, "Tweede bericht"));
  g_assert_true (wait_for (all_failed, outbox, WAIT_MS));
  g_assert_true (g_file_test (outbox_path, G_FILE_TEST_EXISTS));

  /* Sign Out asks, naming the count; Cancel keeps everything. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  answer_dialog ("Sign Out and Discard 2 Unsent Items?", "cancel");
  g_assert_cmpstr (current_email (window), ==, DEMO_EMAIL);
  g_assert_true (g_file_test (outbox_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_true (has_token (&demo));

  /* Confirming wipes the outbox file, drafts, caches, secrets and the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  answer_dialog (NULL, "sign-out");
  shown = (Shown) { window, NULL, "sign-in", NULL };
  g_assert_true (wait_for (on_page, &shown, WAIT_MS));
  g_assert_false (g_file_test (outbox_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_assert_true (wait_for (has_no_token, &demo, WAIT_MS));
  g_assert_false (werving_account_store_contains (settings (), portal.base, DEMO_EMAIL));
  g_assert_cmpstr (g_settings_get_string (settings (), "last-account-email"), ==, "");

  /* With nothing unsent, Sign Out does not ask. */
  sign_in_ui (window, portal.url, DEMO_EMAIL, "Medior softwareontwikkelaar");
  g_assert_true (werving_account_store_contains (settings (), portal.base, DEMO_EMAIL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  g_assert_null (find_message_dialog ());
  g_assert_true (wait_for (on_page, &shown, WAIT_MS));
  g_assert_false (werving_account_store_contains (settings (), portal.base, DEMO_EMAIL));

  destroy_window (window);
  portal_stop (&portal, FALSE);
}

/* Preferences */

typedef struct
{
  GDBusConnection *connection;
  guint            owner_id;
  guint            object_id;
  GPtrArray       *summaries;
} Notifications;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  Notifications *notifications = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (notifications->summaries, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notifications->summaries->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(@as)", g_variant_new_strv (NULL, 0)));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
name_owned (gpointer data)
{
  return *(gboolean *) data;
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* A notification server on its own bus connection, so the app's
 * GNotifications reach something we can count. */
static void
notifications_start (Notifications *notifications,
                     gboolean      *owned)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  notifications->connection = g_dbus_connection_new_for_address_sync (
    address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  notifications->summaries = g_ptr_array_new_with_free_func (g_free);
  notifications->object_id = g_dbus_connection_register_object (notifications->connection,
                                                                "/org/freedesktop/Notifications",
                                                                info->interfaces[0], &vtable,
                                                                notifications, NULL, &error);
  g_assert_no_error (error);
  notifications->owner_id = g_bus_own_name_on_connection (notifications->connection,
                                                          "org.freedesktop.Notifications",
                                                          G_BUS_NAME_OWNER_FLAGS_NONE,
                                                          name_acquired_cb, NULL, owned, NULL);
  g_assert_true (wait_for (name_owned, owned, WAIT_MS));
}

static void
notifications_stop (Notifications *notifications)
{
  g_bus_unown_name (notifications->owner_id);
  g_dbus_connection_unregister_object (notifications->connection, notifications->object_id);
  g_clear_object (&notifications->connection);
  g_clear_pointer (&notifications->summaries, g_ptr_array_unref);
}

/* The jobseeker's side, through the portal's HTTP API (not our client). */
static void
jobseeker_reply (const char *portal_url,
                 gint64      thread_id,
                 const char *body)
{
  static const char sign_in_json[] = "{\"email\":\"jobseeker@werving.test\",\"password\":\"" DEMO_PASSWORD "\"}";
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) sign_in = NULL;
  g_autoptr(SoupMessage) post = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) answer2 = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) request2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (portal_url, "v1/sessions", NULL);
  g_autofree char *post_url = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *json = NULL;
  g_autofree char *escaped = g_strescape (body, NULL);
  const char *token;

  sign_in = soup_message_new ("POST", url);
  request = g_bytes_new_static (sign_in_json, strlen (sign_in_json));
  soup_message_set_request_body_from_bytes (sign_in, "application/json", request);
  answer = soup_session_send_and_read (session, sign_in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (sign_in), ==, 201);
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  token = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "access_token");
  auth = g_strconcat ("Bearer ", token, NULL);

  post_url = g_strdup_printf ("%sv1/threads/%" G_GINT64_FORMAT "/messages", portal_url, thread_id);
  post = soup_message_new ("POST", post_url);
  soup_message_headers_replace (soup_message_get_request_headers (post), "Authorization", auth);
  json = g_strdup_printf ("{\"body\":\"%s\"}", escaped);
  request2 = g_bytes_new (json, strlen (json));
  soup_message_set_request_body_from_bytes (post, "application/json", request2);
  answer2 = soup_session_send_and_read (session, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (post), ==, 201);
}

typedef struct
{
  WervingMessagesPage *page;
  guint                unread;
} Unread;

static gboolean
threads_loaded (gpointer data)
{
  Unread *unread = data;

  return g_list_model_get_n_items (werving_messages_page_get_threads (unread->page)) > 0;
}

static gboolean
unread_above (gpointer data)
{
  Unread *unread = data;

  return werving_messages_page_get_unread_count (unread->page) > unread->unread;
}

typedef struct
{
  GPtrArray *summaries;
  guint      before;
} Notified;

static gboolean
notified (gpointer data)
{
  Notified *notified = data;

  return notified->summaries->len > notified->before;
}

/* A reply arrives while the Messages section is not shown. */
static guint
reply_and_count (Notifications       *notifications,
                 WervingMessagesPage *page,
                 const char          *portal_url,
                 gint64               thread_id,
                 const char          *body)
{
  Unread unread = { page, werving_messages_page_get_unread_count (page) };
  Notified before = { notifications->summaries, notifications->summaries->len };

  jobseeker_reply (portal_url, thread_id, body);
  g_assert_true (wait_for (unread_above, &unread, WAIT_MS));
  /* The notification, if any, is a D-Bus round trip behind. */
  wait_for (notified, &before, 2000);
  return notifications->summaries->len;
}

static gboolean
is_prefs_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WERVING_IS_PREFERENCES_WINDOW (window))
        {
          *(GtkWidget **) data = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
row_gone (gpointer data)
{
  GtkWidget **prefs = data;

  return find_widget (prefs[0], is_row_titled, PENDING_EMAIL) == NULL;
}

static void
test_preferences (void)
{
  Portal portal = { 0 };
  WervingWindow *window;
  Notifications notifications = { 0 };
  gboolean owned = FALSE;
  WervingMessagesPage *page;
  Unread unread;
  gint64 thread_id;
  GtkWidget *prefs = NULL;
  GtkWidget *recent_group;
  GtkWidget *forget;
  Account pending;
  g_autofree char *draft = NULL;
  g_autofree char *cache = NULL;
  g_autoptr(WervingThread) thread = NULL;
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) accels = NULL;

  reset_settings ();
  notifications_start (&notifications, &owned);
  portal_start (&portal);
  pending = (Account) { portal.base, PENDING_EMAIL };
  window = new_window ();

  /* The welcome page lists the recent addresses once one was used. */
  sign_in_ui (window, portal.url, PENDING_EMAIL, "Bakker");
  g_assert_true (wait_for (has_token, &pending, WAIT_MS));
  leave_account_data (portal.base, PENDING_EMAIL, &draft, &cache);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  sign_in_ui (window, portal.url, DEMO_EMAIL, "Medior softwareontwikkelaar");
  recent_group = find_widget (GTK_WIDGET (window), is_row_titled, portal.url);
  g_assert_nonnull (recent_group);

  /* Notifications for new messages, on by default, then off. */
  page = WERVING_MESSAGES_PAGE (find_widget (GTK_WIDGET (window), is_of_type,
                                             GSIZE_TO_POINTER (WERVING_TYPE_MESSAGES_PAGE)));
  unread = (Unread) { page, 0 };
  g_assert_true (wait_for (threads_loaded, &unread, WAIT_MS));
  thread = g_list_model_get_item (werving_messages_page_get_threads (page), 0);
  thread_id = werving_thread_get_id (thread);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  spin (500);  /* the events channel connects */
  g_assert_cmpuint (reply_and_count (&notifications, page, portal.url, thread_id, "Ik heb interesse."), ==, 1);

  /* Preferences: Ctrl+comma, as the shortcuts window says. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (wait_for (is_prefs_window, &prefs, WAIT_MS));
  gtk_switch_set_active (GTK_SWITCH (find_widget (prefs, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH))), FALSE);
  g_assert_false (g_settings_get_boolean (settings (), "notify-new-messages"));
  g_assert_cmpuint (reply_and_count (&notifications, page, portal.url, thread_id, "Nog een vraag."), ==, 1);

  /* Clear empties the recent addresses and the welcome page's list. */
  g_assert_nonnull (find_widget (prefs, is_button_labelled, "_Clear"));
  g_signal_emit_by_name (find_widget (prefs, is_button_labelled, "_Clear"), "clicked");
  recent = g_settings_get_strv (settings (), "recent-portal-urls");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  g_assert_null (find_widget (GTK_WIDGET (window), is_row_titled, portal.url));
  g_assert_false (gtk_widget_get_sensitive (find_widget (prefs, is_button_labelled, "_Clear")));

  /* The signed-in account has no Forget; the other one has, and asks. */
  g_assert_nonnull (find_widget (prefs, is_row_titled, DEMO_EMAIL));
  g_assert_null (find_widget (find_widget (prefs, is_row_titled, DEMO_EMAIL), is_button_labelled, "_Forget"));
  forget = find_widget (find_widget (prefs, is_row_titled, PENDING_EMAIL), is_button_labelled, "_Forget");
  g_assert_nonnull (forget);
  g_signal_emit_by_name (forget, "clicked");
  answer_dialog ("Forget " PENDING_EMAIL "?", "forget");
  g_assert_true (wait_for (row_gone, &prefs, WAIT_MS));
  g_assert_true (wait_for (has_no_token, &pending, WAIT_MS));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_assert_false (werving_account_store_contains (settings (), portal.base, PENDING_EMAIL));
  g_assert_false (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window),
                                                                                            is_account_menu, NULL))),
                               portal.base, PENDING_EMAIL));
  g_assert_cmpstr (current_email (window), ==, DEMO_EMAIL);

  gtk_window_destroy (GTK_WINDOW (prefs));
  destroy_window (window);
  keyring_clear (portal.base, DEMO_EMAIL);
  portal_stop (&portal, FALSE);
  notifications_stop (&notifications);
}

/* The demo portal on the welcome page */

static gboolean
demo_row_visible (gpointer data)
{
  GtkWidget *row = find_widget (data, has_action_name, "win.use-demo-portal");

  return row != NULL && gtk_widget_is_visible (row);
}

static void
test_demo_discovery (void)
{
  Portal portal = { 0 };
  WervingWindow *window;
  GtkWidget *row;
  g_autofree char *path = werving_demo_portal_get_path ();
  g_autofree char *stale_url = NULL;
  Shown shown;

  reset_settings ();
  portal_start (&portal);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A live demo portal is offered, with its address. */
  window = new_window ();
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_true (wait_for (demo_row_visible, window, WAIT_MS));
  row = find_widget (GTK_WIDGET (window), has_action_name, "win.use-demo-portal");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, portal.url);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.use-demo-portal", NULL);
  shown = (Shown) { window, NULL, "sign-in", NULL };
  g_assert_true (wait_for (on_page, &shown, WAIT_MS));
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Portal Address"), ==, portal.url);
  destroy_window (window);

  /* Killed, it leaves a stale file behind, which offers nothing. */
  stale_url = g_strdup (portal.url);
  portal_stop (&portal, FALSE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  reset_settings ();
  window = new_window ();
  spin (WERVING_DEMO_PORTAL_TIMEOUT * 1000 + 500);
  g_assert_false (demo_row_visible (window));
  destroy_window (window);

  /* A clean exit removes the file. */
  portal_start (&portal);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  portal_stop (&portal, TRUE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("werving-accounts-home-XXXXXX", &error);
  g_autofree char *runtime = g_build_filename (top, "runtime", NULL);
  g_autofree char *data = g_build_filename (top, "data", NULL);
  g_autofree char *cache = g_build_filename (top, "cache", NULL);
  int status;

  g_assert_no_error (error);
  /* Before GLib caches them: our own runtime folder (the demo discovery
   * file), data (drafts, outbox) and cache folders. The portals inherit. */
  g_mkdir (runtime, 0700);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  app = werving_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/accounts/switch", test_switch_accounts);
  g_test_add_func ("/ui/accounts/sign-out-asks-and-wipes", test_sign_out_unsent);
  g_test_add_func ("/ui/accounts/preferences-act", test_preferences);
  g_test_add_func ("/ui/accounts/demo-portal-discovery", test_demo_discovery);

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (top);
  return status;
}
