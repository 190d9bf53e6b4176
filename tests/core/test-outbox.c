/* test-outbox.c: the outbox delivers exactly once across outages and restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "werving-outbox-private.h"
#include "werving-test-portal.h"

#define CALL WERVING_TEST_CALL

typedef struct
{
  WervingTestPortal *portal;
  WervingClient     *client;
  char              *dir;
  char              *path;
  gint64             thread_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) threads = NULL;
  g_autoptr(WervingThread) thread = NULL;

  fixture->portal = werving_test_portal_start (NULL);
  if (fixture->portal == NULL)
    return;
  fixture->client = werving_test_client_new (fixture->portal, WERVING_TEST_DEMO_ORG);
  fixture->dir = g_dir_make_tmp ("werving-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "account", "outbox.json", NULL);

  /* The demo thread is about an active vacancy. */
  threads = CALL (fixture->client, &error, list_threads, NULL, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (threads), >=, 1);
  for (guint i = 0; i < werving_page_get_n_items (threads); i++)
    {
      g_autoptr(WervingThread) t = g_list_model_get_item (werving_page_get_items (threads), i);

      if (!werving_thread_get_read_only (t))
        fixture->thread_id = werving_thread_get_id (t);
    }
  g_assert_cmpint (fixture->thread_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->path != NULL)
    {
      g_autofree char *account = g_path_get_dirname (fixture->path);

      g_unlink (fixture->path);
      g_rmdir (account);
      g_rmdir (fixture->dir);
    }
  g_free (fixture->path);
  g_free (fixture->dir);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->portal, werving_test_portal_free);
}

/* How many messages of the thread have exactly this body. */
static guint
count_messages (Fixture    *fixture,
                const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = CALL (fixture->client, &error, list_messages, fixture->thread_id, NULL, 100);
  guint count = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < werving_page_get_n_items (page); i++)
    {
      g_autoptr(WervingMessage) message = g_list_model_get_item (werving_page_get_items (page), i);

      if (g_str_equal (werving_message_get_body (message), body))
        count++;
    }
  return count;
}

static void
on_delivered (WervingOutbox     *outbox,
              WervingOutboxItem *item,
              GObject           *result,
              guint             *count)
{
  g_assert_true (WERVING_IS_MESSAGE (result));
  (*count)++;
}

static void
on_attempts (WervingOutboxItem *item,
             GParamSpec        *pspec,
             gboolean          *failed_once)
{
  *failed_once = TRUE;
}

static void
test_delivered_after_outage (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *saved = NULL;
  WervingOutboxItem *item;
  gboolean failed_once = FALSE;
  guint delivered = 0;
  gboolean done;
  GStatBuf st;

  if (fixture->portal == NULL)
    return;

  outbox = werving_outbox_new (fixture->client, fixture->path, &error);
  g_assert_no_error (error);
  g_object_set (outbox, "initial-backoff-ms", 200, NULL);
  g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered), &delivered);

  werving_test_portal_kill (fixture->portal);

  uuid = g_uuid_string_random ();
  body = g_strdup_printf ("Bericht uit de outbox %s", uuid);
  item = werving_outbox_send_message (outbox, fixture->thread_id, body);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  g_signal_connect (item, "notify::attempts", G_CALLBACK (on_attempts), &failed_once);

  g_assert_true (werving_test_wait_for (&failed_once, 10000));
  g_assert_cmpint (werving_outbox_item_get_state (item), ==, WERVING_OUTBOX_STATE_PENDING);
  g_assert_cmpstr (werving_outbox_item_get_reason (item), ==,
                   "Werving cannot reach the portal; check your internet connection.");

  /* Saved, for the user only, with its key. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (fixture->path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, body));
  g_assert_nonnull (strstr (saved, werving_outbox_item_get_idempotency_key (item)));

  werving_test_portal_restart (fixture->portal);

  done = FALSE;
  while (delivered == 0 && !done)
    {
      werving_test_sleep (100);
      done = g_list_model_get_n_items (G_LIST_MODEL (outbox)) == 0 && delivered > 0;
    }
  g_assert_cmpuint (delivered, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  /* Give a wrong second attempt a chance to happen before counting. */
  werving_test_sleep (1000);
  g_assert_cmpuint (count_messages (fixture, body), ==, 1);
  g_assert_cmpuint (delivered, ==, 1);
}

