/* portal-routes.h: the handlers behind each route of the API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "portal-request.h"

G_BEGIN_DECLS

typedef void (*PortalRouteFunc) (PortalRequest *request);

/* portal-routes-accounts.c */
void portal_route_health               (PortalRequest *request);
void portal_route_organisation_create  (PortalRequest *request);
void portal_route_organisation_get     (PortalRequest *request);
void portal_route_organisation_patch   (PortalRequest *request);
void portal_route_session_create       (PortalRequest *request);
void portal_route_session_refresh      (PortalRequest *request);
void portal_route_session_delete       (PortalRequest *request);

/* portal-routes-vacancies.c */
void portal_route_vacancy_list         (PortalRequest *request);
void portal_route_vacancy_create       (PortalRequest *request);
void portal_route_vacancy_get          (PortalRequest *request);
void portal_route_vacancy_patch        (PortalRequest *request);
void portal_route_vacancy_delete       (PortalRequest *request);
void portal_route_vacancy_publish      (PortalRequest *request);
void portal_route_vacancy_close        (PortalRequest *request);
void portal_route_vacancy_renew        (PortalRequest *request);

/* portal-routes-cvs.c */
void portal_route_vacancy_matches      (PortalRequest *request);
void portal_route_cv_search            (PortalRequest *request);
void portal_route_cv_get               (PortalRequest *request);
void portal_route_quota                (PortalRequest *request);
void portal_route_own_cv_get           (PortalRequest *request);
void portal_route_own_cv_patch         (PortalRequest *request);
void portal_route_own_cv_renew         (PortalRequest *request);
void portal_route_own_cv_views         (PortalRequest *request);

/* portal-routes-threads.c */
void portal_route_thread_list          (PortalRequest *request);
void portal_route_thread_create        (PortalRequest *request);
void portal_route_thread_get           (PortalRequest *request);
void portal_route_message_list         (PortalRequest *request);
void portal_route_message_create       (PortalRequest *request);
void portal_route_thread_read          (PortalRequest *request);
void portal_route_thread_reveal        (PortalRequest *request);

/* portal-routes-shortlist.c */
void portal_route_shortlist_list       (PortalRequest *request);
void portal_route_shortlist_put        (PortalRequest *request);
void portal_route_shortlist_delete     (PortalRequest *request);

/* Shared by the route files. */
gboolean portal_routes_require_verified (PortalRequest *request);
/* Sends thread.updated (and message.created when @message is set) to both
 * parties of the thread, each with their own view of it. */
void     portal_routes_notify_thread    (PortalRequest *request,
                                         gint64         thread_id,
                                         JsonObject    *message);

G_END_DECLS
