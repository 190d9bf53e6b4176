/* test-keyring.c: secrets in a real gnome-keyring, nowhere else
 *
 * Run under tools/test-env.sh (a session bus and an unlocked keyring); the
 * test is skipped without a session bus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "werving-test-portal.h"

#define PORTAL "https://portal.werving.test/"
#define EMAIL "recruiter@werving.test"

/* Does any regular file below @path contain @needle? */
static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (child, needle))
            return TRUE;
          continue;
        }
      if (g_file_get_contents (child, &data, &length, NULL) &&
          memmem (data, length, needle, strlen (needle)) != NULL)
        {
          g_test_message ("found in %s", child);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
have_keyring (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run under tools/test-env.sh");
      return FALSE;
    }
  return TRUE;
}

static char *
lookup (const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  werving_keyring_lookup_async (PORTAL, EMAIL, kind, NULL, werving_test_store_result, &result);
  werving_test_wait (&result);
  secret = werving_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  return secret;
}

static gboolean
listed (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  werving_keyring_list_accounts_async (NULL, werving_test_store_result, &result);
  werving_test_wait (&result);
  accounts = werving_keyring_list_accounts_finish (result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      WervingKeyringAccount *account = g_ptr_array_index (accounts, i);

      if (g_str_equal (account->portal, PORTAL) && g_str_equal (account->email, EMAIL))
        return TRUE;
    }
  return FALSE;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) stored2 = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *secret = g_strdup_printf ("werving-secret-%s", uuid);
  char *found;

  if (!have_keyring ())
    return;

  werving_keyring_store_async (PORTAL, EMAIL, WERVING_KEYRING_REFRESH_TOKEN, secret, NULL,
                               werving_test_store_result, &stored);
  werving_test_wait (&stored);
  g_assert_true (werving_keyring_store_finish (stored, &error));
  g_assert_no_error (error);
  werving_keyring_store_async (PORTAL, EMAIL, WERVING_KEYRING_PASSWORD, "another-secret", NULL,
                               werving_test_store_result, &stored2);
  werving_test_wait (&stored2);
  g_assert_true (werving_keyring_store_finish (stored2, &error));

  found = lookup (WERVING_KEYRING_REFRESH_TOKEN);
  g_assert_cmpstr (found, ==, secret);
  secret_password_free (found);
  g_assert_true (listed ());

  /* The keyring file is encrypted: the secret is in no file under $HOME. */
  g_assert_false (tree_contains (g_get_home_dir (), secret));

  werving_keyring_clear_async (PORTAL, EMAIL, NULL, NULL, werving_test_store_result, &cleared);
  werving_test_wait (&cleared);
  g_assert_true (werving_keyring_clear_finish (cleared, &error));
  g_assert_null (lookup (WERVING_KEYRING_REFRESH_TOKEN));
  g_assert_null (lookup (WERVING_KEYRING_PASSWORD));
  g_assert_false (listed ());
}

/* A real session: the refresh token goes to the keyring, the outbox to a
 * 0600 file; neither file under $HOME holds a token.
 */
static void
test_no_token_on_disk (void)
{
  g_autoptr(WervingTestPortal) portal = NULL;
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  WervingSession *session;

  if (!have_keyring ())
    return;
  portal = werving_test_portal_start (NULL);
  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  session = werving_client_get_session (client);
  werving_keyring_store_async (portal->url, WERVING_TEST_DEMO_ORG, WERVING_KEYRING_REFRESH_TOKEN,
                               werving_session_get_refresh_token (session), NULL,
                               werving_test_store_result, &stored);
  werving_test_wait (&stored);
  g_assert_true (werving_keyring_store_finish (stored, &error));

  path = werving_outbox_get_default_path (portal->url, WERVING_TEST_DEMO_ORG);
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  outbox = werving_outbox_new (client, path, &error);
  g_assert_no_error (error);
  werving_test_portal_kill (portal);
  werving_outbox_send_message (outbox, 1, "Een bericht dat op schijf wacht");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_false (tree_contains (g_get_home_dir (), werving_session_get_refresh_token (session)));
  g_assert_false (tree_contains (g_get_home_dir (), werving_session_get_access_token (session)));
  g_assert_true (tree_contains (g_get_home_dir (), "Een bericht dat op schijf wacht"));

  werving_outbox_wipe (outbox);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/keyring/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/core/keyring/no-token-on-disk", test_no_token_on_disk);

  return g_test_run ();
}
