/* portal-main.c: the werving-portal command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "portal-auth.h"
#include "portal-demo.h"
#include "portal-discovery.h"
#include "portal-seed.h"
#include "portal-server.h"
#include "portal-store.h"

#define DEFAULT_CVS 2000

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* Lets the connections closed by the shutdown finish closing, so that
 * nothing is left half-freed; bounded so a stuck peer cannot hold us. */
static void
drain_main_context (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_pending (NULL))
        {
          g_usleep (10000);
          if (!g_main_context_pending (NULL))
            break;
        }
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
remove_temp_db (const char *dir)
{
  const char *names[] = { "portal.db", "portal.db-wal", "portal.db-shm", "portal.db-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static int
fail (const char   *what,
      const GError *error)
{
  g_printerr ("werving-portal: %s%s%s\n", what, error != NULL ? ": " : "", error != NULL ? error->message : "");
  return 1;
}

static int
run_seed (int    argc,
          char **argv)
{
  g_autofree char *db_path = NULL;
  gint cvs = DEFAULT_CVS;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "SQLite database to fill (created if needed)", "PATH" },
    { "cvs", 0, 0, G_OPTION_ARG_INT, &cvs, "Number of synthetic CVs (default 2000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (default 1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— fill a database with deterministic demo data");
  g_autoptr(GError) error = NULL;
  g_autoptr(PortalStore) store = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Creates the demo accounts, vacancies and thread (when the database is new)\n"
                                "and N synthetic CVs. The same seed gives the same CVs.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("seed", error);
  if (db_path == NULL || cvs < 0)
    return fail ("seed needs --db PATH and --cvs N (N >= 0)", NULL);
  if (!portal_auth_init (&error) || (store = portal_store_open (db_path, &error)) == NULL)
    return fail ("cannot open the database", error);
  if (portal_store_is_new (store))
    {
      if (!portal_demo_create (store, (guint) cvs, (guint64) seed, &error))
        return fail ("seeding failed", error);
    }
  else if (!portal_seed_cvs (portal_store_get_db (store), (guint) cvs, (guint64) seed, &error))
    return fail ("seeding failed", error);
  g_print ("seeded %d CVs into %s\n", cvs, db_path);
  return 0;
}

static int
run_admin (int    argc,
           char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *email = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "SQLite database of the portal", "PATH" },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, "E-mail address of the organisation", "E" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("verify|block|pending — set an organisation's verification");
  g_autoptr(GError) error = NULL;
  g_autoptr(PortalStore) store = NULL;
  const char *action;
  const char *state;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("admin", error);
  action = argc > 1 ? argv[1] : NULL;
  if (g_strcmp0 (action, "verify") == 0)
    state = "verified";
  else if (g_strcmp0 (action, "block") == 0)
    state = "blocked";
  else if (g_strcmp0 (action, "pending") == 0)
    state = "pending";
  else
    return fail ("usage: werving-portal admin verify|block|pending --db PATH --email E", NULL);
  if (db_path == NULL || email == NULL)
    return fail ("admin needs --db PATH and --email E", NULL);
  if ((store = portal_store_open (db_path, &error)) == NULL ||
      !portal_store_organisation_set_verification (store, email, state, &error))
    return fail ("admin", error);
  g_print ("%s is now %s\n", email, state);
  return 0;
}

