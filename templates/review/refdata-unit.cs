<?cs include:"review/refdata-macros.cs" ?>
<?cs if:Unit.new ?><?cs set:Page.title = Lang.RefData.unit_new_title ?><?cs else ?><?cs set:Page.title = Unit.name ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/units"><?cs var:Lang.RefData.unit_list_title ?></a></p>
<?cs def:rd_unit_select(n, label, req) ?>
<div class="field<?cs if:E[n] ?> has-error<?cs /if ?>">
  <label for="f_<?cs var:n ?>"><?cs var:label ?><?cs call:fm_req(req) ?></label>
  <select id="f_<?cs var:n ?>" name="<?cs var:n ?>"<?cs call:fm_aria(n) ?>>
    <option value=""><?cs var:Lang.RefData.none ?></option>
    <?cs each:c = Choices ?><?cs if:c.id != Unit.id ?><?cs call:fm_opt(F[n], c.id, c.label) ?><?cs /if ?><?cs /each ?>
  </select>
  <?cs call:rd_error(n) ?>
</div>
<?cs /def ?>
<?cs if:Unit.new ?>
<h1><?cs var:Lang.RefData.unit_new_title ?></h1>
<?cs call:rd_summary() ?>
<form method="post" action="/review/unit-edit" novalidate id="form-unit">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="action" value="save">
  <?cs call:rd_text("code", Lang.RefData.L.code, 24, 1, Lang.RefData.unit_code_hint) ?>
  <?cs call:rd_text("name", Lang.RefData.L.name, 60, 1, "") ?>
  <?cs call:rd_text("name_en", Lang.RefData.L.name_en, 60, 0, "") ?>
  <div class="field<?cs if:E.kind ?> has-error<?cs /if ?>">
    <label for="f_kind"><?cs var:Lang.RefData.L.kind ?><?cs call:fm_req(1) ?></label>
    <select id="f_kind" name="kind"<?cs call:fm_aria("kind") ?>>
      <?cs call:fm_opt(F.kind, "department", Lang.RefData.Kind.department) ?>
      <?cs call:fm_opt(F.kind, "district", Lang.RefData.Kind.district) ?>
      <?cs call:fm_opt(F.kind, "commune", Lang.RefData.Kind.commune) ?>
      <?cs call:fm_opt(F.kind, "other", Lang.RefData.Kind.other) ?>
    </select>
    <?cs call:rd_error("kind") ?>
  </div>
  <?cs call:rd_unit_select("parent", Lang.RefData.L.parent, 0) ?>
  <?cs call:rd_text("valid_from", Lang.RefData.L.valid_from, 10, 1, Lang.RefData.date_hint) ?>
  <?cs call:rd_text("valid_to", Lang.RefData.L.valid_to, 10, 0, Lang.RefData.date_hint) ?>
  <?cs call:rd_text("note", Lang.RefData.L.note, 80, 0, "") ?>
  <p class="actions"><button type="submit" class="primary" id="btn-create-unit"><?cs var:Lang.RefData.unit_create ?></button></p>
</form>
<?cs else ?>
<h1><?cs var:Unit.name ?> <span class="meta">(<?cs var:Unit.code ?>)</span></h1>
<dl class="facts">
  <dt><?cs var:Lang.RefData.L.code ?></dt><dd><code id="unit-code"><?cs var:Unit.code ?></code> <span class="meta">(<?cs var:Lang.RefData.unchangeable ?>)</span></dd>
  <dt><?cs var:Lang.RefData.L.kind ?></dt><dd><?cs var:Lang.RefData.Kind[Unit.kind] ?></dd>
  <dt><?cs var:Lang.RefData.unit_validity ?></dt><dd id="unit-validity"><?cs var:Unit.from ?> – <?cs var:Unit.to ?></dd>
  <?cs if:Unit.succ_code ?><dt><?cs var:Lang.RefData.unit_successor ?></dt><dd id="unit-successor"><a href="/review/unit-edit?id=<?cs var:Unit.succ_id ?>"><?cs var:Unit.succ_name ?></a> (<?cs var:Unit.succ_code ?>)</dd><?cs /if ?>
  <?cs if:Unit.parent_code ?><dt><?cs var:Lang.RefData.unit_parent ?></dt><dd><?cs var:Unit.parent_name ?> (<?cs var:Unit.parent_code ?>)</dd><?cs /if ?>
  <dt><?cs var:Lang.RefData.unit_nsubs ?></dt><dd><?cs var:Unit.nsubs ?></dd>
  <dt><?cs var:Lang.RefData.unit_users ?></dt><dd><?cs var:Unit.nusers ?></dd>
</dl>
<?cs if:Unit.to && Unit.nusers > 0 ?><p class="notice"><?cs var:Lang.RefData.unit_users_warning ?></p><?cs /if ?>
<?cs call:rd_flash() ?>
<?cs call:rd_summary() ?>
<?cs if:subcount(Preds) > 0 ?>
<h2><?cs var:Lang.RefData.unit_preds ?></h2>
<ul id="preds"><?cs each:p = Preds ?><li><a href="/review/unit-edit?id=<?cs var:p.id ?>"><?cs var:p.name ?></a> (<?cs var:p.code ?>, ≤ <?cs var:p.to ?>)</li><?cs /each ?></ul>
<?cs /if ?>
<section aria-labelledby="h-rename">
<h2 id="h-rename"><?cs var:Lang.RefData.unit_rename ?></h2>
<form method="post" action="/review/unit-edit" novalidate id="form-rename">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Unit.id ?>">
  <input type="hidden" name="action" value="save">
  <?cs call:rd_text("name", Lang.RefData.L.name, 60, 1, "") ?>
  <?cs call:rd_text("name_en", Lang.RefData.L.name_en, 60, 0, "") ?>
  <?cs call:rd_unit_select("parent", Lang.RefData.L.parent, 0) ?>
  <?cs call:rd_text("note", Lang.RefData.L.note, 80, 0, "") ?>
  <p class="actions"><button type="submit" id="btn-save-unit"><?cs var:Lang.RefData.unit_save ?></button></p>
</form>
</section>
<section aria-labelledby="h-validity">
<h2 id="h-validity"><?cs var:Lang.RefData.unit_validity_title ?></h2>
<p class="muted"><?cs var:Lang.RefData.unit_validity_hint ?></p>
<form method="post" action="/review/unit-edit" novalidate id="form-validity">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Unit.id ?>">
  <input type="hidden" name="action" value="validity">
  <?cs call:rd_text("valid_from", Lang.RefData.L.valid_from, 10, 1, Lang.RefData.date_hint) ?>
  <?cs call:rd_text("valid_to", Lang.RefData.L.valid_to, 10, 0, Lang.RefData.date_hint) ?>
  <p class="actions"><button type="submit" id="btn-save-validity"><?cs var:Lang.RefData.unit_validity_save ?></button></p>
</form>
<p><a href="/review/unit-merge?unit=<?cs var:Unit.id ?>" id="link-merge-this"><?cs var:Lang.RefData.unit_merge_this ?></a></p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
