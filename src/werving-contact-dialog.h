/* werving-contact-dialog.h: the first message to a candidate about a vacancy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_CONTACT_DIALOG (werving_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WervingContactDialog, werving_contact_dialog, WERVING, CONTACT_DIALOG, AdwWindow)

/* Loads the organisation's active vacancies (R2), its threads with CV
 * @cv_id and today's new-contact quota. @outbox may be NULL (signed out:
 * nothing can be sent). @headline is shown under the title.
 */
WervingContactDialog *werving_contact_dialog_new            (GtkWindow            *parent,
                                                             WervingClient        *client,
                                                             WervingOutbox        *outbox,
                                                             gint64                cv_id,
                                                             const char           *headline);
/* Where "Message sent" goes once the dialog is gone (weak). */
void                  werving_contact_dialog_set_toast_overlay (WervingContactDialog *self,
                                                                AdwToastOverlay      *overlay);
/* "loading", "error", "none" (no active vacancy), "compose" or "waiting" */
const char           *werving_contact_dialog_get_state      (WervingContactDialog *self);
/* (transfer none): the vacancies offered, a GListModel of WervingVacancy */
GListModel           *werving_contact_dialog_get_vacancies  (WervingContactDialog *self);
gint64                werving_contact_dialog_get_vacancy_id (WervingContactDialog *self);
void                  werving_contact_dialog_select_vacancy (WervingContactDialog *self,
                                                             gint64                vacancy_id);
/* Chooses template @id (see werving-templates.h) in the Template row. */
void                  werving_contact_dialog_select_template (WervingContactDialog *self,
                                                              const char           *id);
GtkTextBuffer        *werving_contact_dialog_get_buffer     (WervingContactDialog *self);
/* Whether Send is enabled, and (nullable) why not. */
gboolean              werving_contact_dialog_get_can_send   (WervingContactDialog *self);
const char           *werving_contact_dialog_get_reason     (WervingContactDialog *self);
/* "3 of 20 new contacts left today" */
const char           *werving_contact_dialog_get_quota_text (WervingContactDialog *self);

G_END_DECLS
