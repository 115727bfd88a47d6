<?cs set:Page.title = Lang.Meet.list_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Meet.list_title ?></h1>
<?cs if:Mt.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Meet.Done[Mt.done] ?></p><?cs /if ?>
<?cs if:Mt.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <p><?cs var:Lang.Meet.errors_title ?></p>
  <ul><li><a href="#n-<?cs var:Mt.error ?>"><?cs var:Lang.Meet.Err[Mt.error] ?></a></li></ul>
</div>
<?cs /if ?>
<form method="get" action="/review/meetings" class="inline-form">
  <label for="y"><?cs var:Lang.Meet.year ?></label>
  <input id="y" name="year" type="text" inputmode="numeric" size="5" value="<?cs var:Mt.year ?>">
  <button type="submit"><?cs var:Lang.Meet.show ?></button>
  <a href="/review/attendance?year=<?cs var:Mt.year ?>"><?cs var:Lang.Meet.see_attendance ?></a>
</form>
<?cs if:subcount(Mt.list) == 0 ?><p class="muted" id="meetings-none"><?cs var:Lang.Meet.none ?></p><?cs else ?>
<table class="grid" id="meetings">
  <caption><?cs var:Lang.Meet.list_caption ?> <?cs var:Mt.year ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Meet.when ?></th><th scope="col"><?cs var:Lang.Meet.f_title ?></th><th scope="col"><?cs var:Lang.Meet.chair ?></th><th scope="col"><?cs var:Lang.Meet.status ?></th><th scope="col"><?cs var:Lang.Meet.invited ?></th><th scope="col"><?cs var:Lang.Meet.answered ?></th><th scope="col"><?cs var:Lang.Meet.pending ?></th><th scope="col"><?cs var:Lang.Meet.no_opinion ?></th><th scope="col"><?cs var:Lang.Meet.came ?></th></tr></thead>
  <tbody>
  <?cs each:m = Mt.list ?>
  <tr id="meeting-<?cs var:m.id ?>">
    <td><?cs var:m.when ?></td>
    <th scope="row"><a href="/review/meeting?id=<?cs var:m.id ?>"><?cs var:m.title ?></a><br><span class="muted"><?cs var:Lang.Meet.Kind[m.kind] ?> · <?cs var:m.place ?></span></th>
    <td><?cs var:m.chair ?></td>
    <td><?cs var:Lang.Meet.Status[m.status] ?></td>
    <td><?cs var:m.invited ?></td>
    <td><?cs var:m.answered ?></td>
    <td><?cs var:m.pending ?></td>
    <td><?cs if:m.no_opinion > 0 ?><strong class="flag no-opinion">⚠ <?cs var:m.no_opinion ?></strong><?cs else ?>0<?cs /if ?></td>
    <td><?cs var:m.came ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<section aria-labelledby="h-new">
<h2 id="h-new"><?cs var:Lang.Meet.new_meeting ?></h2>
<p class="muted"><?cs var:Lang.Meet.new_hint ?></p>
<form method="post" action="/review/meetings" class="stack" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <p class="field<?cs if:Mt.error == "kind" ?> has-error<?cs /if ?>"><label for="n-kind"><?cs var:Lang.Meet.kind ?> <?cs var:Lang.Meet.required ?></label>
  <select id="n-kind" name="kind">
    <?cs each:k = Lang.Meet.Kind ?><option value="<?cs name:k ?>"<?cs if:Mt.new.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select></p>
  <p class="field<?cs if:Mt.error == "title" ?> has-error<?cs /if ?>"><label for="n-title"><?cs var:Lang.Meet.f_title ?> <?cs var:Lang.Meet.required ?></label>
  <input id="n-title" name="title" type="text" size="70" maxlength="500" value="<?cs var:Mt.new.title ?>"></p>
  <p class="field<?cs if:Mt.error == "date" ?> has-error<?cs /if ?>"><label for="n-date"><?cs var:Lang.Meet.date ?> <?cs var:Lang.Meet.required ?></label>
  <input id="n-date" name="date" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Mt.new.date ?>"></p>
  <p class="field<?cs if:Mt.error == "time" ?> has-error<?cs /if ?>"><label for="n-time"><?cs var:Lang.Meet.time ?> <?cs var:Lang.Meet.required ?></label>
  <input id="n-time" name="time" type="text" size="5" placeholder="hh:mm" aria-describedby="n-time-hint" value="<?cs var:Mt.new.time ?>">
  <span class="hint" id="n-time-hint"><?cs var:Lang.Meet.time_hint ?></span></p>
  <p class="field<?cs if:Mt.error == "end" ?> has-error<?cs /if ?>"><label for="n-end"><?cs var:Lang.Meet.end ?></label>
  <input id="n-end" name="end" type="text" size="5" placeholder="hh:mm" value="<?cs var:Mt.new.end ?>"></p>
  <p class="field<?cs if:Mt.error == "place" ?> has-error<?cs /if ?>"><label for="n-place"><?cs var:Lang.Meet.place ?> <?cs var:Lang.Meet.required ?></label>
  <input id="n-place" name="place" type="text" size="50" maxlength="255" value="<?cs var:Mt.new.place ?>"></p>
  <p class="field<?cs if:Mt.error == "chair" ?> has-error<?cs /if ?>"><label for="n-chair"><?cs var:Lang.Meet.chair ?> <?cs var:Lang.Meet.required ?></label>
  <select id="n-chair" name="chair" aria-describedby="n-chair-hint">
    <?cs each:c = Mt.chairs ?><option value="<?cs var:c.id ?>"<?cs if:Mt.new.chair == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?>
  </select> <span class="hint" id="n-chair-hint"><?cs var:Lang.Meet.chair_hint ?></span></p>
  <p class="field<?cs if:Mt.error == "period" ?> has-error<?cs /if ?>"><label for="n-period"><?cs var:Lang.Meet.period ?></label>
  <select id="n-period" name="period" aria-describedby="n-period-hint">
    <option value=""><?cs var:Lang.Meet.period_none ?></option>
    <?cs each:p = Mt.periods ?><option value="<?cs var:p.id ?>"<?cs if:Mt.new.period == p.id ?> selected<?cs /if ?>><?cs var:p.label ?></option><?cs /each ?>
  </select> <span class="hint" id="n-period-hint"><?cs var:Lang.Meet.period_hint ?></span></p>
  <p class="field"><label for="n-notice"><?cs var:Lang.Meet.notice ?></label>
  <textarea id="n-notice" name="notice" rows="4" cols="70"><?cs var:Mt.new.notice ?></textarea></p>
  <p><button type="submit" id="btn-create-meeting"><?cs var:Lang.Meet.create ?></button></p>
</form>
</section>
<?cs include:"footer.cs" ?>
