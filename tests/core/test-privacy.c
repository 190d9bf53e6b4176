/* test-privacy.c: after sign-out, nothing of the session is left on disk
 *
 * R9: the app keeps no candidate personal data on disk, and secrets live
 * only in the keyring. This test uses the core as the app does against a
 * real werving-portal — sign in with "remember me" (refresh token in the
 * keyring), CV searches, CV views of open and anonymous CVs, the events
 * channel, messages and a new contact through the outbox (also while the
 * portal is down), a restart that resumes from the keyring — signs out, and
 * then reads every regular file under $HOME, the temp dir and
 * $XDG_RUNTIME_DIR for the password, every access and refresh token the
 * session had, and the personal data of every CV it touched: what the
 * portal showed for open CVs, and for anonymous ones the real personalia
 * from the portal's database. gnome-keyring's own (encrypted) files are read
 * like any other, not skipped. The walker proves itself on planted files
 * and on the outbox file while a message naming a candidate waits in it.
 *
 * Runs only under tools/test-env.sh (a throw-away HOME and a keyring): it
 * reads the whole HOME. The temp dir is a private one (TMPDIR is set in
 * main), so other tests' portal databases, which hold the same synthetic
 * personalia, cannot be mistaken for ours; the system temp dir is read too,
 * for the tokens only, in files changed since the test started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "werving-test-portal.h"

#define CALL WERVING_TEST_CALL
#define MAX_TMP_FILE (64 * 1024 * 1024)

static char *system_tmp;   /* TMPDIR as the test found it */

typedef enum
{
  SECRET_TOKEN,      /* unique to this run: looked for everywhere */
  SECRET_PASSWORD,
  SECRET_PERSONAL,
} SecretKind;

typedef struct
{
  SecretKind  kind;
  char       *label;  /* printed instead of the value */
  char       *value;
} Secret;

static void
secret_free (Secret *secret)
{
  g_free (secret->label);
  g_free (secret->value);
  g_free (secret);
}

typedef struct
{
  GPtrArray  *secrets;   /* of Secret */
  GHashTable *values;
} Secrets;

static void
secrets_add (Secrets    *secrets,
             SecretKind  kind,
             const char *value,
             const char *label)
{
  Secret *secret;

  /* Shorter strings would be found by chance in binary files. */
  if (value == NULL || strlen (value) < 6 || g_hash_table_contains (secrets->values, value))
    return;

  secret = g_new0 (Secret, 1);
  secret->kind = kind;
  secret->label = g_strdup (label);
  secret->value = g_strdup (value);
  g_ptr_array_add (secrets->secrets, secret);
  g_hash_table_add (secrets->values, secret->value);
}

static void
secrets_add_personal (Secrets    *secrets,
                      gint64      cv_id,
                      const char *what,
                      const char *value)
{
  g_autofree char *label = g_strdup_printf ("%s of CV %" G_GINT64_FORMAT, what, cv_id);
  g_autofree char *lower = value ? g_utf8_strdown (value, -1) : NULL;

  secrets_add (secrets, SECRET_PERSONAL, value, label);
  secrets_add (secrets, SECRET_PERSONAL, lower, label);
}

/* The walker */

typedef struct
{
  Secrets    *secrets;
  gboolean    tokens_only;
  time_t      newer_than;     /* 0: every file */
  const char * const *skip;   /* directories not walked */
  guint       files;
  guint       keyring_files;
  guint       unreadable;
  GPtrArray  *hits;           /* of "path: label" */
} Walk;

static void
scan_file (Walk       *walk,
           const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    {
      walk->unreadable++;
      return;
    }
  walk->files++;
  if (g_str_has_suffix (path, ".keyring"))
    walk->keyring_files++;

  for (guint i = 0; i < walk->secrets->secrets->len; i++)
    {
      Secret *secret = g_ptr_array_index (walk->secrets->secrets, i);

      if (walk->tokens_only && secret->kind != SECRET_TOKEN)
        continue;
      if (memmem (data, length, secret->value, strlen (secret->value)) != NULL)
        g_ptr_array_add (walk->hits, g_strdup_printf ("%s: %s", path, secret->label));
    }
}

