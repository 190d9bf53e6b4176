/* werving-outbox-item-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-outbox-item.h"

G_BEGIN_DECLS

WervingOutboxItem *werving_outbox_item_new       (const char         *kind,
                                                  gint64              target_id,
                                                  JsonNode           *body);
WervingOutboxItem *werving_outbox_item_load      (JsonNode           *node,
                                                  GError            **error);
void               werving_outbox_item_save      (WervingOutboxItem  *self,
                                                  JsonBuilder        *builder);
void               werving_outbox_item_set_state (WervingOutboxItem  *self,
                                                  WervingOutboxState  state,
                                                  const char         *reason);
void               werving_outbox_item_add_attempt (WervingOutboxItem *self);

G_END_DECLS
