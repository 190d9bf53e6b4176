/* werving-date-row.h: a form row holding an optional date, picked in a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WERVING_TYPE_DATE_ROW (werving_date_row_get_type ())
G_DECLARE_FINAL_TYPE (WervingDateRow, werving_date_row, WERVING, DATE_ROW, AdwActionRow)

/* @date: YYYY-MM-DD, or NULL for none */
const char *werving_date_row_get_date   (WervingDateRow *self);
void        werving_date_row_set_date   (WervingDateRow *self,
                                         const char     *date);
GtkWidget  *werving_date_row_get_button (WervingDateRow *self);

/* "maandag 23 november 2026" in the user's language, or NULL for a bad date. */
char       *werving_date_row_format_date         (const char     *iso_date);
/* Today in local time as YYYY-MM-DD. */
char       *werving_date_row_get_today               (void);

G_END_DECLS
