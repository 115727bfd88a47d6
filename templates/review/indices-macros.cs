<?cs include:"review/form-macros.cs" ?>
<?cs # The national-indices pages' words (Lang.Indices) in the shared form helpers. ?>
<?cs def:ix_error(n) ?><?cs call:fm_error(n, Lang.Indices) ?><?cs /def ?>
<?cs def:ix_text(n, label, size, req, hint) ?><?cs call:fm_text(n, label, size, req, hint, Lang.Indices) ?><?cs /def ?>
<?cs def:ix_area(n, label, hint) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <textarea id="f_<?cs var:n ?>" name="<?cs var:n ?>" rows="3" cols="70"<?cs call:fm_aria(n) ?>><?cs var:F[n] ?></textarea>
  <?cs call:ix_error(n) ?>
</div>
<?cs /def ?>
<?cs def:ix_flash() ?><?cs call:fm_flash(Lang.Indices) ?><?cs /def ?>
<?cs def:ix_verified(v) ?><?cs if:v == 1 ?><span class="flag info verified"><?cs var:Lang.Indices.verified ?></span><?cs else ?><span class="flag unverified" title="<?cs var:Lang.Indices.unverified_hint ?>">⚠ <?cs var:Lang.Indices.unverified ?></span><?cs /if ?><?cs /def ?>
<?cs # a save over a colleague's newer change (409) says so ?>
<?cs def:ix_summary() ?><?cs call:fm_summary(Lang.Indices, Page.merr, "maps", Lang.Indices.map_error) ?><?cs if:Page.conflict ?>
<div class="error-summary" role="alert" id="conflict" tabindex="-1">
  <h2><?cs var:Lang.Indices.conflict_title ?></h2>
  <p><?cs var:Lang.Indices.conflict ?></p>
</div>
<?cs /if ?><?cs /def ?>
<?cs # a version's own fields, the same when adding and editing it ?>
<?cs def:ix_version_fields() ?>
  <?cs call:ix_text("name", Lang.Indices.L.name, 60, 1, "") ?>
  <?cs call:ix_text("decision", Lang.Indices.L.decision, 40, 0, Lang.Indices.decision_hint) ?>
  <?cs call:ix_text("year_from", Lang.Indices.L.year_from, 6, 1, "") ?>
  <?cs call:ix_text("year_to", Lang.Indices.L.year_to, 6, 0, Lang.Indices.year_to_hint) ?>
  <?cs call:ix_text("max_points", Lang.Indices.L.max_points, 10, 0, Lang.Indices.points_hint) ?>
  <?cs call:ix_text("source", Lang.Indices.L.source, 60, 0, Lang.Indices.source_hint) ?>
<?cs /def ?>
