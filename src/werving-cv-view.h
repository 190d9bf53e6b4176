/* werving-cv-view.h: one CV laid out for reading, with the CV-view quota
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_CV_VIEW (werving_cv_view_get_type ())
G_DECLARE_FINAL_TYPE (WervingCvView, werving_cv_view, WERVING, CV_VIEW, GtkWidget)

/* How much of today's CV-view allowance is left. */
typedef enum
{
  WERVING_QUOTA_STATE_UNKNOWN,
  WERVING_QUOTA_STATE_OK,
  WERVING_QUOTA_STATE_LOW,
  WERVING_QUOTA_STATE_EXHAUSTED,
} WervingQuotaState;

WervingClient     *werving_cv_view_get_client      (WervingCvView *self);
/* Also asks the portal for the current quota. */
void               werving_cv_view_set_client      (WervingCvView *self,
                                                    WervingClient *client);
/* The account's outbox, through which "Contact about Vacancy…" sends. */
void               werving_cv_view_set_outbox      (WervingCvView *self,
                                                    WervingOutbox *outbox);
/* Fetches and shows CV @id; this counts as a view at the portal (R4). */
void               werving_cv_view_open            (WervingCvView *self,
                                                    gint64         id);
/* Shows nothing (and forgets the CV). */
void               werving_cv_view_clear           (WervingCvView *self);
/* (nullable) (transfer none): the CV shown */
WervingCv         *werving_cv_view_get_cv          (WervingCvView *self);
/* "none", "loading", "error" or "cv" */
const char        *werving_cv_view_get_state       (WervingCvView *self);
WervingQuotaState  werving_cv_view_get_quota_state (WervingCvView *self);
/* The CV as plain text, as "Copy CV Text" puts it on the clipboard. */
char              *werving_cv_view_dup_text        (WervingCvView *self);
/* Whether the back button shows (the page sets it when folded). */
void               werving_cv_view_set_show_back   (WervingCvView *self,
                                                    gboolean       show_back);
/* Loads the style of the visibility badges and CV facts (once). */
void               werving_cv_view_ensure_style    (void);
/* Quota state and its sentence, shared with the results list. */
WervingQuotaState  werving_cv_view_quota_state     (WervingQuota  *quota);
char              *werving_cv_view_quota_message   (WervingQuota  *quota);

G_END_DECLS