static void
walk_dir (Walk       *walk,
          const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (!g_strv_contains (walk->skip, child))
            walk_dir (walk, child);
          continue;
        }
      /* Sockets, pipes and symlinks hold nothing of their own. */
      if (!S_ISREG (st.st_mode))
        continue;
      if (walk->newer_than != 0 && (st.st_mtime < walk->newer_than || st.st_size > MAX_TMP_FILE))
        continue;
      scan_file (walk, child);
    }
}

typedef struct
{
  guint      files;
  guint      keyring_files;
  GPtrArray *hits;
} Findings;

static void
findings_free (Findings *findings)
{
  g_ptr_array_unref (findings->hits);
  g_free (findings);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Findings, findings_free)

/* Reads $HOME, the (private) temp dir and $XDG_RUNTIME_DIR for everything,
 * and what changed in the system temp dir since @since for the tokens.
 */
static Findings *
search_disk (Secrets    *secrets,
             const char *portal_dir,
             time_t      since)
{
  Findings *findings = g_new0 (Findings, 1);
  const char *runtime = g_getenv ("XDG_RUNTIME_DIR");
  /* The portal's own database is the server's, not the client's. */
  const char *portal_only[] = { portal_dir, NULL };
  /* Read already, or about to be, with every secret. */
  const char *read_before[] = { g_get_home_dir (), g_get_tmp_dir (), runtime, NULL };
  Walk walk = { secrets, FALSE, 0, portal_only, 0, 0, 0, NULL };

  findings->hits = g_ptr_array_new_with_free_func (g_free);
  walk.hits = findings->hits;

  walk_dir (&walk, g_get_home_dir ());
  g_assert_cmpuint (walk.unreadable, ==, 0);
  findings->keyring_files = walk.keyring_files;
  walk_dir (&walk, g_get_tmp_dir ());
  if (runtime != NULL)
    walk_dir (&walk, runtime);
  g_assert_cmpuint (walk.unreadable, ==, 0);

  walk.tokens_only = TRUE;
  walk.newer_than = since;
  walk.skip = read_before;
  walk_dir (&walk, system_tmp);

  findings->files = walk.files;
  for (guint i = 0; i < findings->hits->len; i++)
    g_test_message ("found %s", (char *) g_ptr_array_index (findings->hits, i));
  return findings;
}

static gboolean
findings_has (Findings   *findings,
              const char *path,
              const char *label)
{
  g_autofree char *hit = g_strdup_printf ("%s: %s", path, label);

  for (guint i = 0; i < findings->hits->len; i++)
    if (g_str_equal (g_ptr_array_index (findings->hits, i), hit))
      return TRUE;
  return FALSE;
}

/* The anonymous CVs' real personalia, from the portal's database (python3's
 * sqlite3: the core tests do not link SQLite).
 */
static void
add_personalia_from_db (Secrets    *secrets,
                        const char *db,
                        GArray     *cv_ids)
{
  const char *script =
    "import sqlite3, sys\n"
    "db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n"
    "ids = [int(i) for i in sys.argv[2:]]\n"
    "q = ('SELECT id, first_name, last_name, email, phone, street, house_number, postcode, birth_date'\n"
    "     ' FROM cv_private WHERE id IN (%s)' % ','.join('?' * len(ids)))\n"
    "for r in db.execute(q, ids):\n"
    "    print('\\t'.join(str(x or '') for x in r))\n"
    "for r in db.execute('SELECT name, email FROM jobseekers'):\n"
    "    print('\\t'.join(['0', r[0], '', r[1]]))\n";
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint rows = 0;

  g_ptr_array_add (argv, g_strdup ("python3"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup (db));
  for (guint i = 0; i < cv_ids->len; i++)
    g_ptr_array_add (argv, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (cv_ids, gint64, i)));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autofree char *name = NULL;
      g_autofree char *street = NULL;
      gint64 id;

      if (g_strv_length (f) < 4)
        continue;
      id = g_ascii_strtoll (f[0], NULL, 10);
      name = g_strdup_printf ("%s %s", f[1], f[2]);
      g_strstrip (name);
      secrets_add_personal (secrets, id, "name", name);
      secrets_add_personal (secrets, id, "e-mail", f[3]);
      if (g_strv_length (f) >= 9)
        {
          street = g_strdup_printf ("%s %s", f[5], f[6]);
          secrets_add_personal (secrets, id, "phone", f[4]);
          secrets_add_personal (secrets, id, "address", street);
          secrets_add_personal (secrets, id, "postcode", f[7]);
          secrets_add_personal (secrets, id, "birth date", f[8]);
          rows++;
        }
    }
  g_assert_cmpuint (rows, ==, cv_ids->len);
}

