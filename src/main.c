/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "werving-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WervingApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERVING_LOCALEDIR") ? g_getenv ("WERVING_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = werving_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
