<?cs set:Page.title = Form.period.label ?><?cs include:"header.cs" ?>
<p class="crumbs"><a href="/report/"><?cs var:Lang.report_home_title ?></a></p>
<h1><?cs var:Lang.form_title ?> – <?cs var:Form.period.label ?></h1>
<dl class="facts">
  <dt><?cs var:Lang.unit ?></dt><dd><?cs var:User.unit ?></dd>
  <dt><?cs var:Lang.cutoff ?></dt><dd><?cs var:Form.period.cutoff_start ?> – <?cs var:Form.period.cutoff_end ?></dd>
  <dt><?cs var:Lang.due_date ?></dt><dd><?cs var:Form.period.due ?></dd>
  <dt><?cs var:Lang.status ?></dt><dd><span class="status st-<?cs var:Form.status ?>" id="form-status"><?cs var:Lang.Status[Form.status] ?></span><?cs if:Form.submitted_on ?> (<?cs var:Lang.submitted_on ?> <?cs var:Form.submitted_on ?>)<?cs /if ?></dd>
</dl>
<?cs if:Form.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Done[Form.done] ?></p><?cs /if ?>
<?cs if:Form.imported_done ?><p class="ok" role="status" id="imp-flash"><?cs var:Lang.Import.done ?></p><?cs /if ?>
<?cs if:Form.imported ?><p class="notice" role="alert" id="imp-unsaved"><?cs var:Lang.Import.from_file ?></p><?cs /if ?>
<?cs if:Form.conflict ?><p class="error" role="alert" id="conflict"><?cs var:Lang.Err.conflict_form ?></p><?cs /if ?>
<?cs if:Form.review_comment ?><div class="returned" role="note"><h2><?cs var:Lang.review_comment ?></h2><p><?cs var:Form.review_comment ?></p></div><?cs /if ?>
<?cs if:Form.period.locked == 1 ?><p class="notice"><?cs var:Lang.period_locked_note ?></p><?cs /if ?>
<?cs if:Form.nerrors ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <h2><?cs var:Lang.fix_errors ?> (<?cs var:Form.nerrors ?>)</h2>
  <ul>
  <?cs each:g = Form.groups ?><?cs each:w = g.rows ?><?cs if:w.err ?>
    <li><a href="#v_<?cs var:w.code ?>"><?cs var:w.name ?></a>: <?cs var:Lang.Err[w.err] ?></li>
  <?cs /if ?><?cs /each ?><?cs /each ?>
  <?cs each:rl = Form.rules ?><li><?cs var:rl ?></li><?cs /each ?>
  </ul>
