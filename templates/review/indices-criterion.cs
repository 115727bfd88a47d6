<?cs include:"review/indices-macros.cs" ?>
<?cs if:Crit.new ?><?cs set:Page.title = Lang.Indices.crit_new_title + " – " + Ver.code ?><?cs else ?><?cs set:Page.title = Lang.Indices.crit_title + " " + Ver.code + " " + Crit.code ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/indices"><?cs var:Lang.Indices.list_title ?></a> › <a href="/review/index-version?id=<?cs var:Ver.id ?>"><?cs var:Ver.code ?></a></p>
<?cs if:Crit.new ?>
<h1><?cs var:Lang.Indices.crit_new_title ?> – <?cs var:Ver.code ?></h1>
<?cs else ?>
<h1><?cs var:Lang.Indices.crit_title ?> <?cs var:Ver.code ?> · <span id="crit-code"><?cs var:Crit.code ?></span></h1>
<p class="lead"><span id="crit-name"><?cs var:Crit.name ?></span> ·
  <span id="crit-state"><?cs if:Crit.active == 1 ?><?cs var:Lang.Indices.active ?><?cs else ?><span class="flag"><?cs var:Lang.Indices.retired ?></span><?cs /if ?></span>
  · <span id="crit-verified"><?cs call:ix_verified(Crit.verified) ?></span></p>
<?cs /if ?>
<?cs call:ix_flash() ?>
<?cs call:ix_summary() ?>
<?cs if:Crit.over ?><p class="flag warn" role="status" id="children-over"><?cs var:Lang.Indices.children_over_long ?> <?cs var:Crit.childsum ?> &gt; <?cs var:F.max_points ?></p><?cs /if ?>

<section aria-labelledby="h-fields">
<h2 id="h-fields"><?cs var:Lang.Indices.crit_fields ?></h2>
<form method="post" action="/review/index-criterion" novalidate id="form-criterion">
  <?cs call:fm_csrf() ?>
  <?cs if:Crit.new ?><input type="hidden" name="version" value="<?cs var:Ver.id ?>"><?cs else ?>
  <input type="hidden" name="id" value="<?cs var:Crit.id ?>">
  <input type="hidden" name="fp" value="<?cs var:Crit.fp ?>"><?cs /if ?>
  <fieldset>
    <legend><?cs var:Lang.Indices.crit_identity ?></legend>
    <?cs call:fm_pick("parent", Lang.Indices.L.parent, 0, "0", Lang.Indices.no_parent, Parents, Lang.Indices) ?>
    <?cs call:ix_text("code", Lang.Indices.L.code, 12, 1, Lang.Indices.crit_code_hint) ?>
    <?cs call:ix_text("name", Lang.Indices.L.name, 80, 1, "") ?>
    <?cs call:ix_text("name_en", Lang.Indices.L.name_en, 80, 0, "") ?>
  </fieldset>
  <fieldset>
    <legend><?cs var:Lang.Indices.crit_scoring ?></legend>
    <?cs call:ix_text("max_points", Lang.Indices.L.max_points, 10, 0, Lang.Indices.points_hint) ?>
    <div class="field<?cs if:E.scoring ?> has-error<?cs /if ?>">
      <label for="f_scoring"><?cs var:Lang.Indices.L.scoring ?><?cs call:fm_req(1) ?></label>
      <select id="f_scoring" name="scoring" aria-required="true"<?cs call:fm_aria("scoring") ?>>
        <?cs call:fm_opt(F.scoring, "ratio", Lang.Indices.Scoring.ratio) ?>
        <?cs call:fm_opt(F.scoring, "tiers", Lang.Indices.Scoring.tiers) ?>
        <?cs call:fm_opt(F.scoring, "role", Lang.Indices.Scoring.role) ?>
        <?cs call:fm_opt(F.scoring, "evidence", Lang.Indices.Scoring.evidence) ?>
        <?cs call:fm_opt(F.scoring, "value", Lang.Indices.Scoring.value) ?>
        <?cs call:fm_opt(F.scoring, "survey", Lang.Indices.Scoring.survey) ?>
        <?cs call:fm_opt(F.scoring, "other", Lang.Indices.Scoring.other) ?>
      </select>
      <?cs call:ix_error("scoring") ?>
    </div>
    <?cs call:ix_area("scoring_text", Lang.Indices.L.scoring_text, Lang.Indices.scoring_text_hint) ?>
    <?cs call:ix_area("evidence_text", Lang.Indices.L.evidence_text, "") ?>
    <?cs call:ix_text("data_source", Lang.Indices.L.data_source, 60, 0, "") ?>
    <?cs call:ix_text("verifier", Lang.Indices.L.verifier, 60, 0, "") ?>
  </fieldset>
  <?cs call:fm_kinds(Lang.Indices) ?>
  <fieldset>
    <legend><?cs var:Lang.Indices.crit_source ?></legend>
    <?cs call:fm_check("verified", Lang.Indices.L.verified) ?>
    <?cs call:ix_text("source", Lang.Indices.L.source, 80, 0, Lang.Indices.source_hint) ?>
    <?cs call:ix_text("sort", Lang.Indices.L.sort, 8, 0, Lang.Indices.sort_hint) ?>
  </fieldset>
  <p class="actions"><button type="submit" class="primary" id="btn-save-criterion"><?cs if:Crit.new ?><?cs var:Lang.Indices.crit_create ?><?cs else ?><?cs var:Lang.Indices.crit_save ?><?cs /if ?></button></p>