/* The app's side: "remember me" keeps every new refresh token */

typedef struct
{
  Secrets *secrets;
  char    *portal;
  guint    stores_pending;
  guint    delivered;
} App;

static void
store_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  App *app = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (werving_keyring_store_finish (result, &error));
  g_assert_no_error (error);
  app->stores_pending--;
}

static void
on_session (WervingClient *client,
            GParamSpec    *pspec,
            App           *app)
{
  WervingSession *session = werving_client_get_session (client);

  if (session == NULL)
    return;
  secrets_add (app->secrets, SECRET_TOKEN, werving_session_get_access_token (session), "access token");
  secrets_add (app->secrets, SECRET_TOKEN, werving_session_get_refresh_token (session), "refresh token");
  app->stores_pending++;
  werving_keyring_store_async (app->portal, WERVING_TEST_DEMO_ORG, WERVING_KEYRING_REFRESH_TOKEN,
                               werving_session_get_refresh_token (session), NULL, store_done, app);
}

static void
on_delivered (WervingOutbox     *outbox,
              WervingOutboxItem *item,
              GObject           *result,
              App               *app)
{
  app->delivered++;
}

static void
wait_delivered (App   *app,
                guint  n)
{
  for (guint waited = 0; app->delivered < n; waited += 50)
    {
      g_assert_cmpuint (waited, <, 20000);
      werving_test_sleep (50);
    }
}

static void
wait_stores (App *app)
{
  while (app->stores_pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static WervingOutbox *
app_outbox (App           *app,
            WervingClient *client)
{
  g_autofree char *path = werving_outbox_get_default_path (app->portal, WERVING_TEST_DEMO_ORG);
  g_autoptr(GError) error = NULL;
  WervingOutbox *outbox = werving_outbox_new (client, path, &error);

  g_assert_no_error (error);
  g_object_set (outbox, "initial-backoff-ms", 100, NULL);
  g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered), app);
  return outbox;
}

/* Views a CV; an open one adds what the portal showed to the secrets. */
static void
view_cv (WervingClient *client,
         Secrets       *secrets,
         gint64         id,
         gboolean       open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingCv) cv = CALL (client, &error, get_cv, id);

  g_assert_no_error (error);
  g_assert_cmpint (werving_cv_has_personalia (cv), ==, open);
  if (!open)
    return;
  secrets_add_personal (secrets, id, "name", werving_cv_get_personalia_name (cv));
  secrets_add_personal (secrets, id, "e-mail", werving_cv_get_personalia_email (cv));
  secrets_add_personal (secrets, id, "phone", werving_cv_get_personalia_phone (cv));
  secrets_add_personal (secrets, id, "address", werving_cv_get_personalia_address (cv));
  secrets_add_personal (secrets, id, "postcode", werving_cv_get_personalia_postcode (cv));
  secrets_add_personal (secrets, id, "birth date", werving_cv_get_personalia_birth_date (cv));
}

static void
search (WervingClient *client,
        Secrets       *secrets,
        const char    *name,
        const char    *value,
        GArray        *open_ids,
        GArray        *anonymous_ids)
{
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  g_autofree char *cursor = NULL;

  if (name != NULL)
    werving_cv_query_set (query, name, value);
  for (guint n = 0; n < 2; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WervingPage) page = CALL (client, &error, search_cvs, query, cursor, 50);
      GListModel *items;

      g_assert_no_error (error);
      items = werving_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(WervingCvSummary) cv = g_list_model_get_item (items, i);
          gint64 id = werving_cv_summary_get_id (cv);

          if (werving_cv_summary_is_anonymous (cv))
            {
              g_assert_null (werving_cv_summary_get_name (cv));
              g_array_append_val (anonymous_ids, id);
            }
          else
            {
              secrets_add_personal (secrets, id, "name", werving_cv_summary_get_name (cv));
              g_array_append_val (open_ids, id);
            }
        }
      g_free (cursor);
      cursor = g_strdup (werving_page_get_next_cursor (page));
      if (cursor == NULL)
        break;
    }
}

