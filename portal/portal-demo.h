/* portal-demo.h: demo accounts, vacancies and a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "portal-store.h"

G_BEGIN_DECLS

#define PORTAL_DEMO_PASSWORD "werving-demo-1"

/* Creates the demo data of the contract: a verified organisation
 * demo@werving.test, an unverified pending@werving.test, a jobseeker
 * jobseeker@werving.test with an anonymous CV, vacancies in every status, a
 * thread, and @n_cvs synthetic CVs generated from @seed. */
gboolean portal_demo_create (PortalStore  *store,
                             guint         n_cvs,
                             guint64       seed,
                             GError      **error);

G_END_DECLS
