/* werving-session.c: the tokens and account of a signed-in user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-json-private.h"
#include "werving-session.h"

struct _WervingSession
{
  GObject    parent_instance;

  char      *access_token;
  char      *refresh_token;
  char      *token_type;
  gint64     expires_in;
  char      *account_kind;
  gint64     account_id;
  char      *account_email;
};

G_DEFINE_FINAL_TYPE (WervingSession, werving_session, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "access-token", "access_token", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingSession, access_token), WERVING_FIELD_REQUIRED | WERVING_FIELD_NO_PROPERTY, 4096 },
  { "refresh-token", "refresh_token", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingSession, refresh_token), WERVING_FIELD_REQUIRED | WERVING_FIELD_NO_PROPERTY, 4096 },
  { "token-type", "token_type", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingSession, token_type), 0, 32 },
  { "expires-in", "expires_in", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingSession, expires_in), 0, 0 },
  { "account-kind", "account.kind", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingSession, account_kind), WERVING_FIELD_REQUIRED, 32 },
  { "account-id", "account.id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingSession, account_id), WERVING_FIELD_REQUIRED, 0 },
  { "account-email", "account.email", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingSession, account_email), 0, 320 },
};

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_session_finalize (GObject *object)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);

  G_OBJECT_CLASS (werving_session_parent_class)->finalize (object);
}

static void
werving_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (werving_json_fields_set_value (&fields[prop_id - 1], object, value))
    g_object_notify_by_pspec (object, pspec);
}

static void
werving_session_class_init (WervingSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_session_finalize;
  object_class->get_property = werving_session_get_property;
  object_class->set_property = werving_session_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_session_init (WervingSession *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

WervingSession *
werving_session_new (void)
{
  return g_object_new (WERVING_TYPE_SESSION, NULL);
}

/**
 * werving_session_new_from_json:
 *
 * Parses one Session object. Never trusts @node: a missing required member, a
 * wrong type or an oversized value gives a WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new object, or NULL on error
 */
WervingSession *
werving_session_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(WervingSession) self = werving_session_new ();

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
werving_session_get_access_token (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), NULL);

  return self->access_token;
}

const char *
werving_session_get_refresh_token (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), NULL);

  return self->refresh_token;
}

const char *
werving_session_get_token_type (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), NULL);

  return self->token_type;
}

gint64
werving_session_get_expires_in (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), -1);

  return self->expires_in;
}

const char *
werving_session_get_account_kind (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), NULL);

  return self->account_kind;
}

gint64
werving_session_get_account_id (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), -1);

  return self->account_id;
}

const char *
werving_session_get_account_email (WervingSession *self)
{
  g_return_val_if_fail (WERVING_IS_SESSION (self), NULL);

  return self->account_email;
}
