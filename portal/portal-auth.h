/* portal-auth.h: password hashing (argon2id) and opaque tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PORTAL_ACCOUNT_NONE,
  PORTAL_ACCOUNT_ORGANISATION,
  PORTAL_ACCOUNT_JOBSEEKER,
} PortalAccountKind;

const char *portal_account_kind_to_string (PortalAccountKind kind);

gboolean  portal_auth_init             (GError **error);

/* argon2id through libsodium's crypto_pwhash_str; blocking, so the server
 * runs them in a worker thread through the _async variants. */
char     *portal_auth_hash_password    (const char *password);
gboolean  portal_auth_verify_password  (const char *hash,
                                        const char *password);

void      portal_auth_hash_password_async    (const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char     *portal_auth_hash_password_finish   (GAsyncResult        *result,
                                              GError             **error);
/* hash NULL verifies against a dummy hash so unknown e-mails cost the same
 * time as known ones, and always fails. */
void      portal_auth_verify_password_async  (const char          *hash,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  portal_auth_verify_password_finish (GAsyncResult        *result,
                                              GError             **error);

/* A fresh random token (32 bytes, URL-safe base64, no padding). */
char     *portal_auth_new_token        (void);
/* The SHA-256 of a token or e-mail as lowercase hex: what the store keeps. */
char     *portal_auth_hash_token       (const char *token);

G_END_DECLS
