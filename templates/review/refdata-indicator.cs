<?cs include:"review/refdata-macros.cs" ?>
<?cs if:Ind.new ?><?cs set:Page.title = Lang.RefData.ind_new_title ?><?cs else ?><?cs set:Page.title = Lang.RefData.ind_title + " " + Ind.code ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/indicators"><?cs var:Lang.RefData.ind_list_title ?></a></p>
<?cs if:Ind.new ?>
<h1><?cs var:Lang.RefData.ind_new_title ?></h1>
<?cs else ?>
<h1><?cs var:Lang.RefData.ind_title ?> <?cs var:Ind.code ?></h1>
<p class="lead"><?cs var:Ind.name ?> · <span id="ind-state"><?cs if:Ind.active == 1 ?><?cs var:Lang.RefData.ind_active ?><?cs else ?><span class="flag"><?cs var:Lang.RefData.ind_retired ?></span><?cs /if ?></span>
  · <?cs var:Lang.RefData.ind_has_values ?>: <span id="ind-nfig"><?cs var:Ind.nfig ?></span></p>
<?cs /if ?>
<?cs call:rd_flash() ?>
<?cs call:rd_summary() ?>

<section aria-labelledby="h-fields">
<h2 id="h-fields"><?cs var:Lang.RefData.ind_fields ?></h2>
<form method="post" action="/review/indicator" novalidate id="form-indicator">
  <?cs call:fm_csrf() ?>
  <?cs if:!Ind.new ?><input type="hidden" name="id" value="<?cs var:Ind.id ?>"><?cs /if ?>
  <fieldset>
    <legend><?cs var:Lang.RefData.ind_identity ?></legend>
    <?cs if:Ind.new ?>
      <?cs call:rd_text("code", Lang.RefData.L.code, 24, 1, Lang.RefData.ind_code_hint) ?>
    <?cs else ?>
      <p class="field"><?cs var:Lang.RefData.L.code ?>: <code id="ind-code"><?cs var:Ind.code ?></code> <span class="meta">(<?cs var:Lang.RefData.unchangeable ?>)</span></p>
    <?cs /if ?>
    <?cs call:rd_text("name", Lang.RefData.L.name, 80, 1, "") ?>
    <?cs call:rd_text("name_en", Lang.RefData.L.name_en, 80, 1, "") ?>
    <div class="field<?cs if:E.pillar ?> has-error<?cs /if ?>">
      <label for="f_pillar"><?cs var:Lang.RefData.L.pillar ?><?cs call:fm_req(1) ?></label>
      <select id="f_pillar" name="pillar" aria-required="true"<?cs call:fm_aria("pillar") ?>>
        <option value=""><?cs var:Lang.RefData.choose ?></option>
        <?cs each:p = Pillars ?><?cs call:fm_opt(F.pillar, p.code, p.name) ?><?cs /each ?>
      </select>
      <?cs call:rd_error("pillar") ?>
    </div>
  </fieldset>
  <fieldset>
    <legend><?cs var:Lang.RefData.ind_value ?></legend>
    <?cs call:rd_text("uom", Lang.RefData.L.uom, 20, 1, "") ?>
    <div class="field<?cs if:E.vtype ?> has-error<?cs /if ?>">
      <label for="f_vtype"><?cs var:Lang.RefData.L.vtype ?><?cs call:fm_req(1) ?><?cs if:Ind.nfig > 0 ?> <span class="meta"><?cs var:Lang.RefData.ind_vtype_fixed ?></span><?cs /if ?></label>
      <select id="f_vtype" name="vtype" aria-required="true"<?cs call:fm_aria("vtype") ?>>
        <?cs call:fm_opt(F.vtype, "integer", Lang.RefData.VType.integer) ?>
        <?cs call:fm_opt(F.vtype, "decimal", Lang.RefData.VType.decimal) ?>
        <?cs call:fm_opt(F.vtype, "percent", Lang.RefData.VType.percent) ?>
        <?cs call:fm_opt(F.vtype, "yesno", Lang.RefData.VType.yesno) ?>
        <?cs call:fm_opt(F.vtype, "text", Lang.RefData.VType.text) ?>
        <?cs call:fm_opt(F.vtype, "date", Lang.RefData.VType.date) ?>
      </select>
      <?cs call:rd_error("vtype") ?>
    </div>
    <?cs call:rd_text("min_value", Lang.RefData.L.min_value, 16, 0, Lang.RefData.ind_range_hint) ?>
    <?cs call:rd_text("max_value", Lang.RefData.L.max_value, 16, 0, Lang.RefData.ind_range_hint) ?>
    <?cs call:fm_check("required", Lang.RefData.L.required) ?>
  </fieldset>
  <?cs call:fm_kinds(Lang.RefData) ?>
  <fieldset>
    <legend><?cs var:Lang.RefData.ind_aggregation ?></legend>
    <div class="field<?cs if:E.direction ?> has-error<?cs /if ?>">
      <label for="f_direction"><?cs var:Lang.RefData.L.direction ?><?cs call:fm_req(1) ?></label>
      <select id="f_direction" name="direction"<?cs call:fm_aria("direction") ?>>
        <?cs call:fm_opt(F.direction, "up", Lang.RefData.Dir.up) ?>
        <?cs call:fm_opt(F.direction, "down", Lang.RefData.Dir.down) ?>
        <?cs call:fm_opt(F.direction, "none", Lang.RefData.Dir.none) ?>
      </select>
      <?cs call:rd_error("direction") ?>
    </div>
    <div class="field<?cs if:E.aggregation ?> has-error<?cs /if ?>">
      <label for="f_aggregation"><?cs var:Lang.RefData.L.aggregation ?><?cs call:fm_req(1) ?></label>
      <select id="f_aggregation" name="aggregation"<?cs call:fm_aria("aggregation") ?>>
        <?cs call:fm_opt(F.aggregation, "sum", Lang.RefData.Agg.sum) ?>
        <?cs call:fm_opt(F.aggregation, "mean", Lang.RefData.Agg.mean) ?>
        <?cs call:fm_opt(F.aggregation, "wmean", Lang.RefData.Agg.wmean) ?>
        <?cs call:fm_opt(F.aggregation, "count_yes", Lang.RefData.Agg.count_yes) ?>
        <?cs call:fm_opt(F.aggregation, "share_yes", Lang.RefData.Agg.share_yes) ?>
        <?cs call:fm_opt(F.aggregation, "none", Lang.RefData.Agg.none) ?>
      </select>
      <?cs call:rd_error("aggregation") ?>
    </div>
  </fieldset>
  <fieldset>
    <legend><?cs var:Lang.RefData.ind_index ?></legend>
    <?cs call:rd_text("ict_code", Lang.RefData.L.ict_code, 16, 0, "") ?>
    <?cs call:rd_text("par_code", Lang.RefData.L.par_code, 16, 0, "") ?>
    <?cs call:rd_text("dti_code", Lang.RefData.L.dti_code, 16, 0, "") ?>
  </fieldset>
  <fieldset>
    <legend><?cs var:Lang.RefData.ind_source ?></legend>
    <?cs call:fm_check("verified", Lang.RefData.L.verified) ?>
    <?cs call:rd_text("source", Lang.RefData.L.source, 80, 0, "") ?>
    <?cs call:rd_text("sort", Lang.RefData.L.sort, 8, 0, Lang.RefData.ind_sort_hint) ?>
  </fieldset>
  <p class="actions"><button type="submit" class="primary" id="btn-save-indicator"><?cs if:Ind.new ?><?cs var:Lang.RefData.ind_create ?><?cs else ?><?cs var:Lang.RefData.ind_save ?><?cs /if ?></button></p>
