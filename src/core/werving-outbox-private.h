/* werving-outbox-private.h: what tests need of the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-outbox.h"

G_BEGIN_DECLS

/* The monitor whose "network-changed" (available) makes the outbox try at
 * once; g_network_monitor_get_default () unless a test sets another. */
void werving_outbox_set_network_monitor (WervingOutbox   *self,
                                         GNetworkMonitor *monitor);

G_END_DECLS