static void
test_replay_after_crash (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(WervingMessage) message = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *body = g_strdup_printf ("Na een crash %s", key);
  g_autofree char *account = g_path_get_dirname (fixture->path);
  g_autofree char *file = NULL;
  guint delivered = 0;

  if (fixture->portal == NULL)
    return;

  /* The app sent it, the portal stored it, the app died before it heard. */
  message = CALL (fixture->client, &error, send_message, fixture->thread_id, body, key);
  g_assert_no_error (error);
  g_assert_cmpuint (count_messages (fixture, body), ==, 1);

  file = g_strdup_printf ("{\"version\":1,\"items\":[{\"id\":\"x\",\"kind\":\"message.send\","
                          "\"idempotency_key\":\"%s\",\"target_id\":%" G_GINT64_FORMAT ","
                          "\"body\":{\"body\":\"%s\"},\"state\":\"sending\",\"attempts\":0,"
                          "\"reason\":null,\"created_at\":\"2026-11-23T10:00:00Z\"}]}",
                          key, fixture->thread_id, body);
  g_assert_cmpint (g_mkdir_with_parents (account, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, file, -1, NULL));

  outbox = werving_outbox_new (fixture->client, fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered), &delivered);
  while (delivered == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Sent again with the same key: the portal replayed, no second message. */
  g_assert_cmpuint (count_messages (fixture, body), ==, 1);
}

static void
test_wiped_on_sign_out (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (fixture->portal == NULL)
    return;

  outbox = werving_outbox_new (fixture->client, fixture->path, &error);
  g_assert_no_error (error);
  werving_test_portal_kill (fixture->portal);
  werving_outbox_send_message (outbox, fixture->thread_id, "Nooit verstuurd");
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  werving_client_sign_out_async (fixture->client, NULL, werving_test_store_result, &result);
  werving_test_wait (&result);
  g_assert_true (werving_client_sign_out_finish (fixture->client, result, &error));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_refused_item_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  WervingOutboxItem *item;
  gboolean changed = FALSE;

  if (fixture->portal == NULL)
    return;

  outbox = werving_outbox_new (fixture->client, fixture->path, &error);
  g_assert_no_error (error);
  /* Not the organisation's thread: the portal says not-found; no retry. */
  item = werving_outbox_send_message (outbox, 999999, "Aan niemand");
  g_signal_connect (item, "notify::reason", G_CALLBACK (on_attempts), &changed);
  g_assert_true (werving_test_wait_for (&changed, 10000));
  while (werving_outbox_item_get_state (item) == WERVING_OUTBOX_STATE_SENDING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (werving_outbox_item_get_state (item), ==, WERVING_OUTBOX_STATE_FAILED);
  g_assert_cmpuint (werving_outbox_item_get_attempts (item), ==, 1);
  g_assert_true (werving_outbox_discard (outbox, item));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
}

/* A network monitor the test switches; GIO's own follows the machine. */
#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum { MONITOR_PROP_0, MONITOR_PROP_AVAILABLE, MONITOR_PROP_METERED, MONITOR_PROP_CONNECTIVITY };

static void test_monitor_iface_init (GNetworkMonitorInterface *iface) { }
static gboolean test_monitor_initable_init (GInitable *initable, GCancellable *c, GError **e) { return TRUE; }
static void test_monitor_initable_iface_init (GInitableIface *iface) { iface->init = test_monitor_initable_init; }

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MONITOR_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
}

static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* Queues a vacancy update while the portal is down, with a backoff far
 * longer than the test, and waits for the first failed attempt. */
