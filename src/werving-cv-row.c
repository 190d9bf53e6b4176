/* werving-cv-row.c: one CV in the search results
 *
 * GTK 4.8's list view keeps about 200 rows around its anchor and, while it
 * scrolls, moves that window back and forth by up to 30 rows a frame: most
 * frames rebind a dozen or more rows, nearly all of them off screen, and
 * mostly to CVs they showed a frame or two before. A rebind must therefore
 * cost next to nothing:
 *  - the lines are GtkInscriptions, which size by font metrics: a new text
 *    queues a redraw, not a resize, so the list is not measured again and
 *    no text is laid out until a row is drawn;
 *  - what a row shows of a CV (dates, hours, the skills markup parsed into
 *    attributes) is worked out once per CV and kept on it, so binding a
 *    row again to a CV it showed before only hands over the same strings;
 *  - style classes change only when the state (placeholder, anonymous)
 *    does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-cv-format.h"
#include "werving-cv-row.h"

typedef enum
{
  STATE_EMPTY,
  STATE_LOADING,
  STATE_ANONYMOUS,
  STATE_OPEN,
} RowState;

/* What a row shows of one CV. */
typedef struct
{
  char          *headline;
  char          *facts;
  char          *skills;
  PangoAttrList *skills_attrs;
  char          *when;
  char          *matched;   /* NULL: nothing matched (a plain search) */
} RowTexts;

struct _WervingCvRow
{
  GtkWidget         parent_instance;

  WervingCvSummary *cv;
  RowState          state;

  GtkInscription   *headline;
  GtkLabel         *badge;
  GtkInscription   *facts;
  GtkInscription   *skills;
  GtkInscription   *when;
  GtkInscription   *matched;
};

G_DEFINE_FINAL_TYPE (WervingCvRow, werving_cv_row, GTK_TYPE_WIDGET)

static GQuark texts_quark;

static void
row_texts_free (RowTexts *texts)
{
  g_free (texts->headline);
  g_free (texts->facts);
  g_free (texts->skills);
  g_clear_pointer (&texts->skills_attrs, pango_attr_list_unref);
  g_free (texts->when);
  g_free (texts->matched);
  g_free (texts);
}

static char *
format_headline (WervingCvSummary *cv)
{
  const char *headline = werving_cv_summary_get_headline (cv);

  if (headline == NULL || *headline == '\0')
    headline = werving_cv_summary_get_occupation_label (cv);
  return g_strdup (headline != NULL ? headline : _("No headline"));
}

