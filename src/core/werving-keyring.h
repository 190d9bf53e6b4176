/* werving-keyring.h: account secrets in the system keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* The kinds of secret kept per account. */
#define WERVING_KEYRING_REFRESH_TOKEN "refresh-token"
#define WERVING_KEYRING_PASSWORD      "password"

/* One remembered account. */
typedef struct
{
  char *portal;
  char *email;
} WervingKeyringAccount;

#define WERVING_TYPE_KEYRING_ACCOUNT (werving_keyring_account_get_type ())
GType                  werving_keyring_account_get_type (void) G_GNUC_CONST;
WervingKeyringAccount *werving_keyring_account_copy     (const WervingKeyringAccount *self);
void                   werving_keyring_account_free     (WervingKeyringAccount       *self);

/* Schema "io.github.werving.Werving.Account": portal (URL), email, kind. */
const SecretSchema *werving_keyring_get_schema     (void);

void      werving_keyring_store_async         (const char           *portal,
                                               const char           *email,
                                               const char           *kind,
                                               const char           *secret,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  werving_keyring_store_finish        (GAsyncResult         *result,
                                               GError              **error);
/* Finishes with NULL and no error when nothing is stored. */
void      werving_keyring_lookup_async        (const char           *portal,
                                               const char           *email,
                                               const char           *kind,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
char     *werving_keyring_lookup_finish       (GAsyncResult         *result,
                                               GError              **error);
/* @kind NULL clears every secret of the account. */
void      werving_keyring_clear_async         (const char           *portal,
                                               const char           *email,
                                               const char           *kind,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  werving_keyring_clear_finish        (GAsyncResult         *result,
                                               GError              **error);
/* Finishes with a GPtrArray of WervingKeyringAccount, sorted, no doubles. */
void       werving_keyring_list_accounts_async  (GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray *werving_keyring_list_accounts_finish (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
