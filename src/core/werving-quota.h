/* werving-quota.h: the daily CV-view and new-contact allowances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_QUOTA (werving_quota_get_type ())
G_DECLARE_FINAL_TYPE (WervingQuota, werving_quota, WERVING, QUOTA, GObject)

WervingQuota *werving_quota_new                        (void);
WervingQuota *werving_quota_new_from_json              (JsonNode  *node,
                                                        GError   **error);
gint64        werving_quota_get_cv_views_limit         (WervingQuota *self);
gint64        werving_quota_get_cv_views_used          (WervingQuota *self);
gint64        werving_quota_get_cv_views_remaining     (WervingQuota *self);
GDateTime    *werving_quota_get_cv_views_resets_at     (WervingQuota *self);
gint64        werving_quota_get_new_contacts_limit     (WervingQuota *self);
gint64        werving_quota_get_new_contacts_used      (WervingQuota *self);
gint64        werving_quota_get_new_contacts_remaining (WervingQuota *self);
GDateTime    *werving_quota_get_new_contacts_resets_at (WervingQuota *self);
void          werving_quota_set_cv_views_limit         (WervingQuota *self,
                                                        gint64        cv_views_limit);
void          werving_quota_set_cv_views_used          (WervingQuota *self,
                                                        gint64        cv_views_used);
void          werving_quota_set_cv_views_remaining     (WervingQuota *self,
                                                        gint64        cv_views_remaining);
void          werving_quota_set_cv_views_resets_at     (WervingQuota *self,
                                                        GDateTime    *cv_views_resets_at);

/* Takes over the values of @other, notifying each property that changed. */
void werving_quota_update (WervingQuota *self,
                           WervingQuota *other);

G_END_DECLS
