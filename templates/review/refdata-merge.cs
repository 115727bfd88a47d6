<?cs include:"review/refdata-macros.cs" ?>
<?cs set:Page.title = Lang.RefData.merge_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/units"><?cs var:Lang.RefData.unit_list_title ?></a></p>
<h1><?cs var:Lang.RefData.merge_title ?></h1>
<p class="muted"><?cs var:Lang.RefData.merge_intro ?></p>
<?cs call:rd_summary() ?>
<form method="post" action="/review/unit-merge" novalidate id="form-merge">
  <?cs call:fm_csrf() ?>
  <fieldset id="f_merge" tabindex="-1"<?cs if:E.merge ?> class="has-error" aria-describedby="e_merge"<?cs /if ?>>
    <legend><?cs var:Lang.RefData.merge_units ?><?cs call:fm_req(1) ?></legend>
    <?cs call:rd_error("merge") ?>
    <?cs if:subcount(Choices) == 0 ?><p><?cs var:Lang.RefData.merge_none ?></p><?cs /if ?>
    <?cs set:last_kind = "" ?>
    <?cs each:c = Choices ?>
      <?cs if:c.kind != last_kind ?><?cs if:last_kind != "" ?></div><?cs /if ?><div class="merge-group"><h3><?cs var:Lang.RefData.Kind[c.kind] ?></h3><?cs set:last_kind = c.kind ?><?cs /if ?>
      <div class="field check"><input type="checkbox" id="m_<?cs var:c.id ?>" name="merge" value="<?cs var:c.id ?>"<?cs if:F.merge[c.id] == "1" ?> checked<?cs /if ?>> <label for="m_<?cs var:c.id ?>"><?cs var:c.label ?></label></div>
    <?cs /each ?>
    <?cs if:last_kind != "" ?></div><?cs /if ?>
  </fieldset>
  <?cs call:fm_pick("successor", Lang.RefData.L.successor, 1, "", Lang.RefData.choose, Choices, Lang.RefData) ?>
  <?cs call:rd_text("m_date", Lang.RefData.L.m_date, 10, 1, Lang.RefData.merge_date_hint + " (" + Lang.RefData.date_hint + ")") ?>
  <?cs call:rd_text("m_reason", Lang.RefData.L.m_reason, 80, 0, Lang.RefData.merge_reason_hint) ?>
  <p class="actions"><button type="submit" class="primary" id="btn-merge"><?cs var:Lang.RefData.merge_button ?></button></p>
</form>
<?cs include:"footer.cs" ?>
