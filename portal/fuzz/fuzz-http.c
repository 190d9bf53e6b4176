/* fuzz-http.c: libFuzzer target for whole HTTP requests
 *
 * Runs the real PortalServer (routing, Authorization bearer parsing,
 * Idempotency-Key checks, the Content-Length / 64 KiB guard, query strings,
 * JSON bodies and every route behind them) on a seeded temporary database
 * and sends each input as the raw bytes of one HTTP connection over
 * loopback. Two sessions exist with fixed tokens, so inputs can reach the
 * signed-in routes:
 *
 *   Authorization: Bearer fuzz-organisation-token   (verified organisation)
 *   Authorization: Bearer fuzz-jobseeker-token      (the demo jobseeker)
 *
 * A crash, a sanitizer report, a g_warning/g_critical, a connection that
 * neither answers nor closes, or a 500 internal problem is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "portal-auth.h"
#include "portal-demo.h"
#include "portal-json.h"
#include "portal-server.h"
#include "portal-store.h"

#define HANG_SECONDS 20
#define IDLE_USEC (G_USEC_PER_SEC / 2)

static PortalServer *server;
static guint16 port;

static void
add_session (PortalStore *store,
             const char  *email,
             const char  *token)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password_hash = NULL;
  g_autofree char *access_hash = portal_auth_hash_token (token);
  g_autofree char *refresh = g_strconcat (token, "-refresh", NULL);
  g_autofree char *refresh_hash = portal_auth_hash_token (refresh);
  PortalAccountKind kind;
  gint64 id;
  gint64 forever = portal_now () + 10 * 365 * 86400;

  if (!portal_store_account_find (store, email, &kind, &id, &password_hash) ||
      !portal_store_session_create (store, kind, id, access_hash, forever, refresh_hash, forever, &error))
    g_error ("cannot create the fuzzing session of %s: %s", email, error != NULL ? error->message : "no account");
}

static void
remove_db (void)
{
  /* The database lives in a temporary folder removed at exit. */
  const char *dir = g_getenv ("WERVING_FUZZ_DB_DIR");

  if (dir != NULL)
    {
      const char *names[] = { "portal.db", "portal.db-wal", "portal.db-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PortalStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  PortalServerOptions options = { .cv_view_quota = 1000, .contact_quota = 1000, .access_ttl = 900 };
  const char *colon;

  fuzz_make_warnings_fatal ();
  dir = g_dir_make_tmp ("werving-fuzz-http-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_setenv ("WERVING_FUZZ_DB_DIR", dir, TRUE);
  atexit (remove_db);
  path = g_build_filename (dir, "portal.db", NULL);
  if (!portal_auth_init (&error) ||
      (store = portal_store_open (path, &error)) == NULL ||
      !portal_demo_create (store, 200, 1, &error))
    g_error ("cannot set up the portal: %s", error->message);
  add_session (store, "demo@werving.test", "fuzz-organisation-token");
  add_session (store, "jobseeker@werving.test", "fuzz-jobseeker-token");

  server = portal_server_new (store, &options);
  if (!portal_server_listen (server, "127.0.0.1", 0, NULL, &error))
    g_error ("cannot listen: %s", error->message);
  uri = portal_server_get_uri (server);
  colon = strrchr (uri, ':');
  port = (guint16) g_ascii_strtoull (colon + 1, NULL, 10);
  return 0;
}

/* TRUE once @answer holds one whole HTTP answer. */
static gboolean
answer_complete (GString *answer)
{
  const char *end = strstr (answer->str, "\r\n\r\n");
  const char *length;
  gsize header_length;

  if (end == NULL)
    return FALSE;
  header_length = (gsize) (end - answer->str) + 4;
  length = g_strstr_len (answer->str, header_length, "\r\nContent-Length: ");
  if (length == NULL)
    return TRUE;
  return answer->len - header_length >= g_ascii_strtoull (length + 18, NULL, 10);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  struct sockaddr_in address = { 0 };
  g_autoptr(GString) answer = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  gint64 idle_since;
  size_t sent = 0;
  int fd;

  fd = socket (AF_INET, SOCK_STREAM, 0);
  g_assert (fd >= 0);
  address.sin_family = AF_INET;
  address.sin_port = g_htons (port);
  address.sin_addr.s_addr = g_htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &address, sizeof address) != 0)
    g_error ("connect: %s", g_strerror (errno));
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) | O_NONBLOCK);

  /* Send everything, then half-close: the server answers what it got and
   * closes when it reads the end. */
  while (sent < size)
    {
      ssize_t n = send (fd, data + sent, size - sent, MSG_NOSIGNAL);

      if (n > 0)
        sent += (size_t) n;
      else if (n < 0 && errno != EAGAIN && errno != EINTR)
        break;  /* the server closed early (413, bad request line) */
      iterate ();
    }
  shutdown (fd, SHUT_WR);
  idle_since = g_get_monotonic_time ();

  /* libsoup 3.2 keeps an answered keep-alive connection open after the
   * client's half-close, so stop at the end of the first complete answer
   * (headers plus Content-Length bytes), at the server's close, or when
   * nothing came for a while (a request still waiting for its bytes). */
  for (;;)
    {
      char buffer[16384];
      ssize_t n = recv (fd, buffer, sizeof buffer, 0);

      if (n > 0)
        {
          g_string_append_len (answer, buffer, n);
          idle_since = g_get_monotonic_time ();
          if (answer_complete (answer))
            break;
        }
      else if (n == 0 || (errno != EAGAIN && errno != EINTR))
        break;
      if (g_get_monotonic_time () - idle_since > IDLE_USEC)
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("the server kept answering for %d s", HANG_SECONDS);
      iterate ();
      g_usleep (20);
    }
  close (fd);
  iterate ();

  /* A 500 from the portal is an unhandled case: an internal problem. */
  if (strstr (answer->str, "problems/internal") != NULL)
    g_error ("internal error for a request: %.*s", (int) MIN (size, 2000), (const char *) data);
  return 0;
}