static void
test_nothing_left_behind (void)
{
  g_autoptr(WervingTestPortal) portal = NULL;
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) resumed = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(WervingEvents) events = NULL;
  g_autoptr(WervingPage) threads = NULL;
  g_autoptr(WervingPage) active = NULL;
  g_autoptr(WervingPage) messages = NULL;
  g_autoptr(WervingThread) thread = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(Findings) findings = NULL;
  g_autoptr(GArray) open_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) anonymous_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) viewed_anonymous = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *portal_url = NULL;
  g_autofree char *outbox_path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name_label = NULL;
  Secrets secrets = { g_ptr_array_new_with_free_func ((GDestroyNotify) secret_free),
                      g_hash_table_new (g_str_hash, g_str_equal) };
  App app = { &secrets, NULL, 0, 0 };
  time_t since = time (NULL) - 1;
  gint64 open_cv, thread_id;
  const char *open_name = NULL;

  if (g_getenv ("WERVING_TEST_ENV_INNER") == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("Reads the whole HOME: run under tools/test-env.sh");
      goto out;
    }
  portal = werving_test_portal_start (NULL);
  if (portal == NULL)
    goto out;
  /* Not portal->url: a restart of the portal replaces that string. */
  app.portal = portal_url = g_strdup (portal->url);
  secrets_add (&secrets, SECRET_PASSWORD, WERVING_TEST_DEMO_PASSWORD, "password");

  /* Sign in, remember me. */
  client = werving_client_new (portal->url, &error);
  g_assert_no_error (error);
  g_signal_connect (client, "notify::session", G_CALLBACK (on_session), &app);
  session = CALL (client, &error, sign_in, WERVING_TEST_DEMO_ORG, WERVING_TEST_DEMO_PASSWORD);
  g_assert_no_error (error);
  g_clear_object (&session);
  outbox = app_outbox (&app, client);
  outbox_path = g_strdup (werving_outbox_get_path (outbox));
  events = werving_events_new (client);
  werving_events_start (events);

  /* Searches and CV views, open and anonymous. */
  search (client, &secrets, NULL, NULL, open_ids, anonymous_ids);
  search (client, &secrets, "place", "Utrecht", open_ids, anonymous_ids);
  search (client, &secrets, "sort", "relevance", open_ids, anonymous_ids);
  g_assert_cmpuint (open_ids->len, >=, 4);
  g_assert_cmpuint (anonymous_ids->len, >=, 4);
  for (guint i = 0; i < 4; i++)
    {
      view_cv (client, &secrets, g_array_index (open_ids, gint64, i), TRUE);
      view_cv (client, &secrets, g_array_index (anonymous_ids, gint64, i), FALSE);
      g_array_append_val (viewed_anonymous, g_array_index (anonymous_ids, gint64, i));
    }

  /* The demo conversation: its candidate's CV (anonymous) and messages. */
  threads = CALL (client, &error, list_threads, NULL, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (threads), >=, 1);
  thread = g_list_model_get_item (werving_page_get_items (threads), 0);
  thread_id = werving_thread_get_id (thread);
  view_cv (client, &secrets, werving_thread_get_cv_id (thread), FALSE);
  {
    gint64 id = werving_thread_get_cv_id (thread);
    gboolean seen = FALSE;

    for (guint i = 0; i < viewed_anonymous->len; i++)
      seen |= g_array_index (viewed_anonymous, gint64, i) == id;
    if (!seen)
      g_array_append_val (viewed_anonymous, id);
  }
  messages = CALL (client, &error, list_messages, thread_id, NULL, 0);
  g_assert_no_error (error);
  g_assert_true (CALL (client, &error, mark_thread_read, thread_id));
  add_personalia_from_db (&secrets, portal->db, viewed_anonymous);

  /* Messages through the outbox: a reply, and a new contact with an open CV
   * about an active vacancy, both naming the candidate.
   */
  open_cv = g_array_index (open_ids, gint64, 0);
  name_label = g_strdup_printf ("name of CV %" G_GINT64_FORMAT, open_cv);
  for (guint i = 0; i < secrets.secrets->len; i++)
    {
      Secret *secret = g_ptr_array_index (secrets.secrets, i);

      if (g_str_equal (secret->label, name_label))
        {
          open_name = secret->value;
          break;
        }
    }
  g_assert_nonnull (open_name);
  active = CALL (client, &error, list_vacancies, "active", NULL, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (active), >=, 1);
  vacancy = g_list_model_get_item (werving_page_get_items (active), 0);
  werving_outbox_send_message (outbox, thread_id, "Dank u, ik bel u morgen over de vacature.");
  body = g_strdup_printf ("Beste %s, uw cv past goed bij onze vacature. Mag ik u bellen?", open_name);
  werving_outbox_create_thread (outbox, werving_vacancy_get_id (vacancy), open_cv, body);
  wait_delivered (&app, 2);

  /* While the portal is down the outbox keeps the message on disk (the
   * user's own writing, R9): the walker must find the name in it there.
   */
  werving_test_portal_kill (portal);
  g_free (body);
  body = g_strdup_printf ("Beste %s, is dinsdag goed voor een gesprek?", open_name);
  werving_outbox_send_message (outbox, thread_id, body);
  g_assert_true (g_file_test (outbox_path, G_FILE_TEST_IS_REGULAR));
  findings = search_disk (&secrets, portal->dir, since);
  g_assert_true (findings_has (findings, outbox_path, name_label));
  g_assert_cmpuint (findings->hits->len, ==, 1);
  g_clear_pointer (&findings, findings_free);
  werving_test_portal_restart (portal);
  werving_outbox_flush (outbox);
  wait_delivered (&app, 3);

  /* The app quits without signing out and starts again: resume from the
   * keyring, view and write once more.
   */
  werving_events_stop (events);
  g_clear_object (&events);
  g_clear_object (&outbox);
  g_clear_object (&client);
  wait_stores (&app);
  {
    g_autoptr(GAsyncResult) result = NULL;

    werving_keyring_lookup_async (portal->url, WERVING_TEST_DEMO_ORG, WERVING_KEYRING_REFRESH_TOKEN,
                                  NULL, werving_test_store_result, &result);
    werving_test_wait (&result);
    remembered = werving_keyring_lookup_finish (result, &error);
    g_assert_no_error (error);
    g_assert_nonnull (remembered);
  }
  resumed = werving_client_new (portal->url, &error);
  g_assert_no_error (error);
  g_signal_connect (resumed, "notify::session", G_CALLBACK (on_session), &app);
  session = CALL (resumed, &error, resume, remembered);
  g_assert_no_error (error);
  outbox = app_outbox (&app, resumed);
  view_cv (resumed, &secrets, g_array_index (open_ids, gint64, 1), TRUE);
  werving_outbox_send_message (outbox, thread_id, "Tot dinsdag.");
  wait_delivered (&app, 4);

  /* A message the portal refuses (no such thread) stays in the outbox for
   * the user to decide, naming the candidate, until the sign-out.
   */
  g_free (body);
  body = g_strdup_printf ("Beste %s, tot dinsdag!", open_name);
  {
    WervingOutboxItem *refused = werving_outbox_send_message (outbox, G_MAXINT32, body);

    while (werving_outbox_item_get_state (refused) != WERVING_OUTBOX_STATE_FAILED)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_file_test (outbox_path, G_FILE_TEST_IS_REGULAR));
  }

  /* Sign out: the outbox goes with the session, "remember me" is forgotten. */
  g_assert_true (CALL (resumed, &error, sign_out));
  g_assert_no_error (error);
  g_assert_false (g_file_test (outbox_path, G_FILE_TEST_EXISTS));
  wait_stores (&app);
  {
    g_autoptr(GAsyncResult) cleared = NULL;
    g_autoptr(GAsyncResult) looked_up = NULL;
    g_autofree char *left = NULL;

    werving_keyring_clear_async (portal->url, WERVING_TEST_DEMO_ORG, NULL, NULL,
                                 werving_test_store_result, &cleared);
    werving_test_wait (&cleared);
    g_assert_true (werving_keyring_clear_finish (cleared, &error));
    werving_keyring_lookup_async (portal->url, WERVING_TEST_DEMO_ORG, WERVING_KEYRING_REFRESH_TOKEN,
                                  NULL, werving_test_store_result, &looked_up);
    werving_test_wait (&looked_up);
    left = werving_keyring_lookup_finish (looked_up, &error);
    g_assert_no_error (error);
    g_assert_null (left);
  }
  g_clear_object (&outbox);
  g_clear_object (&resumed);
  werving_test_portal_kill (portal);

  /* Two sessions' worth of tokens, personalia of 2 x 4 CVs at least. */
  g_test_message ("looking for %u secrets", secrets.secrets->len);
  g_assert_cmpuint (secrets.secrets->len, >=, 4 + 1 + 8 * 3);

  findings = search_disk (&secrets, portal->dir, since);
  g_test_message ("read %u files (%u of gnome-keyring)", findings->files, findings->keyring_files);
  g_assert_cmpuint (findings->hits->len, ==, 0);
  /* gnome-keyring's files were read too: no secret in plain text there. */
  g_assert_cmpuint (findings->keyring_files, >=, 1);
  g_clear_pointer (&findings, findings_free);

  /* The walker finds what is there: plant a token and a phone number. */
  {
    const char *phone = NULL;
    g_autofree char *phone_label = NULL;
    g_autofree char *deep = g_build_filename (g_get_home_dir (), ".cache", "werving-privacy-plant", "a", "b", NULL);
    g_autofree char *in_home = g_build_filename (deep, "settings.ini", NULL);
    g_autofree char *in_tmp = g_build_filename (g_get_tmp_dir (), "planted.json", NULL);
    g_autofree char *sys_dir = g_build_filename (system_tmp, "werving-privacy-plant-XXXXXX", NULL);
    g_autofree char *in_sys = NULL;
    g_autofree char *tokenish = NULL;
    g_autofree char *phone_text = NULL;
    Secret *access = NULL;
    Secret *refresh = NULL;

    for (guint i = 0; i < secrets.secrets->len; i++)
      {
        Secret *secret = g_ptr_array_index (secrets.secrets, i);

        if (access == NULL && g_str_equal (secret->label, "access token"))
          access = secret;
        if (refresh == NULL && g_str_equal (secret->label, "refresh token"))
          refresh = secret;
        if (phone == NULL && secret->kind == SECRET_PERSONAL && g_str_has_prefix (secret->label, "phone"))
          {
            phone = secret->value;
            phone_label = g_strdup (secret->label);
          }
      }
    g_assert_nonnull (access);
    g_assert_nonnull (refresh);
    g_assert_nonnull (phone);

    g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
    tokenish = g_strdup_printf ("[account]\nrefresh=%s\n", refresh->value);
    g_assert_true (g_file_set_contents (in_home, tokenish, -1, NULL));
    phone_text = g_strdup_printf ("{\"body\":\"bel %s\",\"t\":\"%s\"}", phone, access->value);
    g_assert_true (g_file_set_contents (in_tmp, phone_text, -1, NULL));
    g_assert_nonnull (g_mkdtemp (sys_dir));
    in_sys = g_build_filename (sys_dir, "log.txt", NULL);
    g_assert_true (g_file_set_contents (in_sys, access->value, -1, NULL));

    findings = search_disk (&secrets, portal->dir, since);
    g_assert_true (findings_has (findings, in_home, "refresh token"));
    g_assert_true (findings_has (findings, in_tmp, "access token"));
    g_assert_true (findings_has (findings, in_tmp, phone_label));
    g_assert_true (findings_has (findings, in_sys, "access token"));
    g_assert_cmpuint (findings->hits->len, ==, 4);

    g_unlink (in_home);
    g_unlink (in_tmp);
    g_unlink (in_sys);
    g_rmdir (sys_dir);
    for (int i = 0; i < 3; i++)
      {
        char *slash = strrchr (deep, '/');

        g_rmdir (deep);
        *slash = '\0';
      }
  }

out:
  g_ptr_array_unref (secrets.secrets);
  g_hash_table_unref (secrets.values);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autofree char *private_tmp = NULL;
  int status;

  /* Before anything asks g_get_tmp_dir (), which keeps its first answer. */
  system_tmp = g_strdup (g_getenv ("TMPDIR") != NULL && *g_getenv ("TMPDIR") != '\0' ? g_getenv ("TMPDIR") : "/tmp");
  private_tmp = g_build_filename (system_tmp, "werving-privacy-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (private_tmp));
  g_setenv ("TMPDIR", private_tmp, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/privacy/nothing-left-behind", test_nothing_left_behind);
  status = g_test_run ();

  remove_tree (private_tmp);
  g_free (system_tmp);
  return status;
}