</form>
</section>

<?cs if:!Ind.new ?>
<section id="state" aria-labelledby="h-state">
<h2 id="h-state"><?cs var:Lang.RefData.ind_state ?></h2>
<p class="muted"><?cs var:Lang.RefData.ind_retire_hint ?></p>
<form method="post" action="/review/indicator-state">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Ind.id ?>">
  <?cs call:fm_retire(Ind.active, Lang.RefData.ind_retire, Lang.RefData.ind_reactivate) ?>
</form>
</section>

<?cs def:rd_op(op) ?><?cs if:op == "<=" ?>≤<?cs elif:op == ">=" ?>≥<?cs else ?><?cs var:op ?><?cs /if ?><?cs /def ?>
<section id="rules" aria-labelledby="h-rules">
<h2 id="h-rules"><?cs var:Lang.RefData.rules_title ?></h2>
<p class="muted"><?cs var:Lang.RefData.rules_intro ?></p>
<?cs if:subcount(Rules) == 0 ?><p id="no-rules"><?cs var:Lang.RefData.rules_none ?></p><?cs else ?>
<table class="refdata">
  <thead><tr><th scope="col"><?cs var:Lang.RefData.rule ?></th><th scope="col"><?cs var:Lang.RefData.rule_message ?></th><th scope="col"><?cs var:Lang.RefData.actions ?></th></tr></thead>
  <tbody>
  <?cs each:rl = Rules ?>
  <tr id="rule-<?cs var:rl.id ?>">
    <th scope="row"><a href="/review/indicator?id=<?cs var:rl.left_id ?>"><?cs var:rl.left_code ?></a> <?cs call:rd_op(rl.op) ?> <a href="/review/indicator?id=<?cs var:rl.right_id ?>"><?cs var:rl.right_code ?></a>
      <span class="meta"><?cs var:rl.left_name ?> <?cs call:rd_op(rl.op) ?> <?cs var:rl.right_name ?></span></th>
    <td><?cs var:rl.message ?><span class="meta" lang="en"><?cs var:rl.message_en ?></span></td>
    <td><form method="post" action="/review/indicator-rule" class="inline-form">
      <?cs call:fm_csrf() ?>
      <input type="hidden" name="id" value="<?cs var:Ind.id ?>">
      <input type="hidden" name="rule" value="<?cs var:rl.id ?>">
      <button type="submit" name="action" value="delete" aria-label="<?cs var:Lang.RefData.rule_delete ?> <?cs var:rl.left_code ?> <?cs var:rl.op ?> <?cs var:rl.right_code ?>"><?cs var:Lang.RefData.delete ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<form method="post" action="/review/indicator-rule" novalidate id="form-rule">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Ind.id ?>">
  <fieldset>
    <legend><?cs var:Lang.RefData.rule_add ?></legend>
    <div class="field<?cs if:E.r_left ?> has-error<?cs /if ?>">
      <label for="f_r_left"><?cs var:Lang.RefData.L.r_left ?><?cs call:fm_req(1) ?></label>
      <select id="f_r_left" name="r_left"<?cs call:fm_aria("r_left") ?>>
        <option value=""><?cs var:Lang.RefData.choose ?></option>
        <?cs each:o = RuleInds ?><?cs call:fm_opt(F.r_left, o.id, o.label) ?><?cs /each ?>
      </select>
      <?cs call:rd_error("r_left") ?>
    </div>
    <div class="field<?cs if:E.r_op ?> has-error<?cs /if ?>">
      <label for="f_r_op"><?cs var:Lang.RefData.L.r_op ?><?cs call:fm_req(1) ?></label>
      <select id="f_r_op" name="r_op"<?cs call:fm_aria("r_op") ?>>
        <?cs call:fm_opt(F.r_op, "<=", Lang.RefData.Op.le) ?>
        <?cs call:fm_opt(F.r_op, "<", Lang.RefData.Op.lt) ?>
        <?cs call:fm_opt(F.r_op, ">=", Lang.RefData.Op.ge) ?>
        <?cs call:fm_opt(F.r_op, ">", Lang.RefData.Op.gt) ?>
        <?cs call:fm_opt(F.r_op, "=", Lang.RefData.Op.eq) ?>
      </select>
      <?cs call:rd_error("r_op") ?>
    </div>
    <div class="field<?cs if:E.r_right ?> has-error<?cs /if ?>">
      <label for="f_r_right"><?cs var:Lang.RefData.L.r_right ?><?cs call:fm_req(1) ?></label>
      <select id="f_r_right" name="r_right"<?cs call:fm_aria("r_right") ?>>
        <option value=""><?cs var:Lang.RefData.choose ?></option>
        <?cs each:o = RuleInds ?><?cs call:fm_opt(F.r_right, o.id, o.label) ?><?cs /each ?>
      </select>
      <?cs call:rd_error("r_right") ?>
    </div>
    <?cs call:rd_text("r_message", Lang.RefData.L.r_message, 80, 1, "") ?>
    <?cs call:rd_text("r_message_en", Lang.RefData.L.r_message_en, 80, 1, "") ?>
    <p class="actions"><button type="submit" name="action" value="add" id="btn-add-rule"><?cs var:Lang.RefData.rule_add ?></button></p>
  </fieldset>
