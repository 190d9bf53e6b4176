/* werving-organisation.c: an employer or intermediary registered at the portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-json-private.h"
#include "werving-organisation.h"

struct _WervingOrganisation
{
  GObject    parent_instance;

  gint64     id;
  char      *kvk;
  char      *name;
  char      *kind;
  char      *contact_name;
  char      *email;
  char      *phone;
  char      *verification;
  GDateTime *created_at;
};

G_DEFINE_FINAL_TYPE (WervingOrganisation, werving_organisation, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "id", "id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingOrganisation, id), WERVING_FIELD_REQUIRED, 0 },
  { "kvk", "kvk", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, kvk), WERVING_FIELD_WRITABLE, 16 },
  { "name", "name", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, name), WERVING_FIELD_REQUIRED | WERVING_FIELD_WRITABLE, 200 },
  { "kind", "kind", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, kind), WERVING_FIELD_WRITABLE, 32 },
  { "contact-name", "contact_name", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, contact_name), WERVING_FIELD_WRITABLE, 200 },
  { "email", "email", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, email), WERVING_FIELD_WRITABLE, 320 },
  { "phone", "phone", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, phone), WERVING_FIELD_WRITABLE, 64 },
  { "verification", "verification", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingOrganisation, verification), 0, 32 },
  { "created-at", "created_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingOrganisation, created_at), 0, 0 },
};

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_organisation_finalize (GObject *object)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);

  G_OBJECT_CLASS (werving_organisation_parent_class)->finalize (object);
}

static void
werving_organisation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_organisation_set_property (GObject      *object,
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
werving_organisation_class_init (WervingOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_organisation_finalize;
  object_class->get_property = werving_organisation_get_property;
  object_class->set_property = werving_organisation_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_organisation_init (WervingOrganisation *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

WervingOrganisation *
werving_organisation_new (void)
{
  return g_object_new (WERVING_TYPE_ORGANISATION, NULL);
}

/**
 * werving_organisation_new_from_json:
 *
 * Parses one Organisation object. Never trusts @node: a missing required member, a
 * wrong type or an oversized value gives a WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new object, or NULL on error
 */
WervingOrganisation *
werving_organisation_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(WervingOrganisation) self = werving_organisation_new ();

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * werving_organisation_to_json:
 *
 * Returns: (transfer full): the writable members as a JSON object
 */
JsonNode *
werving_organisation_to_json (const WervingOrganisation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (WERVING_IS_ORGANISATION ((gpointer) self), NULL);

  json_builder_begin_object (builder);
  werving_json_fields_write (fields, G_N_ELEMENTS (fields), self, builder, TRUE);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gint64
werving_organisation_get_id (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), -1);

  return self->id;
}

const char *
werving_organisation_get_kvk (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->kvk;
}

const char *
werving_organisation_get_name (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->name;
}

const char *
werving_organisation_get_kind (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->kind;
}

const char *
werving_organisation_get_contact_name (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->contact_name;
}

const char *
werving_organisation_get_email (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->email;
}

const char *
werving_organisation_get_phone (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->phone;
}

const char *
werving_organisation_get_verification (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->verification;
}

GDateTime *
werving_organisation_get_created_at (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), NULL);

  return self->created_at;
}

void
werving_organisation_set_kvk (WervingOrganisation *self,
                              const char          *kvk)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_ORGANISATION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, kvk);
  if (werving_json_fields_set_value (&fields[1], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[2]);
}

void
werving_organisation_set_name (WervingOrganisation *self,
                               const char          *name)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_ORGANISATION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  if (werving_json_fields_set_value (&fields[2], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[3]);
}

void
werving_organisation_set_kind (WervingOrganisation *self,
                               const char          *kind)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_ORGANISATION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, kind);
  if (werving_json_fields_set_value (&fields[3], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[4]);
}

void
werving_organisation_set_contact_name (WervingOrganisation *self,
                                       const char          *contact_name)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_ORGANISATION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, contact_name);
  if (werving_json_fields_set_value (&fields[4], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[5]);
}

void
werving_organisation_set_email (WervingOrganisation *self,
                                const char          *email)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_ORGANISATION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, email);
  if (werving_json_fields_set_value (&fields[5], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[6]);
}

void
werving_organisation_set_phone (WervingOrganisation *self,
                                const char          *phone)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_ORGANISATION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, phone);
  if (werving_json_fields_set_value (&fields[6], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[7]);
}

gboolean
werving_organisation_is_verified (WervingOrganisation *self)
{
  g_return_val_if_fail (WERVING_IS_ORGANISATION (self), FALSE);

  return g_strcmp0 (self->verification, "verified") == 0;
}
