/* werving-vacancies-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_VACANCIES_PAGE (werving_vacancies_page_get_type ())
G_DECLARE_FINAL_TYPE (WervingVacanciesPage, werving_vacancies_page, WERVING, VACANCIES_PAGE, GtkWidget)

WervingClient *werving_vacancies_page_get_client (WervingVacanciesPage *self);
void           werving_vacancies_page_set_client (WervingVacanciesPage *self,
                                                  WervingClient        *client);
/* As set_client, for @email's account: @client may not be signed in yet (a
 * start while the portal is away). Until it is, the page shows the list kept
 * on this computer, sends nothing, and its Retry emits "reconnect". */
void           werving_vacancies_page_set_account (WervingVacanciesPage *self,
                                                   WervingClient        *client,
                                                   const char           *email);
/* Start-up, before there is a client to use: shows the list of @email's
 * account at @portal kept on this computer, if any (else "loading"). */
void           werving_vacancies_page_show_cached (WervingVacanciesPage *self,
                                                   const char           *portal,
                                                   const char           *email);
/* The vacancies shown, a GListModel of WervingVacancy. */
GListModel    *werving_vacancies_page_get_model  (WervingVacanciesPage *self);
void           werving_vacancies_page_reload     (WervingVacanciesPage *self);
WervingVacancy *werving_vacancies_page_get_selected_vacancy (WervingVacanciesPage *self);
/* The account's outbox: its waiting vacancy changes show on their rows, and
 * the list reloads when one arrives. Setting the client to NULL drops it. */
WervingOutbox  *werving_vacancies_page_get_outbox (WervingVacanciesPage *self);
void            werving_vacancies_page_set_outbox (WervingVacanciesPage *self,
                                                   WervingOutbox        *outbox);
/* The "cannot reach the portal" sentence while it shows, else NULL. */
const char     *werving_vacancies_page_get_offline_message (WervingVacanciesPage *self);

G_END_DECLS