</form>
</section>

<section id="targets" aria-labelledby="h-targets">
<h2 id="h-targets"><?cs var:Lang.RefData.targets_title ?></h2>
<p class="muted"><?cs var:Lang.RefData.targets_intro ?></p>
<?cs def:rd_tvalue(id, name, formid, value, err, errid) ?>
  <?cs if:Ind.vtype == "yesno" ?>
  <select id="<?cs var:id ?>" name="<?cs var:name ?>"<?cs if:formid ?> form="<?cs var:formid ?>"<?cs /if ?><?cs if:err ?> aria-invalid="true" aria-describedby="<?cs var:errid ?>"<?cs /if ?>>
    <option value=""><?cs var:Lang.RefData.choose ?></option>
    <?cs call:fm_opt(value, "1", Lang.RefData.yes) ?>
    <?cs call:fm_opt(value, "0", Lang.RefData.no) ?>
  </select>
  <?cs else ?>
  <input type="text" id="<?cs var:id ?>" name="<?cs var:name ?>"<?cs if:formid ?> form="<?cs var:formid ?>"<?cs /if ?> value="<?cs var:value ?>" size="12" inputmode="decimal"<?cs if:err ?> aria-invalid="true" aria-describedby="<?cs var:errid ?>"<?cs /if ?>>
  <?cs /if ?>