</form>
</section>

<?cs if:!Crit.new ?>
<section id="state" aria-labelledby="h-state">
<h2 id="h-state"><?cs var:Lang.Indices.crit_state ?></h2>
<p class="muted"><?cs var:Lang.Indices.retire_hint ?></p>
<form method="post" action="/review/index-criterion-state" class="inline-form">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Crit.id ?>">
  <?cs call:fm_retire(Crit.active, Lang.Indices.retire, Lang.Indices.reactivate) ?>
  <?cs if:Crit.verified == 1 ?>
  <button type="submit" name="action" value="unverify" id="btn-unverify"><?cs var:Lang.Indices.mark_unverified ?></button>
  <?cs else ?>
  <button type="submit" name="action" value="verify" id="btn-verify"><?cs var:Lang.Indices.mark_verified ?></button>
  <?cs /if ?>
</form>
<?cs if:subcount(Children) > 0 ?>
<h3><?cs var:Lang.Indices.children ?><?cs if:Crit.childsum ?> <span class="meta">(<?cs var:Lang.Indices.children_sum ?>: <?cs var:Crit.childsum ?>)</span><?cs /if ?></h3>
<ul id="children"><?cs each:ch = Children ?><li><a href="/review/index-criterion?id=<?cs var:ch.id ?>"><?cs var:ch.code ?></a> <?cs var:ch.name ?><?cs if:ch.max_points ?> · <?cs var:ch.max_points ?><?cs /if ?></li><?cs /each ?></ul>
<?cs /if ?>
<p><a href="/review/index-criterion?version=<?cs var:Ver.id ?>&amp;parent=<?cs var:Crit.id ?>" id="link-add-child"><?cs var:Lang.Indices.add_child ?></a></p>
</section>

