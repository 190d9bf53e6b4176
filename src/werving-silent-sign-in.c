/* werving-silent-sign-in.c: the start-up sign-in of the remembered account
 *
 * A returning user's first signed-in frame waits for two round trips that
 * need no GTK: the keyring (D-Bus, gnome-keyring) and the portal (POST
 * /v1/sessions/refresh). Done with the main context they would only advance
 * between the long first steps of the main thread (building the window,
 * realizing it, its first frame), so they run in a worker thread with a
 * main context of its own, started before GTK is even initialised.
 *
 * Threads: the keyring is opened as a SecretService of the worker's own
 * (not libsecret's shared one, whose D-Bus proxy would stay bound to the
 * worker's context). The client's libsoup session was made on the main
 * thread; libsoup 3.2 lets another thread send on it, dispatching in that
 * thread's default context. The session arrives on the client in the worker,
 * which is why nothing may be connected to the client before "finished".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-keyring.h"
#include "werving-silent-sign-in.h"
#include "werving-startup-mark.h"

struct _WervingSilentSignIn
{
  GObject parent_instance;

  WervingClient *client;
  char *email;
  GCancellable *cancellable;
  gboolean finished;
  WervingSession *session;
  GError *error;
  gboolean keyring_failed;
};

G_DEFINE_FINAL_TYPE (WervingSilentSignIn, werving_silent_sign_in, G_TYPE_OBJECT)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker reads and writes; the object itself it does not touch. */
typedef struct
{
  WervingClient *client;
  char *portal;
  char *email;
  WervingSession *session;
  GError *error;
  gboolean keyring_failed;
} Work;

static void
work_free (Work *work)
{
  g_clear_object (&work->client);
  g_free (work->portal);
  g_free (work->email);
  g_clear_object (&work->session);
  g_clear_error (&work->error);
  g_free (work);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  GMainContext *context = g_main_context_new ();
  SecretService *service = NULL;
  SecretValue *value = NULL;
  GError *error = NULL;

  g_main_context_push_thread_default (context);

  service = secret_service_open_sync (SECRET_TYPE_SERVICE, NULL, SECRET_SERVICE_OPEN_SESSION,
                                      cancellable, &error);
  if (service != NULL)
    {
      g_autoptr(GHashTable) attributes = NULL;

      attributes = secret_attributes_build (werving_keyring_get_schema (),
                                            "portal", work->portal,
                                            "email", work->email,
                                            "kind", WERVING_KEYRING_REFRESH_TOKEN,
                                            NULL);
      value = secret_service_lookup_sync (service, werving_keyring_get_schema (), attributes,
                                          cancellable, &error);
    }

  WERVING_STARTUP_MARK ("worker: keyring looked up");
  if (value == NULL)
    work->keyring_failed = error != NULL;
  else
    {
      const char *token = secret_value_get_text (value);
      GAsyncResult *result = NULL;

      if (token == NULL)
        {
          work->keyring_failed = TRUE;
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                       "The stored sign-in is not text");
        }
      else
        {
          /* The token is copied into the request body at once. */
          werving_client_resume_async (work->client, token, cancellable, store_result_cb, &result);
          while (result == NULL)
            g_main_context_iteration (context, TRUE);
          work->session = werving_client_resume_finish (work->client, result, &error);
          g_object_unref (result);
        }
      secret_value_unref (value);
    }
  work->error = error;
  WERVING_STARTUP_MARK ("worker: resumed");

  g_clear_object (&service);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);

  g_task_return_boolean (task, TRUE);
}

