/* werving-cv-summary.c: one CV as a search result lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-cv-summary-private.h"
#include "werving-json-private.h"

typedef struct
{
  gint64     id;
  char      *visibility;
  char      *headline;
  char      *occupation_code;
  char      *occupation_label;
  char     **skills;
  char      *region;
  gint64     hours_min;
  gint64     hours_max;
  char      *education_level;
  char      *available_from;
  gboolean   driving_licence;
  char     **languages;
  GDateTime *updated_at;
  char     **matched;
  char      *name;

  gboolean   loading;
} WervingCvSummaryPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WervingCvSummary, werving_cv_summary, G_TYPE_OBJECT)

#define F(prop, path, kind, member, flags, max) \
  { prop, path, WERVING_FIELD_##kind, G_STRUCT_OFFSET (WervingCvSummaryPrivate, member), flags, max }

static const WervingJsonField fields[] = {
  F ("id", "id", INT, id, WERVING_FIELD_REQUIRED, 0),
  F ("visibility", "visibility", STRING, visibility, 0, 32),
  F ("headline", "headline", STRING, headline, 0, 500),
  F ("occupation-code", "occupation.code", STRING, occupation_code, 0, 32),
  F ("occupation-label", "occupation.label", STRING, occupation_label, 0, 200),
  F ("skills", "skills", STRV, skills, 0, 100),
  F ("region", "region", STRING, region, 0, 200),
  F ("hours-min", "hours_min", INT, hours_min, 0, 0),
  F ("hours-max", "hours_max", INT, hours_max, 0, 0),
  F ("education-level", "education_level", STRING, education_level, 0, 32),
  F ("available-from", "available_from", DATE, available_from, 0, 0),
  F ("driving-licence", "driving_licence", BOOLEAN, driving_licence, 0, 0),
  F ("languages", "languages", STRV, languages, 0, 50),
  F ("updated-at", "updated_at", DATE_TIME, updated_at, 0, 0),
  F ("matched", "matched", STRV, matched, 0, 100),
  F ("name", "name", STRING, name, 0, 200),
};

#undef F

enum {
  PROP_LOADING = 1 + G_N_ELEMENTS (fields),
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
werving_cv_summary_finalize (GObject *object)
{
  WervingCvSummary *self = WERVING_CV_SUMMARY (object);
  WervingCvSummaryPrivate *priv = werving_cv_summary_get_instance_private (self);

  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), priv);

  G_OBJECT_CLASS (werving_cv_summary_parent_class)->finalize (object);
}

static void
werving_cv_summary_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WervingCvSummary *self = WERVING_CV_SUMMARY (object);
  WervingCvSummaryPrivate *priv = werving_cv_summary_get_instance_private (self);

  if (prop_id == PROP_LOADING)
    g_value_set_boolean (value, priv->loading);
  else if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), priv,
                                              prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_cv_summary_class_init (WervingCvSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_cv_summary_finalize;
  object_class->get_property = werving_cv_summary_get_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);

  /**
   * WervingCvSummary:loading:
   *
   * TRUE for a placeholder a list model hands out while the page holding the
   * real item is being fetched.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_LOADING, properties[PROP_LOADING]);
}

static void
werving_cv_summary_init (WervingCvSummary *self)
{
  WervingCvSummaryPrivate *priv = werving_cv_summary_get_instance_private (self);

  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), priv);
}

WervingCvSummary *
werving_cv_summary_new_placeholder (void)
{
  WervingCvSummary *self = g_object_new (WERVING_TYPE_CV_SUMMARY, NULL);
  WervingCvSummaryPrivate *priv = werving_cv_summary_get_instance_private (self);

  priv->loading = TRUE;
  return self;
}

gboolean
werving_cv_summary_parse_into (WervingCvSummary  *self,
                               JsonNode          *node,
                               GError           **error)
{
  WervingCvSummaryPrivate *priv = werving_cv_summary_get_instance_private (self);

  return werving_json_fields_parse (fields, G_N_ELEMENTS (fields), priv, node, error);
}

/**
 * werving_cv_summary_new_from_json:
 *
 * Returns: (transfer full) (nullable): the summary, or NULL with a
 * WERVING_ERROR_PARSE error
 */
WervingCvSummary *
werving_cv_summary_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(WervingCvSummary) self = g_object_new (WERVING_TYPE_CV_SUMMARY, NULL);

  if (!werving_cv_summary_parse_into (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

#define GETTER(type, member, fallback) \
  type \
  werving_cv_summary_get_##member (WervingCvSummary *self) \
  { \
    WervingCvSummaryPrivate *priv; \
    g_return_val_if_fail (WERVING_IS_CV_SUMMARY (self), fallback); \
    priv = werving_cv_summary_get_instance_private (self); \
    return (type) priv->member; \
  }

GETTER (gint64, id, -1)
GETTER (gboolean, loading, FALSE)
GETTER (const char *, visibility, NULL)
GETTER (const char *, headline, NULL)
GETTER (const char *, occupation_code, NULL)
GETTER (const char *, occupation_label, NULL)
GETTER (const char * const *, skills, NULL)
GETTER (const char *, region, NULL)
GETTER (gint64, hours_min, -1)
GETTER (gint64, hours_max, -1)
GETTER (const char *, education_level, NULL)
GETTER (const char *, available_from, NULL)
GETTER (gboolean, driving_licence, FALSE)
GETTER (const char * const *, languages, NULL)
GETTER (GDateTime *, updated_at, NULL)
GETTER (const char * const *, matched, NULL)
GETTER (const char *, name, NULL)

#undef GETTER

gboolean
werving_cv_summary_is_anonymous (WervingCvSummary *self)
{
  WervingCvSummaryPrivate *priv;

  g_return_val_if_fail (WERVING_IS_CV_SUMMARY (self), TRUE);
  priv = werving_cv_summary_get_instance_private (self);

  return g_strcmp0 (priv->visibility, "open") != 0;
}