<section id="maps" aria-labelledby="h-maps">
<h2 id="h-maps"><?cs var:Lang.Indices.maps_title ?></h2>
<p class="muted"><?cs var:Lang.Indices.maps_intro ?></p>
<?cs if:subcount(Maps) == 0 ?><p id="no-maps" class="flag gap"><?cs var:Lang.Indices.maps_none ?></p><?cs else ?>
<table class="refdata">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Indices.indicator ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.factor ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.offset ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.uom ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.note ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.verified ?></th>
    <th scope="col"><?cs var:Lang.Indices.actions ?></th>
  </tr></thead>
  <tbody>
  <?cs each:m = Maps ?>
  <tr id="map-<?cs var:m.ind_code ?>"<?cs if:m.err ?> class="has-error"<?cs /if ?>>
    <th scope="row"><a href="/review/indicator?id=<?cs var:m.ind_id ?>"><?cs var:m.ind_code ?></a> <span class="meta"><?cs var:m.ind_name ?> (<?cs var:m.ind_uom ?>)</span>
      <?cs if:m.ind_active != 1 ?><span class="flag"><?cs var:Lang.Indices.ind_retired ?></span><?cs /if ?>
      <?cs if:m.err ?><span class="field-error" id="me_<?cs var:m.ind_id ?>"><?cs var:Lang.Indices.Err[m.err] ?></span><?cs /if ?></th>
    <td><label class="sr" for="mf_<?cs var:m.ind_id ?>"><?cs var:Lang.Indices.L.factor ?> <?cs var:m.ind_code ?></label>
      <input type="text" id="mf_<?cs var:m.ind_id ?>" name="factor" form="mform_<?cs var:m.ind_id ?>" value="<?cs var:m.factor ?>" size="8" inputmode="decimal"<?cs if:m.err ?> aria-invalid="true" aria-describedby="me_<?cs var:m.ind_id ?>"<?cs /if ?>></td>
    <td><label class="sr" for="mo_<?cs var:m.ind_id ?>"><?cs var:Lang.Indices.L.offset ?> <?cs var:m.ind_code ?></label>
      <input type="text" id="mo_<?cs var:m.ind_id ?>" name="offset" form="mform_<?cs var:m.ind_id ?>" value="<?cs var:m.offset ?>" size="6" inputmode="decimal"></td>
    <td><label class="sr" for="mu_<?cs var:m.ind_id ?>"><?cs var:Lang.Indices.L.uom ?> <?cs var:m.ind_code ?></label>
      <input type="text" id="mu_<?cs var:m.ind_id ?>" name="uom" form="mform_<?cs var:m.ind_id ?>" value="<?cs var:m.uom ?>" size="10"></td>
    <td><label class="sr" for="mn_<?cs var:m.ind_id ?>"><?cs var:Lang.Indices.L.note ?> <?cs var:m.ind_code ?></label>
      <input type="text" id="mn_<?cs var:m.ind_id ?>" name="note" form="mform_<?cs var:m.ind_id ?>" value="<?cs var:m.note ?>" size="30"></td>
    <td><input type="checkbox" id="mv_<?cs var:m.ind_id ?>" name="verified" value="1" form="mform_<?cs var:m.ind_id ?>"<?cs if:m.verified == 1 ?> checked<?cs /if ?>>
      <label for="mv_<?cs var:m.ind_id ?>"><?cs if:m.verified == 1 ?><?cs var:Lang.Indices.verified ?><?cs else ?>⚠ <?cs var:Lang.Indices.unverified ?><?cs /if ?></label></td>
    <td><form method="post" action="/review/index-mapping" id="mform_<?cs var:m.ind_id ?>" class="inline-form" novalidate>
      <?cs call:fm_csrf() ?>
      <input type="hidden" name="id" value="<?cs var:Crit.id ?>">
      <input type="hidden" name="indicator" value="<?cs var:m.ind_id ?>">
      <input type="hidden" name="fp" value="<?cs var:m.fp ?>">
      <button type="submit" name="action" value="save"><?cs var:Lang.Indices.save ?></button>
      <button type="submit" name="action" value="delete" aria-label="<?cs var:Lang.Indices.map_remove ?> <?cs var:m.ind_code ?>"><?cs var:Lang.Indices.remove ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<form method="post" action="/review/index-mapping" novalidate id="form-mapping">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Crit.id ?>">
  <fieldset>
    <legend><?cs var:Lang.Indices.map_add ?></legend>
    <?cs call:fm_pick("m_indicator", Lang.Indices.L.m_indicator, 1, "", Lang.Indices.choose, Inds, Lang.Indices) ?>
    <?cs call:ix_text("m_factor", Lang.Indices.L.m_factor, 10, 1, Lang.Indices.factor_hint) ?>
    <?cs call:ix_text("m_offset", Lang.Indices.L.m_offset, 10, 0, Lang.Indices.offset_hint) ?>
    <?cs call:ix_text("m_uom", Lang.Indices.L.m_uom, 16, 0, Lang.Indices.uom_hint) ?>
    <?cs call:ix_text("m_note", Lang.Indices.L.m_note, 60, 0, "") ?>
    <?cs call:fm_check("m_verified", Lang.Indices.L.m_verified) ?>
    <p class="actions"><button type="submit" name="action" value="add" id="btn-add-mapping"><?cs var:Lang.Indices.map_add ?></button></p>
  </fieldset>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
