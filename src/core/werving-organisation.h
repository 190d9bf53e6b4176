/* werving-organisation.h: an employer or intermediary registered at the portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_ORGANISATION (werving_organisation_get_type ())
G_DECLARE_FINAL_TYPE (WervingOrganisation, werving_organisation, WERVING, ORGANISATION, GObject)

WervingOrganisation *werving_organisation_new              (void);
WervingOrganisation *werving_organisation_new_from_json    (JsonNode  *node,
                                                            GError   **error);
JsonNode            *werving_organisation_to_json          (const WervingOrganisation *self);
gint64               werving_organisation_get_id           (WervingOrganisation *self);
const char          *werving_organisation_get_kvk          (WervingOrganisation *self);
const char          *werving_organisation_get_name         (WervingOrganisation *self);
const char          *werving_organisation_get_kind         (WervingOrganisation *self);
const char          *werving_organisation_get_contact_name (WervingOrganisation *self);
const char          *werving_organisation_get_email        (WervingOrganisation *self);
const char          *werving_organisation_get_phone        (WervingOrganisation *self);
const char          *werving_organisation_get_verification (WervingOrganisation *self);
GDateTime           *werving_organisation_get_created_at   (WervingOrganisation *self);
void                 werving_organisation_set_kvk          (WervingOrganisation *self,
                                                            const char          *kvk);
void                 werving_organisation_set_name         (WervingOrganisation *self,
                                                            const char          *name);
void                 werving_organisation_set_kind         (WervingOrganisation *self,
                                                            const char          *kind);
void                 werving_organisation_set_contact_name (WervingOrganisation *self,
                                                            const char          *contact_name);
void                 werving_organisation_set_email        (WervingOrganisation *self,
                                                            const char          *email);
void                 werving_organisation_set_phone        (WervingOrganisation *self,
                                                            const char          *phone);

gboolean werving_organisation_is_verified (WervingOrganisation *self);

G_END_DECLS
