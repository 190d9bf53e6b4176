/* werving-register-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_REGISTER_PAGE (werving_register_page_get_type ())
G_DECLARE_FINAL_TYPE (WervingRegisterPage, werving_register_page, WERVING, REGISTER_PAGE, GtkWidget)

void     werving_register_page_set_client (WervingRegisterPage *self,
                                           WervingClient       *client);
/* Checks the form as the portal would; marks and explains every wrong row. */
gboolean werving_register_page_validate   (WervingRegisterPage *self);
/* Shows one field error (API field name) on its row; FALSE if no such row. */
gboolean werving_register_page_show_field_error (WervingRegisterPage *self,
                                                 const char          *field,
                                                 const char          *message);

G_END_DECLS
