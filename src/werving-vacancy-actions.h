/* werving-vacancy-actions.h: what a user can do with one vacancy, as actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_VACANCY_ACTIONS (werving_vacancy_actions_get_type ())
G_DECLARE_FINAL_TYPE (WervingVacancyActions, werving_vacancy_actions, WERVING, VACANCY_ACTIONS, GSimpleActionGroup)

/**
 * werving_vacancy_actions_new:
 * @parent: (nullable): the window that confirmation dialogs belong to
 *   (not referenced)
 *
 * An action group for gtk_widget_insert_action_group (window, "vacancy", …)
 * with the actions "publish", "close", "renew", "duplicate", "delete",
 * "edit", "matches" and "shortlist", acting on the current vacancy. Each is enabled only
 * when the vacancy's status and the organisation's verification allow it:
 * draft → publish (verified organisations only, R6), delete; active →
 * close, matches; closed or expired → renew (verified only); any →
 * duplicate, edit, shortlist. Close and delete ask for confirmation; renew asks for the
 * new closing date.
 */
WervingVacancyActions *werving_vacancy_actions_new              (GtkWindow             *parent);

WervingClient         *werving_vacancy_actions_get_client       (WervingVacancyActions *self);
/* Fetches the organisation when none was set. */
void                   werving_vacancy_actions_set_client       (WervingVacancyActions *self,
                                                                 WervingClient         *client);
WervingOrganisation   *werving_vacancy_actions_get_organisation (WervingVacancyActions *self);
void                   werving_vacancy_actions_set_organisation (WervingVacancyActions *self,
                                                                 WervingOrganisation   *organisation);
WervingVacancy        *werving_vacancy_actions_get_vacancy      (WervingVacancyActions *self);
void                   werving_vacancy_actions_set_vacancy      (WervingVacancyActions *self,
                                                                 WervingVacancy        *vacancy);
GtkWindow             *werving_vacancy_actions_get_parent       (WervingVacancyActions *self);
void                   werving_vacancy_actions_set_parent       (WervingVacancyActions *self,
                                                                 GtkWindow             *parent);
/* Why publishing or renewing is not possible (unverified organisation), as a
 * translated sentence, or NULL. */
const char            *werving_vacancy_actions_get_explanation  (WervingVacancyActions *self);
gboolean               werving_vacancy_actions_get_busy         (WervingVacancyActions *self);
/* The confirmation or date dialog on screen, if any (for tests). */
AdwMessageDialog      *werving_vacancy_actions_get_dialog       (WervingVacancyActions *self);

G_END_DECLS
