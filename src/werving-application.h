/* werving-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-silent-sign-in.h"

G_BEGIN_DECLS

#define WERVING_TYPE_APPLICATION (werving_application_get_type ())
G_DECLARE_FINAL_TYPE (WervingApplication, werving_application, WERVING, APPLICATION, AdwApplication)

WervingApplication *werving_application_new            (void);
const char         *werving_application_get_portal_url (WervingApplication *self);
/* The silent sign-in of the remembered account that start-up began, if it is
 * of @portal and @email; (transfer full) (nullable). Taking it makes the
 * caller responsible for the session it brings (the rotated refresh token).
 */
WervingSilentSignIn *werving_application_take_silent_sign_in (WervingApplication *self,
                                                              const char         *portal,
                                                              const char         *email);

G_END_DECLS
