<?cs # Form helpers of the national-indices pages: F.<name> holds a field's
  value, E.<name> its error key (Lang.Indices.Err), Page.nerr the count. ?>
<?cs def:ix_error(n) ?><?cs if:E[n] ?><span class="field-error" id="e_<?cs var:n ?>"><?cs var:Lang.Indices.Err[E[n]] ?><?cs if:E[n].max ?> (<?cs var:Lang.Indices.max_chars ?> <?cs var:E[n].max ?> <?cs var:Lang.Indices.chars ?>)<?cs /if ?></span><?cs /if ?><?cs /def ?>
<?cs def:ix_aria(n) ?><?cs if:E[n] ?> aria-invalid="true" aria-describedby="e_<?cs var:n ?>"<?cs /if ?><?cs /def ?>
<?cs def:ix_req(req) ?><?cs if:req ?> <abbr class="req" title="<?cs var:Lang.required ?>">*</abbr><?cs /if ?><?cs /def ?>
<?cs def:ix_text(n, label, size, req, hint) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:ix_req(req) ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <input type="text" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="<?cs var:F[n] ?>" size="<?cs var:size ?>"<?cs if:req ?> aria-required="true"<?cs /if ?><?cs call:ix_aria(n) ?>>
  <?cs call:ix_error(n) ?>
</div>
<?cs /def ?>
<?cs def:ix_area(n, label, hint) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <textarea id="f_<?cs var:n ?>" name="<?cs var:n ?>" rows="3" cols="70"<?cs call:ix_aria(n) ?>><?cs var:F[n] ?></textarea>
  <?cs call:ix_error(n) ?>
</div>
<?cs /def ?>
<?cs def:ix_check(n, label) ?>
<div class="field check">
  <input type="checkbox" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="1"<?cs if:F[n] == "1" ?> checked<?cs /if ?>>
  <label for="f_<?cs var:n ?>"><?cs var:label ?></label>
</div>
<?cs /def ?>
<?cs def:ix_opt(cur, v, label) ?><option value="<?cs var:v ?>"<?cs if:cur == v ?> selected<?cs /if ?>><?cs var:label ?></option><?cs /def ?>
<?cs def:ix_flash() ?><?cs if:Page.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Indices.Done[Page.done] ?></p><?cs /if ?><?cs /def ?>
<?cs def:ix_verified(v) ?><?cs if:v == 1 ?><span class="flag info verified"><?cs var:Lang.Indices.verified ?></span><?cs else ?><span class="flag unverified" title="<?cs var:Lang.Indices.unverified_hint ?>">⚠ <?cs var:Lang.Indices.unverified ?></span><?cs /if ?><?cs /def ?>
<?cs def:ix_label(n) ?><?cs if:Lang.Indices.L[n] ?><?cs var:Lang.Indices.L[n] ?><?cs else ?><?cs var:n ?><?cs /if ?><?cs /def ?>
<?cs def:ix_summary() ?><?cs if:Page.nerr ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <h2><?cs var:Lang.Indices.fix_errors ?></h2>
  <ul>
  <?cs each:e = E ?><li><a href="#f_<?cs name:e ?>"><?cs call:ix_label(name(e)) ?></a>: <?cs var:Lang.Indices.Err[e] ?></li><?cs /each ?>
  <?cs if:Page.merr ?><li><a href="#maps"><?cs var:Lang.Indices.map_error ?></a>: <?cs var:Lang.Indices.Err[Page.merr] ?></li><?cs /if ?>
  </ul>
</div>
<?cs /if ?><?cs if:Page.conflict ?>
<div class="error-summary" role="alert" id="conflict" tabindex="-1">
  <h2><?cs var:Lang.Indices.conflict_title ?></h2>
  <p><?cs var:Lang.Indices.conflict ?></p>
</div>
<?cs /if ?><?cs /def ?>
<?cs def:ix_csrf() ?><input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><?cs /def ?>
