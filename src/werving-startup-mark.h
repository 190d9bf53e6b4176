/* werving-startup-mark.h: time stamps of the start-up path
 *
 * With G_MESSAGES_DEBUG=werving-startup each mark prints (on stderr) its step
 * and the CLOCK_MONOTONIC time in ms (the clock bench/app/bench-startup shares), to
 * see where the time to the first signed-in frame goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* On stderr: stdout may be a benchmark's pipe. */
#define WERVING_STARTUP_MARK(what) \
  G_STMT_START { \
    if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, "werving-startup")) \
      g_printerr ("werving-startup: %-28s %10.1f ms\n", (what), g_get_monotonic_time () / 1000.0); \
  } G_STMT_END
