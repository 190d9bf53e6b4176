/* werving-vacancy-save.h: saving vacancies through the outbox while the
 * portal cannot be reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-outbox.h"

G_BEGIN_DECLS

/* The request never reached the portal: it can wait in the outbox. */
gboolean           werving_vacancy_save_is_offline_error (const GError      *error);
/* The create or update item waiting for @vacancy: an update of its id, or
 * the create item a queued new vacancy stands for (see
 * werving_vacancy_save_item_vacancy); NULL when none. */
WervingOutboxItem *werving_vacancy_save_find_item     (WervingOutbox     *outbox,
                                                       WervingVacancy    *vacancy);
/* Queues @form as an update of @id (> 0) or a new vacancy, replacing
 * @previous when that is still waiting: a later save supersedes it, and a new
 * vacancy must not be created twice. Returns (transfer none) the item, or
 * NULL when @previous, a new vacancy, is on its way right now (save again
 * once it arrived). */
WervingOutboxItem *werving_vacancy_save_queue         (WervingOutbox     *outbox,
                                                       WervingVacancy    *form,
                                                       gint64             id,
                                                       WervingOutboxItem *previous);
/* The vacancy as queued, to list it (id 0 for a new one); the item is kept
 * with it for werving_vacancy_save_find_item. */
WervingVacancy    *werving_vacancy_save_item_vacancy  (WervingOutboxItem *item);
/* A short translated sentence for the item's state: "Waiting to send", … */
char              *werving_vacancy_save_describe      (WervingOutboxItem *item);
/* Removes the drafts in @dir that hold exactly what @item delivered; a
 * draft edited since stays. */
void               werving_vacancy_save_forget_drafts (const char        *dir,
                                                       WervingOutboxItem *item);

G_END_DECLS
