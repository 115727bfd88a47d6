<?cs # Form helpers of the reference-data pages: F.<name> holds a field's
  value, E.<name> its error key (Lang.RefData.Err), Page.nerr the count. ?>
<?cs def:rd_error(n) ?><?cs if:E[n] ?><span class="field-error" id="e_<?cs var:n ?>"><?cs var:Lang.RefData.Err[E[n]] ?><?cs if:E[n].max ?> (<?cs var:Lang.RefData.max_chars ?> <?cs var:E[n].max ?> <?cs var:Lang.RefData.chars ?>)<?cs /if ?><?cs if:E[n] == "has_reports" && Page.period ?>: <?cs var:Page.period ?><?cs /if ?><?cs if:n == "merge" && Page.unit ?>: <?cs var:Page.unit ?><?cs /if ?></span><?cs /if ?><?cs /def ?>
<?cs def:rd_aria(n) ?><?cs if:E[n] ?> aria-invalid="true" aria-describedby="e_<?cs var:n ?>"<?cs /if ?><?cs /def ?>
<?cs def:rd_req(req) ?><?cs if:req ?> <abbr class="req" title="<?cs var:Lang.required ?>">*</abbr><?cs /if ?><?cs /def ?>
<?cs def:rd_text(n, label, size, req, hint) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:rd_req(req) ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <input type="text" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="<?cs var:F[n] ?>" size="<?cs var:size ?>"<?cs if:req ?> aria-required="true"<?cs /if ?><?cs call:rd_aria(n) ?>>
  <?cs call:rd_error(n) ?>
</div>
<?cs /def ?>
<?cs def:rd_password(n, label, hint) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:rd_req(1) ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <input type="password" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="" size="30" autocomplete="new-password" aria-required="true"<?cs call:rd_aria(n) ?>>
  <?cs call:rd_error(n) ?>
</div>
<?cs /def ?>
<?cs def:rd_check(n, label) ?>
<div class="field check">
  <input type="checkbox" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="1"<?cs if:F[n] == "1" ?> checked<?cs /if ?>>
  <label for="f_<?cs var:n ?>"><?cs var:label ?></label>
</div>
<?cs /def ?>
<?cs def:rd_opt(cur, v, label) ?><option value="<?cs var:v ?>"<?cs if:cur == v ?> selected<?cs /if ?>><?cs var:label ?></option><?cs /def ?>
<?cs def:rd_flash() ?><?cs if:Page.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.RefData.Done[Page.done] ?></p><?cs /if ?><?cs /def ?>
<?cs def:rd_summary() ?><?cs if:Page.nerr ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <h2><?cs var:Lang.RefData.fix_errors ?></h2>
  <ul>
  <?cs each:e = E ?><li><a href="#f_<?cs name:e ?>"><?cs alt:Lang.RefData.L[name(e)] ?><?cs name:e ?><?cs /alt ?></a>: <?cs var:Lang.RefData.Err[e] ?></li><?cs /each ?>
  <?cs if:Page.terr ?><li><a href="#targets"><?cs var:Lang.RefData.target_error ?></a>: <?cs var:Lang.RefData.Err[Page.terr] ?></li><?cs /if ?>
  </ul>
</div>
<?cs /if ?><?cs /def ?>
<?cs def:rd_hidden_csrf() ?><input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><?cs /def ?>
