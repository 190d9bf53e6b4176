/* werving-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WERVING_TYPE_APPLICATION (werving_application_get_type ())
G_DECLARE_FINAL_TYPE (WervingApplication, werving_application, WERVING, APPLICATION, AdwApplication)

WervingApplication *werving_application_new            (void);
const char         *werving_application_get_portal_url (WervingApplication *self);

G_END_DECLS
