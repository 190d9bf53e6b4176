/* werving-silent-sign-in.h: the start-up sign-in of the remembered account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_SILENT_SIGN_IN (werving_silent_sign_in_get_type ())
G_DECLARE_FINAL_TYPE (WervingSilentSignIn, werving_silent_sign_in, WERVING, SILENT_SIGN_IN, GObject)

/* Starts at once, in a worker thread, what a returning user's start waits
 * for: the refresh token of @email at @client's portal from the keyring,
 * then POST /v1/sessions/refresh with it. The main thread meanwhile builds
 * and draws the window. @client must be new: nothing may be connected to
 * it, nor may it be used, until "finished" (the session arrives on it in the
 * worker thread). "finished" is emitted in the main context of the caller.
 */
WervingSilentSignIn *werving_silent_sign_in_new          (WervingClient       *client,
                                                          const char          *email);
WervingClient       *werving_silent_sign_in_get_client   (WervingSilentSignIn *self);
const char          *werving_silent_sign_in_get_email    (WervingSilentSignIn *self);
gboolean             werving_silent_sign_in_is_finished  (WervingSilentSignIn *self);
/* After "finished": the session, or NULL with the error; NULL and no error
 * when the keyring holds no token for the account. */
WervingSession      *werving_silent_sign_in_get_session  (WervingSilentSignIn *self);
const GError        *werving_silent_sign_in_get_error    (WervingSilentSignIn *self);
/* TRUE when the error came from the keyring, not the portal. */
gboolean             werving_silent_sign_in_get_keyring_failed (WervingSilentSignIn *self);
/* The caller no longer wants the session; if the portal has rotated the
 * refresh token all the same, the new one is still put in the keyring. */
void                 werving_silent_sign_in_cancel       (WervingSilentSignIn *self);

/* "http://host/" and "http://host" name the same portal. */
gboolean             werving_portal_url_equal            (const char          *a,
                                                          const char          *b);

G_END_DECLS
