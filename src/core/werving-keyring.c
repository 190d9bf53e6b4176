/* werving-keyring.c: account secrets in the system keyring (libsecret)
 *
 * Nothing secret is ever written to a file or to GSettings: the keyring (or,
 * inside a Flatpak, the Secret portal) is the only place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werving-keyring.h"

const SecretSchema *
werving_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.werving.Werving.Account", SECRET_SCHEMA_NONE,
    {
      { "portal", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

WervingKeyringAccount *
werving_keyring_account_copy (const WervingKeyringAccount *self)
{
  WervingKeyringAccount *copy = g_new0 (WervingKeyringAccount, 1);

  copy->portal = g_strdup (self->portal);
  copy->email = g_strdup (self->email);
  return copy;
}

void
werving_keyring_account_free (WervingKeyringAccount *self)
{
  if (self == NULL)
    return;
  g_free (self->portal);
  g_free (self->email);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (WervingKeyringAccount, werving_keyring_account,
                     werving_keyring_account_copy, werving_keyring_account_free)

static void
store_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
werving_keyring_store_async (const char          *portal,
                             const char          *email,
                             const char          *kind,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = NULL;

  g_return_if_fail (portal != NULL && email != NULL && kind != NULL && secret != NULL);
  g_task_set_source_tag (task, werving_keyring_store_async);

  /* TRANSLATORS: the label of a keyring item; %s are an e-mail address and a
   * portal address
   */
  label = g_strdup_printf (_("Werving account %s at %s"), email, portal);
  secret_password_store (werving_keyring_get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, store_done, task,
                         "portal", portal, "email", email, "kind", kind, NULL);
}

gboolean
werving_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
werving_keyring_lookup_async (const char          *portal,
                              const char          *email,
                              const char          *kind,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (portal != NULL && email != NULL && kind != NULL);
  g_task_set_source_tag (task, werving_keyring_lookup_async);

  secret_password_lookup (werving_keyring_get_schema (), cancellable, lookup_done, task,
                          "portal", portal, "email", email, "kind", kind, NULL);
}

/**
 * werving_keyring_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret; free it with
 * secret_password_free () so it is wiped from memory
 */
char *
werving_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to clear: fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
werving_keyring_clear_async (const char          *portal,
                             const char          *email,
                             const char          *kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (portal != NULL && email != NULL);
  g_task_set_source_tag (task, werving_keyring_clear_async);

  /* libsecret keeps the table until it has reached the service, later
   * than the caller's strings may live (a session freed by sign-out). */
  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, (gpointer) "portal", g_strdup (portal));
  g_hash_table_insert (attributes, (gpointer) "email", g_strdup (email));
  if (kind != NULL)
    g_hash_table_insert (attributes, (gpointer) "kind", g_strdup (kind));

  secret_password_clearv (werving_keyring_get_schema (), attributes, cancellable, clear_done, task);
}

gboolean
werving_keyring_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  const WervingKeyringAccount *x = *(WervingKeyringAccount * const *) a;
  const WervingKeyringAccount *y = *(WervingKeyringAccount * const *) b;
  int r = g_strcmp0 (x->portal, y->portal);

  return r != 0 ? r : g_strcmp0 (x->email, y->email);
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *items = secret_password_search_finish (result, &error);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) werving_keyring_account_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *portal = g_hash_table_lookup (attributes, "portal");
      const char *email = g_hash_table_lookup (attributes, "email");
      char *key;
      WervingKeyringAccount *account;

      if (portal == NULL || email == NULL)
        continue;
      key = g_strconcat (portal, "\n", email, NULL);
      if (!g_hash_table_add (seen, key))
        continue;

      account = g_new0 (WervingKeyringAccount, 1);
      account->portal = g_strdup (portal);
      account->email = g_strdup (email);
      g_ptr_array_add (accounts, account);
    }
  g_list_free_full (items, g_object_unref);

  g_ptr_array_sort (accounts, compare_accounts);
  g_task_return_pointer (task, g_steal_pointer (&accounts), (GDestroyNotify) g_ptr_array_unref);
}

void
werving_keyring_list_accounts_async (GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, werving_keyring_list_accounts_async);
  secret_password_search (werving_keyring_get_schema (), SECRET_SEARCH_ALL, cancellable,
                          search_done, task, NULL);
}

/**
 * werving_keyring_list_accounts_finish:
 *
 * Returns: (transfer full) (element-type WervingKeyringAccount): the accounts
 */
GPtrArray *
werving_keyring_list_accounts_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
