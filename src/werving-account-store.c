/* werving-account-store.c: the accounts this computer remembers
 *
 * GSettings holds which accounts were used here (portal and e-mail only);
 * their refresh tokens are in the keyring. Forgetting an account removes
 * both and everything the account wrote on this computer (R9).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "werving-account-store.h"
#include "werving-client.h"
#include "werving-drafts.h"
#include "werving-outbox.h"

#define ACCOUNTS_KEY "accounts"

GPtrArray *
werving_account_store_list (GSettings *settings)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, ACCOUNTS_KEY);
  GPtrArray *accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) werving_keyring_account_free);
  GVariantIter iter;
  const char *portal;
  const char *email;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &portal, &email))
    {
      WervingKeyringAccount *account = g_new0 (WervingKeyringAccount, 1);

      account->portal = g_strdup (portal);
      account->email = g_strdup (email);
      g_ptr_array_add (accounts, account);
    }
  return accounts;
}

gboolean
werving_account_store_contains (GSettings  *settings,
                                const char *portal,
                                const char *email)
{
  g_autoptr(GPtrArray) accounts = werving_account_store_list (settings);

  for (guint i = 0; i < accounts->len; i++)
    {
      WervingKeyringAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->portal, portal) == 0 && g_strcmp0 (account->email, email) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
store (GSettings  *settings,
       GPtrArray  *accounts,
       const char *skip_portal,
       const char *skip_email,
       const char *add_portal,
       const char *add_email)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < accounts->len; i++)
    {
      WervingKeyringAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->portal, skip_portal) == 0 && g_strcmp0 (account->email, skip_email) == 0)
        continue;
      g_variant_builder_add (&builder, "(ss)", account->portal, account->email);
    }
  if (add_portal != NULL)
    g_variant_builder_add (&builder, "(ss)", add_portal, add_email);
  g_settings_set_value (settings, ACCOUNTS_KEY, g_variant_builder_end (&builder));
}

void
werving_account_store_add (GSettings  *settings,
                           const char *portal,
                           const char *email)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_if_fail (portal != NULL && email != NULL);

  if (werving_account_store_contains (settings, portal, email))
    return;
  accounts = werving_account_store_list (settings);
  store (settings, accounts, NULL, NULL, portal, email);
}

void
werving_account_store_remove (GSettings  *settings,
                              const char *portal,
                              const char *email)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_if_fail (portal != NULL && email != NULL);

  if (!werving_account_store_contains (settings, portal, email))
    return;
  accounts = werving_account_store_list (settings);
  store (settings, accounts, portal, email, NULL, NULL);
}

static char *
account_hash (const char *portal,
              const char *email)
{
  g_autofree char *key = g_strconcat (portal, "\n", email, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

char *
werving_account_get_cache_dir (const char *portal,
                               const char *email)
{
  g_autofree char *hash = account_hash (portal, email);

  return g_build_filename (g_get_user_cache_dir (), "werving", hash, NULL);
}

/* Removes @path and everything below it; a missing path is fine. */
static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
    }
  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The outbox of an account that is not signed in, read through a client
 * without a session, so that nothing is sent. */
static WervingOutbox *
open_idle_outbox (const char *portal,
                  const char *email)
{
  g_autoptr(WervingClient) client = werving_client_new (portal, NULL);
  g_autofree char *path = werving_outbox_get_default_path (portal, email);

  if (client == NULL)
    return NULL;
  return werving_outbox_new (client, path, NULL);
}

guint
werving_account_count_unsent (const char *portal,
                              const char *email)
{
  g_autoptr(WervingOutbox) outbox = open_idle_outbox (portal, email);

  return outbox != NULL ? g_list_model_get_n_items (G_LIST_MODEL (outbox)) : 0;
}

gboolean
werving_account_wipe_local_data (const char  *portal,
                                 const char  *email,
                                 GError     **error)
{
  g_autofree char *drafts = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *outbox_path = NULL;
  g_autofree char *outbox_dir = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;

  g_return_val_if_fail (portal != NULL && email != NULL, FALSE);

  outbox = open_idle_outbox (portal, email);
  if (outbox != NULL)
    werving_outbox_wipe (outbox);
  /* An outbox file that does not load is removed all the same. */
  outbox_path = werving_outbox_get_default_path (portal, email);
  outbox_dir = g_path_get_dirname (outbox_path);
  if (!remove_tree (outbox_dir, error))
    return FALSE;

  drafts = werving_drafts_get_dir (portal, email);
  if (!werving_drafts_wipe (drafts, error))
    return FALSE;

  cache = werving_account_get_cache_dir (portal, email);
  return remove_tree (cache, error);
}
