<?cs # Form helpers shared by the reference-data and the national-indices
  pages: F.<name> holds a field's value, E.<name> its error key, Page.nerr
  the count.  L is the page's language node (Lang.RefData, Lang.Indices):
  its Err, L (field labels) and Kind hold the words. ?>
<?cs # an error naming what it refers to (has_reports: a period; merge: a unit) says it ?>
<?cs def:fm_error(n, L) ?><?cs if:E[n] ?><span class="field-error" id="e_<?cs var:n ?>"><?cs var:L.Err[E[n]] ?><?cs if:E[n].max ?> (<?cs var:L.max_chars ?> <?cs var:E[n].max ?> <?cs var:L.chars ?>)<?cs /if ?><?cs if:E[n] == "has_reports" && Page.period ?>: <?cs var:Page.period ?><?cs /if ?><?cs if:n == "merge" && Page.unit ?>: <?cs var:Page.unit ?><?cs /if ?></span><?cs /if ?><?cs /def ?>
<?cs def:fm_aria(n) ?><?cs if:E[n] ?> aria-invalid="true" aria-describedby="e_<?cs var:n ?>"<?cs /if ?><?cs /def ?>
<?cs def:fm_req(req) ?><?cs if:req ?> <abbr class="req" title="<?cs var:Lang.required ?>">*</abbr><?cs /if ?><?cs /def ?>
<?cs def:fm_text(n, label, size, req, hint, L) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:fm_req(req) ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <input type="text" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="<?cs var:F[n] ?>" size="<?cs var:size ?>"<?cs if:req ?> aria-required="true"<?cs /if ?><?cs call:fm_aria(n) ?>>
  <?cs call:fm_error(n, L) ?>
</div>
<?cs /def ?>
<?cs def:fm_check(n, label) ?>
<div class="field check">
  <input type="checkbox" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="1"<?cs if:F[n] == "1" ?> checked<?cs /if ?>>
  <label for="f_<?cs var:n ?>"><?cs var:label ?></label>
</div>
<?cs /def ?>
<?cs def:fm_opt(cur, v, label) ?><option value="<?cs var:v ?>"<?cs if:cur == v ?> selected<?cs /if ?>><?cs var:label ?></option><?cs /def ?>
<?cs def:fm_flash(L) ?><?cs if:Page.done ?><p class="ok" role="status" id="flash"><?cs var:L.Done[Page.done] ?></p><?cs /if ?><?cs /def ?>
<?cs # row_err: the key of a table row's error (a target, a mapping), linked to #anchor ?>
<?cs def:fm_summary(L, row_err, anchor, row_label) ?><?cs if:Page.nerr ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <h2><?cs var:L.fix_errors ?></h2>
  <ul>
  <?cs each:e = E ?><li><a href="#f_<?cs name:e ?>"><?cs alt:L.L[name(e)] ?><?cs name:e ?><?cs /alt ?></a>: <?cs var:L.Err[e] ?></li><?cs /each ?>
  <?cs if:row_err ?><li><a href="#<?cs var:anchor ?>"><?cs var:row_label ?></a>: <?cs var:L.Err[row_err] ?></li><?cs /if ?>
  </ul>
</div>
<?cs /if ?><?cs /def ?>
<?cs def:fm_csrf() ?><input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><?cs /def ?>
<?cs # records are retired, never deleted: the button that turns the state over ?>
<?cs def:fm_retire(active, retire, reactivate) ?><?cs if:active == 1 ?>
  <button type="submit" name="action" value="retire" id="btn-retire"><?cs var:retire ?></button>
  <?cs else ?>
  <button type="submit" name="action" value="reactivate" id="btn-reactivate"><?cs var:reactivate ?></button>
  <?cs /if ?><?cs /def ?>
<?cs # a choice among items (each with id and label) after a first option none ?>
<?cs def:fm_pick(n, label, req, none, none_label, items, L) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:fm_req(req) ?></label>
  <select id="f_<?cs var:n ?>" name="<?cs var:n ?>"<?cs if:req ?> aria-required="true"<?cs /if ?><?cs call:fm_aria(n) ?>>
    <option value="<?cs var:none ?>"><?cs var:none_label ?></option>
    <?cs each:o = items ?><?cs call:fm_opt(F[n], o.id, o.label) ?><?cs /each ?>
  </select>
  <?cs call:fm_error(n, L) ?>
</div>
<?cs /def ?>
<?cs # the kinds of unit a record applies to: repeated boxes named unit_kinds ?>
<?cs def:fm_kind(k, L) ?><div class="field check"><input type="checkbox" id="f_kind_<?cs var:k ?>" name="unit_kinds" value="<?cs var:k ?>"<?cs if:F.unit_kinds[k] == "1" ?> checked<?cs /if ?>> <label for="f_kind_<?cs var:k ?>"><?cs var:L.Kind[k] ?></label></div><?cs /def ?>
<?cs def:fm_kinds(L) ?>
  <fieldset id="f_unit_kinds" tabindex="-1"<?cs if:E.unit_kinds ?> class="has-error" aria-describedby="e_unit_kinds"<?cs /if ?>>
    <legend><?cs var:L.L.unit_kinds ?><?cs call:fm_req(1) ?></legend>
    <?cs call:fm_kind("department", L) ?>
    <?cs call:fm_kind("district", L) ?>
    <?cs call:fm_kind("commune", L) ?>
    <?cs call:fm_kind("other", L) ?>
    <?cs call:fm_error("unit_kinds", L) ?>
  </fieldset>
<?cs /def ?>
