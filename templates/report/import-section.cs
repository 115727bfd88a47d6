<?cs # Import from an Excel file (included by report/form.cs while the form is
   editable): the unit's template, and the upload to /report/import. ?>
<section class="import" id="import" aria-labelledby="imp-title">
<h2 id="imp-title"><?cs var:Lang.Import.title ?></h2>
<p class="muted"><?cs var:Lang.Import.intro ?></p>
<p><a href="/export/template.xlsx?period=<?cs var:Form.period.id ?>" id="tpl-link" download><?cs var:Lang.Import.get_template ?></a></p>
<form method="post" action="/report/import" enctype="multipart/form-data" id="import-form">
<input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
<input type="hidden" name="period" value="<?cs var:Form.period.id ?>">
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<p><label for="imp-file"><?cs var:Lang.Import.file ?></label><br>
<input type="file" id="imp-file" name="file" required aria-describedby="imp-hint"
  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></p>
<p class="muted" id="imp-hint"><?cs var:Lang.Import.hint ?> <?cs var:Form.evidence_max_mb ?> MB.</p>
<p class="actions"><button type="submit" id="btn-import"><?cs var:Lang.Import.button ?></button></p>
</form>
</section>
