/* portal-auth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>

#include "portal-auth.h"

static char *dummy_hash;

const char *
portal_account_kind_to_string (PortalAccountKind kind)
{
  switch (kind)
    {
    case PORTAL_ACCOUNT_ORGANISATION:
      return "organisation";
    case PORTAL_ACCOUNT_JOBSEEKER:
      return "jobseeker";
    case PORTAL_ACCOUNT_NONE:
    default:
      return "none";
    }
}

gboolean
portal_auth_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libsodium could not be initialised");
      return FALSE;
    }
  return TRUE;
}

char *
portal_auth_hash_password (const char *password)
{
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (out, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return NULL;
  return g_strdup (out);
}

gboolean
portal_auth_verify_password (const char *hash,
                             const char *password)
{
  if (hash == NULL)
    {
      /* Spend the same effort as for a real account, then fail. */
      if (g_once_init_enter (&dummy_hash))
        g_once_init_leave (&dummy_hash, portal_auth_hash_password ("not a password at all"));
      if (crypto_pwhash_str_verify (dummy_hash, password, strlen (password)) == 0)
        g_debug ("the dummy password matched");
      return FALSE;
    }
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static void
hash_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  char *hash = portal_auth_hash_password (task_data);

  if (hash == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "Out of memory while hashing");
  else
    g_task_return_pointer (task, hash, g_free);
}

void
portal_auth_hash_password_async (const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, portal_auth_hash_password_async);
  g_task_set_task_data (task, g_strdup (password), (GDestroyNotify) g_free);
  g_task_run_in_thread (task, hash_thread);
}

char *
portal_auth_hash_password_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *hash;
  char *password;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_free (data->hash);
  if (data->password != NULL)
    sodium_memzero (data->password, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;

  g_task_return_boolean (task, portal_auth_verify_password (data->hash, data->password));
}

void
portal_auth_verify_password_async (const char          *hash,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  VerifyData *data = g_new0 (VerifyData, 1);

  data->hash = g_strdup (hash);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, portal_auth_verify_password_async);
  g_task_set_task_data (task, data, (GDestroyNotify) verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
portal_auth_verify_password_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
portal_auth_new_token (void)
{
  guchar raw[32];
  char out[sodium_base64_ENCODED_LEN (32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return g_strdup (out);
}

char *
portal_auth_hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}
