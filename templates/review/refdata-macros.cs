<?cs include:"review/form-macros.cs" ?>
<?cs # The reference-data pages' words (Lang.RefData) in the shared form helpers. ?>
<?cs def:rd_error(n) ?><?cs call:fm_error(n, Lang.RefData) ?><?cs /def ?>
<?cs def:rd_text(n, label, size, req, hint) ?><?cs call:fm_text(n, label, size, req, hint, Lang.RefData) ?><?cs /def ?>
<?cs def:rd_password(n, label, hint) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:fm_req(1) ?><?cs if:hint ?> <span class="meta"><?cs var:hint ?></span><?cs /if ?></label>
  <input type="password" id="f_<?cs var:n ?>" name="<?cs var:n ?>" value="" size="30" autocomplete="new-password" aria-required="true"<?cs call:fm_aria(n) ?>>
  <?cs call:rd_error(n) ?>
</div>
<?cs /def ?>
<?cs def:rd_flash() ?><?cs call:fm_flash(Lang.RefData) ?><?cs /def ?>
<?cs def:rd_summary() ?><?cs call:fm_summary(Lang.RefData, Page.terr, "targets", Lang.RefData.target_error) ?><?cs /def ?>