static int
run_server (int    argc,
            char **argv)
{
  g_autofree char *listen = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *uri = NULL;
  gint port = 0, cvs = DEFAULT_CVS, cv_view_quota = 100, contact_quota = 25, access_ttl = 900;
  gboolean demo = FALSE;
  GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address to listen on (default 127.0.0.1)", "ADDR" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port; 0 picks a free one (default 0)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      "SQLite database (created if needed). Required unless --demo, which then uses a temporary "
      "database in $XDG_RUNTIME_DIR (or /tmp) that is deleted on exit", "PATH" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      "Create demo data when the database is new, and tell apps on this computer where this "
      "portal runs ($XDG_RUNTIME_DIR/werving/demo-portal, removed on exit)", NULL },
    { "cvs", 0, 0, G_OPTION_ARG_INT, &cvs, "Synthetic CVs for --demo (default 2000)", "N" },
    { "cv-view-quota", 0, 0, G_OPTION_ARG_INT, &cv_view_quota, "CV views per organisation per day (default 100)", "N" },
    { "contact-quota", 0, 0, G_OPTION_ARG_INT, &contact_quota, "New contacts per organisation per day (default 25)", "N" },
    { "access-ttl", 0, 0, G_OPTION_ARG_INT, &access_ttl, "Access-token lifetime in seconds (default 900)", "S" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, "PEM certificate: serve HTTPS", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, "PEM private key of --tls-cert", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the Werving reference job portal");
  g_autoptr(GError) error = NULL;
  g_autoptr(PortalStore) store = NULL;
  g_autoptr(PortalServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  PortalServerOptions options;
  guint sigterm_id, sigint_id;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
                                    "Other commands:\n"
                                    "  werving-portal seed --db PATH --cvs N [--seed S]\n"
                                    "  werving-portal admin verify|block|pending --db PATH --email E\n\n"
                                    "When ready it prints one line, “listening on http://127.0.0.1:PORT/”.\n"
                                    "SIGTERM or SIGINT stops it cleanly.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("bad arguments", error);
  if (argc > 1)
    return fail ("unexpected argument; see --help", NULL);
  if (port < 0 || port > 65535 || cvs < 0 || cv_view_quota < 0 || contact_quota < 0 || access_ttl < 1)
    return fail ("a numeric option is out of range", NULL);
  if ((tls_cert == NULL) != (tls_key == NULL))
    return fail ("--tls-cert and --tls-key go together", NULL);
  if (db_path == NULL)
    {
      const char *base = g_get_user_runtime_dir ();

      if (!demo)
        return fail ("--db PATH is required (or --demo for a temporary database)", NULL);
      if (base == NULL || !g_file_test (base, G_FILE_TEST_IS_DIR))
        base = g_get_tmp_dir ();
      temp_dir = g_build_filename (base, "werving-portal-XXXXXX", NULL);
      if (g_mkdtemp_full (temp_dir, 0700) == NULL)
        return fail ("cannot create a temporary directory", NULL);
      db_path = g_build_filename (temp_dir, "portal.db", NULL);
    }

  if (tls_cert != NULL &&
      (certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error)) == NULL)
    return fail ("cannot load the TLS certificate", error);
  if (!portal_auth_init (&error) || (store = portal_store_open (db_path, &error)) == NULL)
    {
      if (temp_dir != NULL)
        remove_temp_db (temp_dir);
      return fail ("cannot open the database", error);
    }
  if (demo && portal_store_is_new (store) &&
      !portal_demo_create (store, (guint) cvs, 1, &error))
    {
      if (temp_dir != NULL)
        remove_temp_db (temp_dir);
      return fail ("cannot create the demo data", error);
    }

  options.cv_view_quota = (guint) cv_view_quota;
  options.contact_quota = (guint) contact_quota;
  options.access_ttl = (guint) access_ttl;
  server = portal_server_new (store, &options);
  if (!portal_server_listen (server, listen != NULL ? listen : "127.0.0.1", (guint) port, certificate, &error))
    {
      g_clear_object (&server);
      g_clear_object (&store);
      if (temp_dir != NULL)
        remove_temp_db (temp_dir);
      return fail ("cannot listen", error);
    }

  loop = g_main_loop_new (NULL, FALSE);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);

  uri = portal_server_get_uri (server);
  printf ("listening on %s\n", uri);
  fflush (stdout);
  /* A demo portal lets the app on this computer offer it on its welcome page. */
  if (demo && !portal_discovery_publish (uri, &error))
    {
      g_printerr ("werving-portal: cannot write the demo discovery file: %s\n", error->message);
      g_clear_error (&error);
    }

  g_main_loop_run (loop);

  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);
  if (demo)
    portal_discovery_withdraw (uri);
  portal_server_disconnect (server);
  g_clear_object (&server);
  drain_main_context ();
  g_clear_object (&store);
  if (temp_dir != NULL)
    remove_temp_db (temp_dir);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "seed"))
    return run_seed (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "admin"))
    return run_admin (argc - 1, argv + 1);
  return run_server (argc, argv);
}
