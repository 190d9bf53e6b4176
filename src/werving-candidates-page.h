/* werving-candidates-page.h: CV search, results and the CV beside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-outbox.h"
#include "werving-result-model.h"

G_BEGIN_DECLS

#define WERVING_TYPE_CANDIDATES_PAGE (werving_candidates_page_get_type ())
G_DECLARE_FINAL_TYPE (WervingCandidatesPage, werving_candidates_page, WERVING, CANDIDATES_PAGE, GtkWidget)

WervingClient      *werving_candidates_page_get_client   (WervingCandidatesPage *self);
/* Starts a search with the current criteria (all CVs when none). */
void                werving_candidates_page_set_client   (WervingCandidatesPage *self,
                                                          WervingClient         *client);
/* The account's outbox, for contacting candidates from the CV view. */
void                werving_candidates_page_set_outbox   (WervingCandidatesPage *self,
                                                          WervingOutbox         *outbox);
/* (transfer full): the criteria the search entry and filter widgets describe. */
WervingCvQuery     *werving_candidates_page_build_query  (WervingCandidatesPage *self);
/* (nullable) (transfer none): the results shown, a GListModel of WervingCvSummary */
WervingResultModel *werving_candidates_page_get_model    (WervingCandidatesPage *self);
/* Lists the CVs matching @vacancy, each saying which criteria matched. */
void                werving_candidates_page_show_matches (WervingCandidatesPage *self,
                                                          WervingVacancy        *vacancy);
/* Back from matches to the search. */
void                werving_candidates_page_end_matches  (WervingCandidatesPage *self);
/* Lists the CVs @query finds (a saved search), until the filters change. */
void                werving_candidates_page_run_query    (WervingCandidatesPage *self,
                                                          WervingCvQuery        *query);
/* Opens CV @id beside the list (counts as a view, R4). */
void                werving_candidates_page_open_cv      (WervingCandidatesPage *self,
                                                          gint64                 id);

G_END_DECLS
