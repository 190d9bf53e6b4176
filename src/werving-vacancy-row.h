/* werving-vacancy-row.h: one vacancy in the list, with the state of a change
 * waiting in the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_VACANCY_ROW (werving_vacancy_row_get_type ())
G_DECLARE_FINAL_TYPE (WervingVacancyRow, werving_vacancy_row, WERVING, VACANCY_ROW, GtkWidget)

GtkWidget      *werving_vacancy_row_new         (void);
/* Shows @vacancy and, from @outbox (nullable), the change waiting for it. */
void            werving_vacancy_row_set_vacancy (WervingVacancyRow *self,
                                                 WervingVacancy    *vacancy,
                                                 WervingOutbox     *outbox);
WervingVacancy *werving_vacancy_row_get_vacancy (WervingVacancyRow *self);
/* "Waiting to send", "Failed: …", or NULL when nothing waits (tests). */
const char     *werving_vacancy_row_get_outbox_text (WervingVacancyRow *self);

/* The status as the user reads it ("Draft", "Active", …). */
const char     *werving_vacancy_row_status_label (const char *status);
/* "Utrecht · closes 23 Nov 2026" */
char           *werving_vacancy_row_subtitle     (WervingVacancy *vacancy);

G_END_DECLS