</div>
<?cs /if ?>
<?cs if:Form.editable == 1 ?>
<form method="post" action="/report/form?period=<?cs var:Form.period.id ?>" novalidate>
<input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs /if ?>
<?cs each:g = Form.groups ?>
<fieldset class="pillar">
<legend><?cs var:g.name ?></legend>
<table class="form">
<colgroup><col class="c-ind"><col class="c-prev"><col class="c-target"><col class="c-value"><col class="c-note"></colgroup>
<thead><tr><th scope="col"><?cs var:Lang.indicator ?></th><th scope="col"><?cs var:Lang.prev_value ?></th><th scope="col"><?cs var:Lang.target ?></th><th scope="col"><?cs var:Lang.value ?></th><th scope="col"><?cs var:Lang.note ?></th></tr></thead>
<tbody>
<?cs each:w = g.rows ?>
<tr class="<?cs if:w.err ?>has-error<?cs /if ?>">
  <th scope="row">
    <label for="v_<?cs var:w.code ?>"><?cs var:w.name ?></label><?cs if:w.required == 1 ?> <abbr class="req" title="<?cs var:Lang.required ?>">*</abbr><?cs /if ?>
    <span class="meta"><?cs var:w.code ?> · <?cs var:w.uom ?><?cs if:w.vtype != "yesno" && (w.min || w.max) ?> · <?cs var:Lang.range ?> <?cs var:w.min ?>–<?cs var:w.max ?><?cs /if ?></span>
    <?cs if:Form.evidence.by_code[w.code] ?><a class="flag info ev-has" id="evm_<?cs var:w.code ?>" href="#evidence"><?cs var:Lang.Evidence.has ?> (<?cs var:Form.evidence.by_code[w.code] ?>)</a><?cs /if ?>
  </th>
  <td class="num"><?cs if:w.prev_na ?><?cs var:Lang.not_applicable_short ?><?cs elif:w.vtype == "yesno" && ?w.prev ?><?cs if:w.prev == "1" ?><?cs var:Lang.yes ?><?cs else ?><?cs var:Lang.no ?><?cs /if ?><?cs else ?><?cs var:w.prev ?><?cs /if ?></td>
  <td class="num"><?cs if:w.vtype == "yesno" && ?w.target ?><?cs if:w.target == "1" ?><?cs var:Lang.yes ?><?cs else ?><?cs var:Lang.no ?><?cs /if ?><?cs else ?><?cs var:w.target ?><?cs /if ?></td>
  <td>
  <?cs if:Form.editable == 1 ?>
    <?cs if:w.vtype == "yesno" ?>
    <select id="v_<?cs var:w.code ?>" name="v_<?cs var:w.code ?>"<?cs if:w.err ?> aria-invalid="true" aria-describedby="e_<?cs var:w.code ?>"<?cs /if ?>>
      <option value=""<?cs if:w.value == "" ?> selected<?cs /if ?>>–</option>
      <option value="1"<?cs if:w.value == "1" ?> selected<?cs /if ?>><?cs var:Lang.yes ?></option>
      <option value="0"<?cs if:w.value == "0" ?> selected<?cs /if ?>><?cs var:Lang.no ?></option>
    </select>
    <?cs elif:w.vtype == "text" ?>
    <textarea id="v_<?cs var:w.code ?>" name="v_<?cs var:w.code ?>" rows="3" cols="30"<?cs if:w.err ?> aria-invalid="true" aria-describedby="e_<?cs var:w.code ?>"<?cs /if ?>><?cs var:w.value ?></textarea>
    <?cs else ?>
    <input id="v_<?cs var:w.code ?>" name="v_<?cs var:w.code ?>" type="text" value="<?cs var:w.value ?>" size="10"<?cs if:w.vtype != "date" ?> inputmode="decimal"<?cs else ?> placeholder="dd/mm/yyyy"<?cs /if ?><?cs if:w.err ?> aria-invalid="true" aria-describedby="e_<?cs var:w.code ?>"<?cs /if ?>>
    <?cs /if ?>
    <?cs if:w.vtype == "percent" ?><span class="uom">%</span><?cs /if ?>
    <?cs if:w.err ?><span class="field-error" id="e_<?cs var:w.code ?>"><?cs var:Lang.Err[w.err] ?><?cs if:w.err == "range" ?> (<?cs var:w.min ?>–<?cs var:w.max ?>)<?cs /if ?></span><?cs /if ?>
    <label class="na"><input type="checkbox" name="na_<?cs var:w.code ?>" value="1"<?cs if:w.na == 1 ?> checked<?cs /if ?>> <?cs var:Lang.not_applicable ?></label>
  <?cs else ?>
    <span class="value" id="v_<?cs var:w.code ?>"><?cs if:w.na == 1 ?><?cs var:Lang.not_applicable_short ?><?cs elif:w.vtype == "yesno" && w.value != "" ?><?cs if:w.value == "1" ?><?cs var:Lang.yes ?><?cs else ?><?cs var:Lang.no ?><?cs /if ?><?cs else ?><?cs var:w.value ?><?cs /if ?></span>
  <?cs /if ?>
  </td>
  <td>
  <?cs if:Form.editable == 1 ?>
    <label class="sr" for="n_<?cs var:w.code ?>"><?cs var:Lang.note ?>: <?cs var:w.name ?></label>
    <textarea id="n_<?cs var:w.code ?>" name="n_<?cs var:w.code ?>" rows="1"><?cs var:w.note ?></textarea>
  <?cs else ?><?cs var:w.note ?><?cs /if ?>
  </td>
</tr>
<?cs /each ?>
</tbody>
</table>
</fieldset>
<?cs /each ?>
<fieldset class="texts">
<legend><?cs var:Lang.unit_remarks ?></legend>
<?cs if:Form.editable == 1 ?>
<p><label for="problems"><?cs var:Lang.problems ?></label><textarea id="problems" name="problems" rows="4"><?cs var:Form.problems ?></textarea></p>
<p><label for="proposals"><?cs var:Lang.proposals ?></label><textarea id="proposals" name="proposals" rows="4"><?cs var:Form.proposals ?></textarea></p>
<?cs else ?>
<h3><?cs var:Lang.problems ?></h3><p class="pre"><?cs var:Form.problems ?></p>
<h3><?cs var:Lang.proposals ?></h3><p class="pre"><?cs var:Form.proposals ?></p>
<?cs /if ?>
</fieldset>
<?cs if:Form.editable == 1 ?>
<p class="actions">
  <button type="submit" name="action" value="save" id="btn-save"><?cs var:Lang.save_draft ?></button>
  <button type="submit" name="action" value="submit" id="btn-submit" class="primary"><?cs var:Lang.submit ?></button>
</p>
<p class="muted"><?cs var:Lang.submit_hint ?></p>
</form>
<?cs /if ?>
<?cs if:Form.editable == 1 ?><?cs include:"report/import-section.cs" ?><?cs /if ?>
<?cs include:"report/evidence-section.cs" ?>
<?cs include:"footer.cs" ?>
