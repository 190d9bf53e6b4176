/* werving-cv-row.h: one CV in the search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "werving-cv-summary.h"

G_BEGIN_DECLS

#define WERVING_TYPE_CV_ROW (werving_cv_row_get_type ())
G_DECLARE_FINAL_TYPE (WervingCvRow, werving_cv_row, WERVING, CV_ROW, GtkWidget)

GtkWidget        *werving_cv_row_new    (void);
/* Shows @cv (nullable: an empty row; a placeholder: "Loading…"). */
void              werving_cv_row_set_cv (WervingCvRow     *self,
                                         WervingCvSummary *cv);
WervingCvSummary *werving_cv_row_get_cv (WervingCvRow     *self);

/* The list item factory of the result list: one WervingCvRow per list item,
 * recycled from CV to CV as the list scrolls.
 */
GtkListItemFactory *werving_cv_row_factory_new (void);

G_END_DECLS