static WervingOutboxItem *
queue_while_down (Fixture        *fixture,
                  WervingOutbox  *outbox,
                  const char     *title,
                  gint64         *vacancy_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) form = werving_vacancy_new ();
  g_autoptr(WervingVacancy) created = NULL;
  WervingOutboxItem *item;
  gboolean failed_once = FALSE;

  werving_vacancy_set_title (form, "Monteur buitendienst");
  werving_vacancy_set_description (form, "Onderhoud aan installaties.");
  created = CALL (fixture->client, &error, create_vacancy, form, NULL);
  g_assert_no_error (error);
  *vacancy_id = werving_vacancy_get_id (created);

  g_object_set (outbox, "initial-backoff-ms", 120000, NULL);
  werving_test_portal_kill (fixture->portal);
  werving_vacancy_set_title (created, title);
  item = werving_outbox_update_vacancy (outbox, created);
  g_signal_connect (item, "notify::attempts", G_CALLBACK (on_attempts), &failed_once);
  g_assert_true (werving_test_wait_for (&failed_once, 10000));
  g_assert_cmpint (werving_outbox_item_get_state (item), ==, WERVING_OUTBOX_STATE_PENDING);
  g_assert_false (werving_client_get_reachable (fixture->client));
  return item;
}

static void
on_delivered_vacancy (WervingOutbox     *outbox,
                      WervingOutboxItem *item,
                      GObject           *result,
                      gboolean          *delivered)
{
  g_assert_true (WERVING_IS_VACANCY (result));
  *delivered = TRUE;
}

static void
assert_title (Fixture    *fixture,
              gint64      id,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) vacancy = CALL (fixture->client, &error, get_vacancy, id);

  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_title (vacancy), ==, title);
}

static void
test_flush_on_network_change (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(TestMonitor) monitor = NULL;
  gboolean delivered = FALSE;
  gint64 id;

  if (fixture->portal == NULL)
    return;

  outbox = werving_outbox_new (fixture->client, fixture->path, &error);
  g_assert_no_error (error);
  monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  werving_outbox_set_network_monitor (outbox, G_NETWORK_MONITOR (monitor));
  g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered_vacancy), &delivered);

  queue_while_down (fixture, outbox, "Monteur (netwerk terug)", &id);
  test_monitor_set_available (monitor, FALSE);
  werving_test_portal_restart (fixture->portal);

  /* The backoff alone would wait two minutes. */
  werving_test_sleep (1500);
  g_assert_false (delivered);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);

  test_monitor_set_available (monitor, TRUE);
  g_assert_true (werving_test_wait_for (&delivered, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  g_assert_true (werving_client_get_reachable (fixture->client));
  assert_title (fixture, id, "Monteur (netwerk terug)");
}

static void
test_flush_when_portal_answers (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingOutbox) outbox = NULL;
  g_autoptr(TestMonitor) monitor = NULL;
  g_autoptr(WervingPage) page = NULL;
  gboolean delivered = FALSE;
  gint64 id;

  if (fixture->portal == NULL)
    return;

  outbox = werving_outbox_new (fixture->client, fixture->path, &error);
  g_assert_no_error (error);
  /* No network news at all: only the client can tell. */
  monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  werving_outbox_set_network_monitor (outbox, G_NETWORK_MONITOR (monitor));
  g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered_vacancy), &delivered);

  queue_while_down (fixture, outbox, "Monteur (portaal terug)", &id);
  werving_test_portal_restart (fixture->portal);
  werving_test_sleep (1500);
  g_assert_false (delivered);

  /* Any other request that gets an answer wakes the outbox. */
  page = CALL (fixture->client, &error, list_vacancies, NULL, NULL, 0);
  g_assert_no_error (error);
  g_assert_true (werving_test_wait_for (&delivered, 10000));
  assert_title (fixture, id, "Monteur (portaal terug)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/outbox/delivered-once-after-outage", Fixture, NULL,
              fixture_set_up, test_delivered_after_outage, fixture_tear_down);
  g_test_add ("/core/outbox/replay-after-crash", Fixture, NULL,
              fixture_set_up, test_replay_after_crash, fixture_tear_down);
  g_test_add ("/core/outbox/wiped-on-sign-out", Fixture, NULL,
              fixture_set_up, test_wiped_on_sign_out, fixture_tear_down);
  g_test_add ("/core/outbox/refused-item-fails", Fixture, NULL,
              fixture_set_up, test_refused_item_fails, fixture_tear_down);
  g_test_add ("/core/outbox/flush-on-network-change", Fixture, NULL,
              fixture_set_up, test_flush_on_network_change, fixture_tear_down);
  g_test_add ("/core/outbox/flush-when-portal-answers", Fixture, NULL,
              fixture_set_up, test_flush_when_portal_answers, fixture_tear_down);

  return g_test_run ();
}
