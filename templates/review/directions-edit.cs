<?cs if:Dir.d.id ?><?cs set:Page.title = Lang.Dir.edit ?><?cs else ?><?cs set:Page.title = Lang.Dir.new ?><?cs /if ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/directions"><?cs var:Lang.Dir.back ?></a></p>
<h1><?cs if:Dir.d.id ?><?cs var:Lang.Dir.edit ?> <?cs var:Dir.v.code ?><?cs else ?><?cs var:Lang.Dir.new ?><?cs /if ?></h1>
<?cs if:Dir.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <p><?cs var:Lang.Dir.errors_title ?></p>
  <ul><li><?cs if:Dir.error_field ?><a href="#f_<?cs var:Dir.error_field ?>"><?cs var:Lang.Dir.Err[Dir.error] ?></a><?cs else ?><?cs var:Lang.Dir.Err[Dir.error] ?><?cs /if ?></li></ul>
</div>
<?cs /if ?>
<?cs if:Dir.d.id ?>
<dl class="facts">
  <dt><?cs var:Lang.Dir.status ?></dt><dd id="dir-status"><?cs var:Lang.Dir.Status[Dir.d.status] ?><?cs if:Dir.d.overdue == 1 ?> <strong class="flag overdue"><?cs var:Lang.Dir.overdue ?></strong><?cs /if ?></dd>
  <?cs if:Dir.d.done_on ?><dt><?cs var:Lang.Dir.done_on ?></dt><dd id="dir-done-on"><?cs var:Dir.d.done_on ?></dd><?cs /if ?>
  <?cs if:Dir.d.drop_reason ?><dt><?cs var:Lang.Dir.drop_reason ?></dt><dd><?cs var:Dir.d.drop_reason ?></dd><?cs /if ?>
  <dt><?cs var:Lang.Dir.owners ?></dt><dd><?cs each:o = Dir.d.owners ?><?cs var:o ?><?cs if:!last(o) ?>; <?cs /if ?><?cs /each ?></dd>
</dl>
<?cs /if ?>
<form method="post" action="/review/direction" novalidate id="form-direction">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs if:Dir.d.id ?><input type="hidden" name="id" value="<?cs var:Dir.d.id ?>"><input type="hidden" name="version" value="<?cs var:Dir.v.version ?>"><?cs /if ?>
  <div class="field"><label for="f_code"><?cs var:Lang.Dir.code ?> <?cs var:Lang.Dir.required ?></label>
    <input id="f_code" name="code" type="text" size="20" maxlength="32" value="<?cs var:Dir.v.code ?>"></div>
  <div class="field"><label for="f_body"><?cs var:Lang.Dir.body ?> <?cs var:Lang.Dir.required ?></label>
    <textarea id="f_body" name="body" rows="4" cols="70"><?cs var:Dir.v.body ?></textarea></div>
  <div class="field"><label for="f_meeting"><?cs var:Lang.Dir.meeting ?></label>
    <select id="f_meeting" name="meeting" aria-describedby="h_source"><option value="0"><?cs var:Lang.Dir.no_meeting ?></option>
    <?cs each:m = Dir.meetings ?><option value="<?cs var:m.id ?>"<?cs if:Dir.v.meeting == m.id ?> selected<?cs /if ?>><?cs var:m.date ?> – <?cs var:m.title ?></option><?cs /each ?></select></div>
  <div class="field"><label for="f_source_doc"><?cs var:Lang.Dir.source_doc ?></label>
    <input id="f_source_doc" name="source_doc" type="text" size="50" maxlength="255" value="<?cs var:Dir.v.source_doc ?>" aria-describedby="h_source">
    <span class="hint" id="h_source"><?cs var:Lang.Dir.source_hint ?></span></div>
  <div class="field"><label for="f_given_by"><?cs var:Lang.Dir.given_by ?> <?cs var:Lang.Dir.required ?></label>
    <select id="f_given_by" name="given_by"><option value="0">–</option>
    <?cs each:g = Dir.givers ?><option value="<?cs var:g.id ?>"<?cs if:Dir.v.given_by == g.id ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?></select></div>
  <div class="field"><label for="f_given_on"><?cs var:Lang.Dir.given_on ?> <?cs var:Lang.Dir.required ?></label>
    <input id="f_given_on" name="given_on" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Dir.v.given_on ?>"></div>
  <div class="field"><label for="f_deadline"><?cs var:Lang.Dir.deadline ?> <?cs var:Lang.Dir.required ?></label>
    <input id="f_deadline" name="deadline" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Dir.v.deadline ?>"></div>
  <fieldset id="f_owner" tabindex="-1"><legend><?cs var:Lang.Dir.owners ?> <?cs var:Lang.Dir.required ?></legend>
    <p class="hint"><?cs var:Lang.Dir.owners_hint ?></p>
    <div class="checks">
    <?cs each:u = Dir.units ?><span class="check"><input type="checkbox" id="own-<?cs var:u.id ?>" name="owner" value="<?cs var:u.id ?>"<?cs if:Dir.v.owner[u.id] == "1" ?> checked<?cs /if ?>> <label for="own-<?cs var:u.id ?>"><?cs var:u.name ?></label></span>
    <?cs /each ?></div>
  </fieldset>
  <p class="actions"><button type="submit" class="primary" id="btn-save-direction"><?cs if:Dir.d.id ?><?cs var:Lang.Dir.save ?><?cs else ?><?cs var:Lang.Dir.create ?><?cs /if ?></button></p>
</form>
<?cs if:Dir.d.id ?>
<?cs if:Dir.d.status != "done" && Dir.d.status != "dropped" ?>
<section aria-labelledby="h-state">
<h2 id="h-state"><?cs var:Lang.Dir.actions ?></h2>
<form method="post" action="/review/direction-state" id="form-state">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Dir.d.id ?>">
  <input type="hidden" name="version" value="<?cs var:Dir.d.version ?>">
  <div class="field"><label for="f_note"><?cs var:Lang.Dir.note ?> / <?cs var:Lang.Dir.drop_reason ?></label>
    <textarea id="f_note" name="note" rows="2" cols="60"></textarea></div>
  <p class="actions"><button type="submit" name="action" value="confirm" id="btn-confirm"><?cs var:Lang.Dir.confirm ?></button>
  <?cs if:Dir.d.status == "reported" ?><button type="submit" name="action" value="return" id="btn-return"><?cs var:Lang.Dir.return ?></button><?cs /if ?>
  <button type="submit" name="action" value="drop" id="btn-drop"><?cs var:Lang.Dir.drop ?></button></p>
</form>
</section>
<?cs /if ?>
<section aria-labelledby="h-history">
<h2 id="h-history"><?cs var:Lang.Dir.history ?></h2>
<?cs if:subcount(Dir.history) > 0 ?>
<table class="figures" id="history">
  <thead><tr><th scope="col"><?cs var:Lang.Dir.at ?></th><th scope="col"><?cs var:Lang.Dir.by ?></th><th scope="col"><?cs var:Lang.Dir.from_to ?></th><th scope="col"><?cs var:Lang.Dir.note ?></th></tr></thead>
  <tbody>
  <?cs each:h = Dir.history ?>
  <tr><td><?cs var:h.at ?></td><td><?cs var:h.user ?><span class="meta"><?cs if:h.unit ?><?cs var:h.unit ?><?cs else ?><?cs var:Lang.Dir.wg ?><?cs /if ?></span></td>
  <td><?cs var:Lang.Dir.Status[h.from] ?> → <?cs var:Lang.Dir.Status[h.to] ?></td><td><?cs var:h.note ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="muted"><?cs var:Lang.Dir.history_none ?></p>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
