/* werving-account-store.h: the accounts this computer remembers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-keyring.h"

G_BEGIN_DECLS

/* The "accounts" key: a(ss) of (portal, e-mail), in the order they were
 * first used. Only addresses: the secrets are in the keyring. */
GPtrArray *werving_account_store_list     (GSettings  *settings);
gboolean   werving_account_store_contains (GSettings  *settings,
                                           const char *portal,
                                           const char *email);
void       werving_account_store_add      (GSettings  *settings,
                                           const char *portal,
                                           const char *email);
void       werving_account_store_remove   (GSettings  *settings,
                                           const char *portal,
                                           const char *email);

/* g_get_user_cache_dir ()/werving/<sha256 of portal and e-mail>: what an
 * account keeps to show while offline. Wiped with the account. */
char      *werving_account_get_cache_dir  (const char *portal,
                                           const char *email);

/* Removes what an account wrote on this computer: its drafts, its outbox
 * file and its caches (R9). The keyring is cleared separately (async). For
 * the signed-in account, wipe its open outbox (werving_outbox_wipe) first:
 * this opens the outbox file of an account that is not signed in. */
gboolean   werving_account_wipe_local_data (const char  *portal,
                                            const char  *email,
                                            GError     **error);

/* How many items wait in the outbox of an account that is not signed in. */
guint      werving_account_count_unsent   (const char *portal,
                                           const char *email);

G_END_DECLS
