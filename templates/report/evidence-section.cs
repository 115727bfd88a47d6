<?cs # Evidence attachments of the form page (included by report/form.cs).
   Data: Form.evidence.* from evidence_list(), Form.ev_done, Form.evidence_max_mb. ?>
<section class="evidence" id="evidence" aria-labelledby="ev-title">
<h2 id="ev-title"><?cs var:Lang.Evidence.title ?></h2>
<?cs if:Form.ev_done ?><p class="ok" role="status" id="ev-flash"><?cs var:Lang.Evidence.Done[Form.ev_done] ?></p><?cs /if ?>
<?cs if:Form.evidence.failed ?><p class="error" role="alert"><?cs var:Lang.Evidence.list_failed ?></p>
<?cs elif:Form.evidence.count > 0 ?>
<table class="evidence-list" id="evidence-list">
<caption><?cs var:Lang.Evidence.caption ?> (<?cs var:Form.evidence.count ?>)</caption>
<thead><tr>
  <th scope="col"><?cs var:Lang.Evidence.for ?></th>
  <th scope="col"><?cs var:Lang.Evidence.name ?></th>
  <th scope="col"><?cs var:Lang.Evidence.type ?></th>
  <th scope="col"><?cs var:Lang.Evidence.size ?></th>
  <th scope="col"><?cs var:Lang.Evidence.by ?></th>
  <th scope="col"><?cs var:Lang.Evidence.date ?></th>
  <?cs if:Form.editable == 1 ?><th scope="col"><span class="sr"><?cs var:Lang.Evidence.delete ?></span></th><?cs /if ?>
</tr></thead>
<tbody>
<?cs each:e = Form.evidence.list ?>
<tr id="ev-<?cs var:e.id ?>">
  <td><?cs if:e.code ?><?cs var:e.code ?><?cs if:e.indicator ?> – <?cs var:e.indicator ?><?cs /if ?><?cs else ?><?cs var:Lang.Evidence.whole ?><?cs /if ?></td>
  <td><a href="/report/evidence?id=<?cs var:e.id ?>"><?cs var:e.name ?></a><span class="sr"> (<?cs var:Lang.Evidence.download ?>)</span></td>
  <td><?cs var:e.type ?></td>
  <td class="num"><?cs var:e.size_kb ?> KB</td>
  <td><?cs var:e.by ?></td>
  <td><?cs var:e.date ?></td>
  <?cs if:Form.editable == 1 ?>
  <td><form method="post" action="/report/evidence-delete" class="inline">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <input type="hidden" name="id" value="<?cs var:e.id ?>">
    <button type="submit" aria-label="<?cs var:Lang.Evidence.delete ?>: <?cs var:e.name ?>"><?cs var:Lang.Evidence.delete ?></button>
  </form></td>
  <?cs /if ?>
</tr>
<?cs /each ?>
</tbody>
</table>
<?cs else ?>
<p class="muted" id="ev-none"><?cs var:Lang.Evidence.none ?></p>
<?cs /if ?>
<?cs if:Form.editable == 1 ?>
<form method="post" action="/report/evidence" enctype="multipart/form-data" id="ev-upload">
<input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
<input type="hidden" name="period" value="<?cs var:Form.period.id ?>">
<fieldset>
<legend><?cs var:Lang.Evidence.add ?></legend>
<p><label for="ev-indicator"><?cs var:Lang.Evidence.for ?></label><br>
<select id="ev-indicator" name="indicator">
  <option value=""><?cs var:Lang.Evidence.whole ?></option>
  <?cs each:g = Form.groups ?><optgroup label="<?cs var:g.name ?>">
  <?cs each:w = g.rows ?><option value="<?cs var:w.code ?>"><?cs var:w.code ?> – <?cs var:w.name ?></option>
  <?cs /each ?></optgroup><?cs /each ?>
</select></p>
<p><label for="ev-file"><?cs var:Lang.Evidence.file ?></label><br>
<input type="file" id="ev-file" name="file" required aria-describedby="ev-hint"
  accept=".pdf,.png,.jpg,.jpeg,.gif,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt"></p>
<p class="muted" id="ev-hint"><?cs var:Lang.Evidence.hint ?> <?cs var:Lang.Evidence.max ?> <?cs var:Form.evidence_max_mb ?> MB.</p>
<p class="actions"><button type="submit" id="btn-ev-upload"><?cs var:Lang.Evidence.upload ?></button></p>
</fieldset>
</form>
<?cs /if ?>
</section>
