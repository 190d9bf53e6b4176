#include "config.h"
#include <glib.h>

int
main (int argc, char **argv)
{
  g_printerr ("werving-portal: not built yet\n");
  return 1;
}