static void
store_token_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!werving_keyring_store_finish (result, &error))
    g_warning ("Could not keep the new sign-in in the keyring: %s", error->message);
}

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WervingSilentSignIn *self = WERVING_SILENT_SIGN_IN (source);
  Work *work = g_task_get_task_data (G_TASK (result));

  self->finished = TRUE;
  self->session = g_steal_pointer (&work->session);
  self->error = g_steal_pointer (&work->error);
  self->keyring_failed = work->keyring_failed;

  /* Cancelled (its window went) after the portal had already rotated the
   * refresh token: keep the new one, or the next start could not sign in. */
  if (g_cancellable_is_cancelled (self->cancellable) && self->session != NULL &&
      werving_session_get_refresh_token (self->session) != NULL)
    werving_keyring_store_async (work->portal, work->email, WERVING_KEYRING_REFRESH_TOKEN,
                                 werving_session_get_refresh_token (self->session),
                                 NULL, store_token_cb, NULL);

  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

WervingSilentSignIn *
werving_silent_sign_in_new (WervingClient *client,
                            const char    *email)
{
  WervingSilentSignIn *self;
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  self = g_object_new (WERVING_TYPE_SILENT_SIGN_IN, NULL);
  self->client = g_object_ref (client);
  self->email = g_strdup (email);

  work = g_new0 (Work, 1);
  work->client = g_object_ref (client);
  work->portal = g_strdup (werving_client_get_base_url (client));
  work->email = g_strdup (email);

  task = g_task_new (self, self->cancellable, sign_in_done_cb, NULL);
  g_task_set_source_tag (task, werving_silent_sign_in_new);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  /* The worker always finishes what it started (a cancelled call returns
   * quickly), so the client is free again once "finished" is emitted. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, sign_in_thread);
  return self;
}

WervingClient *
werving_silent_sign_in_get_client (WervingSilentSignIn *self)
{
  g_return_val_if_fail (WERVING_IS_SILENT_SIGN_IN (self), NULL);

  return self->client;
}

const char *
werving_silent_sign_in_get_email (WervingSilentSignIn *self)
{
  g_return_val_if_fail (WERVING_IS_SILENT_SIGN_IN (self), NULL);

  return self->email;
}

gboolean
werving_silent_sign_in_is_finished (WervingSilentSignIn *self)
{
  g_return_val_if_fail (WERVING_IS_SILENT_SIGN_IN (self), FALSE);

  return self->finished;
}

WervingSession *
werving_silent_sign_in_get_session (WervingSilentSignIn *self)
{
  g_return_val_if_fail (WERVING_IS_SILENT_SIGN_IN (self), NULL);

  return self->session;
}

const GError *
werving_silent_sign_in_get_error (WervingSilentSignIn *self)
{
  g_return_val_if_fail (WERVING_IS_SILENT_SIGN_IN (self), NULL);

  return self->error;
}

gboolean
werving_silent_sign_in_get_keyring_failed (WervingSilentSignIn *self)
{
  g_return_val_if_fail (WERVING_IS_SILENT_SIGN_IN (self), FALSE);

  return self->keyring_failed;
}

void
werving_silent_sign_in_cancel (WervingSilentSignIn *self)
{
  g_return_if_fail (WERVING_IS_SILENT_SIGN_IN (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
werving_portal_url_equal (const char *a,
                          const char *b)
{
  gsize la, lb;

  if (a == NULL || b == NULL)
    return FALSE;
  la = strlen (a);
  lb = strlen (b);
  while (la > 0 && a[la - 1] == '/')
    la--;
  while (lb > 0 && b[lb - 1] == '/')
    lb--;
  return la > 0 && la == lb && strncmp (a, b, la) == 0;
}

static void
werving_silent_sign_in_finalize (GObject *object)
{
  WervingSilentSignIn *self = WERVING_SILENT_SIGN_IN (object);

  g_clear_object (&self->client);
  g_free (self->email);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (werving_silent_sign_in_parent_class)->finalize (object);
}

static void
werving_silent_sign_in_class_init (WervingSilentSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_silent_sign_in_finalize;

  /**
   * WervingSilentSignIn::finished:
   *
   * The keyring and the portal have answered (or failed); the client may
   * be used again.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werving_silent_sign_in_init (WervingSilentSignIn *self)
{
  self->cancellable = g_cancellable_new ();
}
