/* werving-core.h: the whole GTK-free core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-client.h"
#include "werving-cv.h"
#include "werving-cv-query.h"
#include "werving-cv-summary.h"
#include "werving-demo-portal.h"
#include "werving-error.h"
#include "werving-events.h"
#include "werving-keyring.h"
#include "werving-message.h"
#include "werving-organisation.h"
#include "werving-outbox.h"
#include "werving-outbox-item.h"
#include "werving-page.h"
#include "werving-quota.h"
#include "werving-result-model.h"
#include "werving-session.h"
#include "werving-shortlist-entry.h"
#include "werving-thread.h"
#include "werving-vacancy.h"
