/* werving-session.h: the tokens and account of a signed-in user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_SESSION (werving_session_get_type ())
G_DECLARE_FINAL_TYPE (WervingSession, werving_session, WERVING, SESSION, GObject)

WervingSession *werving_session_new               (void);
WervingSession *werving_session_new_from_json     (JsonNode  *node,
                                                   GError   **error);
const char     *werving_session_get_access_token  (WervingSession *self);
const char     *werving_session_get_refresh_token (WervingSession *self);
const char     *werving_session_get_token_type    (WervingSession *self);
gint64          werving_session_get_expires_in    (WervingSession *self);
const char     *werving_session_get_account_kind  (WervingSession *self);
gint64          werving_session_get_account_id    (WervingSession *self);
const char     *werving_session_get_account_email (WervingSession *self);

G_END_DECLS