<?cs /def ?>
<?cs if:subcount(Targets) == 0 ?><p id="no-targets"><?cs var:Lang.RefData.targets_none ?></p><?cs else ?>
<table class="refdata">
  <thead><tr><th scope="col"><?cs var:Lang.RefData.target_year ?></th><th scope="col"><?cs var:Lang.RefData.target_scope ?></th><th scope="col"><?cs var:Lang.RefData.target_value ?></th><th scope="col"><?cs var:Lang.RefData.target_source ?></th><th scope="col"><?cs var:Lang.RefData.actions ?></th></tr></thead>
  <tbody>
  <?cs each:t = Targets ?>
  <tr id="target-<?cs var:t.id ?>"<?cs if:t.err ?> class="has-error"<?cs /if ?>>
    <th scope="row"><?cs var:t.year ?></th>
    <td><?cs if:t.unit_code ?><?cs var:t.unit_name ?> (<?cs var:t.unit_code ?>)<?cs else ?><?cs var:Lang.RefData.city_wide ?><?cs /if ?></td>
    <td><label class="sr" for="tv_<?cs var:t.id ?>"><?cs var:Lang.RefData.target_value ?> <?cs var:t.year ?> <?cs if:t.unit_code ?><?cs var:t.unit_code ?><?cs else ?><?cs var:Lang.RefData.city_wide ?><?cs /if ?></label>
      <?cs call:rd_tvalue("tv_" + t.id, "value", "tf_" + t.id, t.value, t.err, "te_" + t.id) ?>
      <?cs if:t.err ?><span class="field-error" id="te_<?cs var:t.id ?>"><?cs var:Lang.RefData.Err[t.err] ?></span><?cs /if ?></td>
    <td><label class="sr" for="ts_<?cs var:t.id ?>"><?cs var:Lang.RefData.target_source ?> <?cs var:t.year ?></label>
      <input type="text" id="ts_<?cs var:t.id ?>" name="source" form="tf_<?cs var:t.id ?>" value="<?cs var:t.source ?>" size="30"></td>
    <td><form method="post" action="/review/indicator-target" id="tf_<?cs var:t.id ?>" class="inline-form" novalidate>
      <?cs call:fm_csrf() ?>
      <input type="hidden" name="id" value="<?cs var:Ind.id ?>">
      <input type="hidden" name="target" value="<?cs var:t.id ?>">
      <button type="submit" name="action" value="save"><?cs var:Lang.RefData.save ?></button>
      <button type="submit" name="action" value="delete" aria-label="<?cs var:Lang.RefData.target_delete ?> <?cs var:t.year ?>"><?cs var:Lang.RefData.delete ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs if:Ind.vtype != "text" && Ind.vtype != "date" ?>
<form method="post" action="/review/indicator-target" novalidate id="form-target">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Ind.id ?>">
  <fieldset>
    <legend><?cs var:Lang.RefData.target_add ?></legend>
    <?cs call:rd_text("t_year", Lang.RefData.L.t_year, 6, 1, "") ?>
    <?cs call:fm_pick("t_unit", Lang.RefData.L.t_unit, 0, "0", Lang.RefData.city_wide, Units, Lang.RefData) ?>
    <div class="field<?cs if:E.t_value ?> has-error<?cs /if ?>">
      <label for="f_t_value"><?cs var:Lang.RefData.L.t_value ?><?cs call:fm_req(1) ?><?cs if:Ind.vtype != "yesno" && (F.min_value || F.max_value) ?> <span class="meta"><?cs var:F.min_value ?>–<?cs var:F.max_value ?></span><?cs /if ?></label>
      <?cs call:rd_tvalue("f_t_value", "t_value", "", F.t_value, E.t_value, "e_t_value") ?>
      <?cs call:rd_error("t_value") ?>
    </div>
    <?cs call:rd_text("t_source", Lang.RefData.L.t_source, 60, 0, "") ?>
    <p class="actions"><button type="submit" name="action" value="add" id="btn-add-target"><?cs var:Lang.RefData.target_add ?></button></p>
  </fieldset>
</form>
<?cs else ?>
<p class="muted" id="no-target-note"><?cs var:Lang.RefData.Err.no_target ?></p>
<?cs call:rd_error("t_value") ?>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