/* "Lasser · Utrecht · 32–40 hours · MBO 3" */
static char *
format_facts (WervingCvSummary *cv)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *hours = NULL;
  const char *value;

  value = werving_cv_summary_get_occupation_label (cv);
  if (value != NULL && g_strcmp0 (value, werving_cv_summary_get_headline (cv)) != 0)
    g_string_append (out, value);
  value = werving_cv_summary_get_region (cv);
  if (value != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", value);
  hours = werving_format_hours (werving_cv_summary_get_hours_min (cv), werving_cv_summary_get_hours_max (cv));
  if (*hours != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", hours);
  value = werving_cv_summary_get_education_level (cv);
  if (value != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", werving_format_education_level (value));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_when (WervingCvSummary *cv)
{
  g_autofree char *available = werving_format_available (werving_cv_summary_get_available_from (cv));
  g_autofree char *updated = werving_format_updated (werving_cv_summary_get_updated_at (cv));

  return g_strdup_printf ("%s · %s", available, updated);
}

static gboolean
attr_list_is_empty (PangoAttrList *attrs)
{
  GSList *all = pango_attr_list_get_attributes (attrs);

  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  return all == NULL;
}

static RowTexts *
row_texts_new (WervingCvSummary *cv)
{
  RowTexts *texts = g_new0 (RowTexts, 1);
  g_autofree char *markup = NULL;
  g_autoptr(GError) error = NULL;

  texts->headline = format_headline (cv);
  texts->facts = format_facts (cv);
  texts->when = format_when (cv);
  texts->matched = werving_format_matched (werving_cv_summary_get_matched (cv));

  /* The matched skills stand out: parse the markup once, here. */
  markup = werving_format_skills_markup (werving_cv_summary_get_skills (cv),
                                         werving_cv_summary_get_matched (cv));
  if (!pango_parse_markup (markup, -1, 0, &texts->skills_attrs, &texts->skills, NULL, &error))
    {
      g_warning ("Skills of CV %" G_GINT64_FORMAT ": %s", werving_cv_summary_get_id (cv), error->message);
      texts->skills = g_strdup ("");
    }
  /* No skill matched (a search without skills): no attributes at all, so
   * binding the row sets none.
   */
  if (texts->skills_attrs != NULL && attr_list_is_empty (texts->skills_attrs))
    g_clear_pointer (&texts->skills_attrs, pango_attr_list_unref);
  return texts;
}

/* The texts of @cv, worked out on first use and kept with the CV (which the
 * result model keeps only while its page is cached).
 */
static RowTexts *
row_texts_for (WervingCvSummary *cv)
{
  RowTexts *texts = g_object_get_qdata (G_OBJECT (cv), texts_quark);

  if (texts == NULL)
    {
      texts = row_texts_new (cv);
      g_object_set_qdata_full (G_OBJECT (cv), texts_quark, texts, (GDestroyNotify) row_texts_free);
    }
  return texts;
}

static void
set_state (WervingCvRow *self,
           RowState      state)
{
  GtkWidget *headline = GTK_WIDGET (self->headline);
  GtkWidget *badge = GTK_WIDGET (self->badge);
  gboolean real = state == STATE_ANONYMOUS || state == STATE_OPEN;

  if (self->state == state)
    return;

  if (real)
    {
      gtk_widget_remove_css_class (headline, "dim-label");
      gtk_widget_add_css_class (headline, "heading");
      gtk_widget_add_css_class (badge, "werving-badge");
      gtk_widget_remove_css_class (badge, state == STATE_ANONYMOUS ? "werving-badge-open"
                                                                   : "werving-badge-anonymous");
      gtk_widget_add_css_class (badge, state == STATE_ANONYMOUS ? "werving-badge-anonymous"
                                                                : "werving-badge-open");
      gtk_label_set_label (self->badge, werving_format_visibility (state == STATE_ANONYMOUS));
    }
  else
    {
      gtk_widget_remove_css_class (headline, "heading");
      gtk_widget_add_css_class (headline, "dim-label");
      gtk_widget_remove_css_class (badge, "werving-badge");
      gtk_widget_remove_css_class (badge, "werving-badge-anonymous");
      gtk_widget_remove_css_class (badge, "werving-badge-open");
      gtk_label_set_label (self->badge, "");
    }
  self->state = state;
}

static void
show_texts (WervingCvRow *self,
            const char   *headline,
            const char   *facts,
            const char   *skills,
            PangoAttrList *skills_attrs,
            const char   *when,
            const char   *matched)
{
  /* Each setter returns at once when nothing changes. */
  gtk_inscription_set_text (self->headline, headline);
  gtk_inscription_set_text (self->facts, facts);
  if (gtk_inscription_get_attributes (self->skills) != skills_attrs)
    gtk_inscription_set_attributes (self->skills, skills_attrs);
  gtk_inscription_set_text (self->skills, skills);
  gtk_inscription_set_text (self->when, when);
  gtk_inscription_set_text (self->matched, matched);
  /* Hidden and shown only when the kind of list changes: a plain search
   * has no matches, a vacancy's matches nearly always some.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->matched), matched != NULL);
}

void
werving_cv_row_set_cv (WervingCvRow     *self,
                       WervingCvSummary *cv)
{
  g_return_if_fail (WERVING_IS_CV_ROW (self));
  g_return_if_fail (cv == NULL || WERVING_IS_CV_SUMMARY (cv));

  if (!g_set_object (&self->cv, cv))
    return;

  if (cv == NULL)
    {
      set_state (self, STATE_EMPTY);
      show_texts (self, "", "", "", NULL, "", NULL);
    }
  else if (werving_cv_summary_get_loading (cv))
    {
      set_state (self, STATE_LOADING);
      show_texts (self, _("Loading…"), "", "", NULL, "", NULL);
    }
  else
    {
      RowTexts *texts = row_texts_for (cv);

      set_state (self, werving_cv_summary_is_anonymous (cv) ? STATE_ANONYMOUS : STATE_OPEN);
      show_texts (self, texts->headline, texts->facts, texts->skills, texts->skills_attrs,
                  texts->when, texts->matched);
    }
}

WervingCvSummary *
werving_cv_row_get_cv (WervingCvRow *self)
{
  g_return_val_if_fail (WERVING_IS_CV_ROW (self), NULL);

  return self->cv;
}

GtkWidget *
werving_cv_row_new (void)
{
  return g_object_new (WERVING_TYPE_CV_ROW, NULL);
}

/* The factory */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  gtk_list_item_set_child (item, werving_cv_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  werving_cv_row_set_cv (WERVING_CV_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

/* GTK 4.8 destroys the list item of every item an items-changed removes
 * (each new search, each page that replaces placeholders) and builds new
 * ones. Keeping the rows of the destroyed ones to hand them on does not
 * work there: an inscription that was unparented and shown again stops
 * following font changes (a bold headline stays regular; its layout seems
 * to keep the Pango context it had). The page builds fewer rows instead
 * (see first_rows in werving-candidates-page.c).
 */
GtkListItemFactory *
werving_cv_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* No unbind: a recycled row is bound again at once, and a row whose text
   * stays until then costs nothing; the CV it holds goes with the next bind
   * or the row.
   */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}

/* GObject */

static void
werving_cv_row_dispose (GObject *object)
{
  WervingCvRow *self = WERVING_CV_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->cv);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_CV_ROW);
  /* The template's children without an id, too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (werving_cv_row_parent_class)->dispose (object);
}

static void
werving_cv_row_class_init (WervingCvRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_cv_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/werving/Werving/werving-cv-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingCvRow, headline);
  gtk_widget_class_bind_template_child (widget_class, WervingCvRow, badge);
  gtk_widget_class_bind_template_child (widget_class, WervingCvRow, facts);
  gtk_widget_class_bind_template_child (widget_class, WervingCvRow, skills);
  gtk_widget_class_bind_template_child (widget_class, WervingCvRow, when);
  gtk_widget_class_bind_template_child (widget_class, WervingCvRow, matched);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  texts_quark = g_quark_from_static_string ("werving-cv-row-texts");
}

static void
werving_cv_row_init (WervingCvRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  self->state = STATE_EMPTY;
}
