<?cs set:Page.title = Mt.m.title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p><a href="/review/meetings?year=<?cs var:Mt.year ?>"><?cs var:Lang.Meet.list_title ?></a></p>
<h1><?cs var:Mt.m.title ?></h1>
<p class="meta"><?cs var:Lang.Meet.Kind[Mt.m.kind] ?> · <?cs var:Mt.m.date ?> <?cs var:Mt.m.time ?><?cs if:Mt.m.end ?>–<?cs var:Mt.m.end ?><?cs /if ?> · <?cs var:Mt.m.place ?> · <?cs var:Lang.Meet.chair ?>: <?cs var:Mt.m.chair_name ?> · <span id="m-status"><?cs var:Lang.Meet.Status[Mt.m.status] ?></span>
 · <a href="/review/meeting.ics?id=<?cs var:Mt.m.id ?>" id="ics"><?cs var:Lang.Meet.ics ?></a></p>
<?cs if:Mt.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Meet.Done[Mt.done] ?></p><?cs /if ?>
<?cs if:Mt.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <p><?cs var:Lang.Meet.errors_title ?></p>
  <ul><li><a href="#e-<?cs var:Mt.error ?>"><?cs var:Lang.Meet.Err[Mt.error] ?><?cs if:Mt.file_why ?> <?cs var:Lang.Evidence.Err[Mt.file_why] ?><?cs /if ?></a></li></ul>
</div>
<?cs /if ?>

<section aria-labelledby="h-invitees" id="invitees">
<h2 id="h-invitees"><?cs var:Lang.Meet.invitees ?> (<?cs var:Mt.invited ?>)</h2>
<form method="post" action="/review/meeting-attendance" id="e-attendance_conflict">
<input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
<input type="hidden" name="id" value="<?cs var:Mt.m.id ?>">
<table class="grid" id="invitations">
  <thead><tr><th scope="col"><?cs var:Lang.Meet.person ?></th><th scope="col"><?cs var:Lang.Meet.answer ?></th><th scope="col"><?cs var:Lang.Meet.delegate ?> / <?cs var:Lang.Meet.reason ?></th><th scope="col"><?cs var:Lang.Meet.opinion ?></th><th scope="col"><?cs var:Lang.Meet.attendance ?></th></tr></thead>
  <tbody>
  <?cs each:i = Mt.inv ?>
  <tr id="inv-<?cs var:i.user ?>" data-answer="<?cs var:i.answer ?>" data-flag="<?cs var:i.no_opinion ?>">
    <th scope="row"><?cs var:i.name ?><?cs if:i.position ?><br><span class="muted"><?cs var:i.position ?></span><?cs /if ?></th>
    <td><?cs var:Lang.Meet.Answer[i.answer] ?><?cs if:i.answer == "leave" ?> (<?cs var:Lang.Meet.Decision[i.decision] ?><?cs if:i.decided_by ?>: <?cs var:i.decided_by ?><?cs /if ?>)<?cs /if ?><?cs if:i.answered_at ?><br><span class="muted"><?cs var:i.answered_at ?></span><?cs /if ?></td>
    <td><?cs if:i.answer == "delegate" ?><?cs var:i.dname ?>, <?cs var:i.dposition ?><?cs elif:i.answer == "leave" ?><?cs var:i.reason ?><?cs if:i.decision_note ?><br><span class="muted"><?cs var:Lang.Meet.decision_note ?>: <?cs var:i.decision_note ?></span><?cs /if ?><?cs /if ?></td>
    <td><?cs if:i.no_opinion == 1 ?><strong class="flag no-opinion">⚠ <?cs var:Lang.Meet.no_opinion ?></strong><?cs elif:i.answer == "delegate" ?><?cs var:i.opinion ?><?cs each:f = Mt.files ?><?cs if:f.kind == "opinion" && f.user == i.user ?> <a href="/review/meeting-file?id=<?cs var:f.id ?>"><?cs var:f.name ?></a><?cs /if ?><?cs /each ?><?cs /if ?></td>
    <td><input type="hidden" name="ver_<?cs var:i.user ?>" value="<?cs var:i.version ?>">
      <label for="att-<?cs var:i.user ?>" class="sr"><?cs var:Lang.Meet.attendance ?>: <?cs var:i.name ?></label>
      <select id="att-<?cs var:i.user ?>" name="att_<?cs var:i.user ?>">
        <?cs each:a = Lang.Meet.Attended ?><option value="<?cs name:a ?>"<?cs if:i.attended == name(a) ?> selected<?cs /if ?>><?cs var:a ?></option><?cs /each ?>
      </select></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<p><button type="submit" id="btn-attendance"><?cs var:Lang.Meet.record ?></button> <span class="hint"><?cs var:Lang.Meet.record_hint ?></span></p>
</form>
<?cs if:subcount(Mt.others) > 0 ?>
<form method="post" action="/review/meeting-invitee" class="inline-form" id="e-invitee">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Mt.m.id ?>">
  <input type="hidden" name="action" value="add">
  <label for="inv-add"><?cs var:Lang.Meet.add_invitee ?></label>
  <select id="inv-add" name="user"><?cs each:o = Mt.others ?><option value="<?cs var:o.id ?>"><?cs var:o.name ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Meet.add_invitee ?></button>
</form>
<?cs /if ?>
<form method="post" action="/review/meeting-invitee" class="inline-form" id="e-invitee_answered">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Mt.m.id ?>">
  <input type="hidden" name="action" value="remove">
  <label for="inv-rm"><?cs var:Lang.Meet.remove ?></label>
  <select id="inv-rm" name="user"><?cs each:i = Mt.inv ?><?cs if:i.answer == "none" && i.attended == "unknown" ?><option value="<?cs var:i.user ?>"><?cs var:i.name ?></option><?cs /if ?><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Meet.remove ?></button>
</form>
</section>

<section aria-labelledby="h-agenda" id="agenda">
<h2 id="h-agenda"><?cs var:Lang.Meet.agenda ?></h2>
<?cs if:subcount(Mt.agenda) == 0 ?><p class="muted"><?cs var:Lang.Meet.agenda_none ?></p><?cs else ?>
<ol id="agenda-list">
<?cs each:a = Mt.agenda ?><li><?cs var:a.title ?><?cs if:a.presenter ?> <span class="muted">(<?cs var:Lang.Meet.presenter ?>: <?cs var:a.presenter ?>)</span><?cs /if ?>
  <form method="post" action="/review/meeting-agenda" class="inline">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><input type="hidden" name="id" value="<?cs var:Mt.m.id ?>">
    <input type="hidden" name="seq" value="<?cs var:a.seq ?>"><button type="submit" name="action" value="delete" class="link"><?cs var:Lang.Meet.delete ?><span class="sr"> <?cs var:a.title ?></span></button>
  </form></li>
<?cs /each ?>
</ol>
<?cs /if ?>
<form method="post" action="/review/meeting-agenda" class="inline-form" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Mt.m.id ?>">
  <input type="hidden" name="action" value="add">
  <label for="e-agenda_title"><?cs var:Lang.Meet.item ?></label><input id="e-agenda_title" name="title" type="text" size="50" maxlength="500">
  <label for="ag-presenter"><?cs var:Lang.Meet.presenter ?></label><input id="ag-presenter" name="presenter" type="text" size="25" maxlength="255">
  <button type="submit"><?cs var:Lang.Meet.add_item ?></button>
</form>
</section>

<section aria-labelledby="h-papers" id="papers">
<h2 id="h-papers"><?cs var:Lang.Meet.papers ?></h2>
<?cs if:Mt.m.kind == "regular" && Mt.m.period > 0 ?>
<p id="briefing"><?cs if:Mt.m.briefing == 1 ?><a href="/dashboard/briefing?period=<?cs var:Mt.m.period ?>"><?cs var:Lang.Meet.briefing ?> – <?cs var:Mt.m.period_label ?></a><?cs else ?><span class="muted"><?cs var:Lang.Meet.briefing_none ?></span><?cs /if ?></p>
<?cs /if ?>
<ul id="files">
<?cs each:f = Mt.files ?><?cs if:f.kind != "opinion" ?><li><?cs var:Lang.Meet.FileKind[f.kind] ?>: <a href="/review/meeting-file?id=<?cs var:f.id ?>"><?cs var:f.name ?></a> <span class="muted">(<?cs var:f.size_kb ?> KB, <?cs var:f.date ?>, <?cs var:Lang.Meet.by ?> <?cs var:f.by ?>)</span>
  <form method="post" action="/review/meeting-file-delete" class="inline"><input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><input type="hidden" name="id" value="<?cs var:f.id ?>"><button type="submit" class="link"><?cs var:Lang.Meet.delete ?><span class="sr"> <?cs var:f.name ?></span></button></form></li><?cs /if ?>
<?cs /each ?>
</ul>
<form method="post" action="/review/meeting-file" enctype="multipart/form-data" class="inline-form" id="e-file">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="meeting" value="<?cs var:Mt.m.id ?>">
  <label for="mf-kind"><?cs var:Lang.Meet.file_kind ?></label>
  <select id="mf-kind" name="kind"><option value="paper"><?cs var:Lang.Meet.FileKind.paper ?></option><option value="minutes"><?cs var:Lang.Meet.FileKind.minutes ?></option></select>
  <label for="e-no_file"><?cs var:Lang.Meet.file_choose ?> <?cs var:Mt.max_mb ?> MB)</label>
  <input id="e-no_file" name="file" type="file">
  <button type="submit"><?cs var:Lang.Meet.upload ?></button>
</form>
</section>

<section aria-labelledby="h-edit" id="edit">
<h2 id="h-edit"><?cs var:Lang.Meet.edit ?></h2>
<form method="post" action="/review/meeting" class="stack" novalidate id="e-conflict">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Mt.m.id ?>">
  <input type="hidden" name="version" value="<?cs var:Mt.m.version ?>">
  <p class="field<?cs if:Mt.error == "title" ?> has-error<?cs /if ?>"><label for="e-title"><?cs var:Lang.Meet.f_title ?></label>
  <input id="e-title" name="title" type="text" size="70" maxlength="500" value="<?cs var:Mt.m.title ?>"></p>
  <p class="field<?cs if:Mt.error == "date" ?> has-error<?cs /if ?>"><label for="e-date"><?cs var:Lang.Meet.date ?></label>
  <input id="e-date" name="date" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Mt.m.date ?>"></p>
  <p class="field<?cs if:Mt.error == "time" ?> has-error<?cs /if ?>"><label for="e-time"><?cs var:Lang.Meet.time ?></label>
  <input id="e-time" name="time" type="text" size="5" placeholder="hh:mm" aria-describedby="e-time-hint" value="<?cs var:Mt.m.time ?>"> <span class="hint" id="e-time-hint"><?cs var:Lang.Meet.time_hint ?></span></p>
  <p class="field<?cs if:Mt.error == "end" ?> has-error<?cs /if ?>"><label for="e-end"><?cs var:Lang.Meet.end ?></label>
  <input id="e-end" name="end" type="text" size="5" placeholder="hh:mm" value="<?cs var:Mt.m.end ?>"></p>
  <p class="field<?cs if:Mt.error == "place" ?> has-error<?cs /if ?>"><label for="e-place"><?cs var:Lang.Meet.place ?></label>
  <input id="e-place" name="place" type="text" size="50" maxlength="255" value="<?cs var:Mt.m.place ?>"></p>
  <p class="field<?cs if:Mt.error == "chair" ?> has-error<?cs /if ?>"><label for="e-chair"><?cs var:Lang.Meet.chair ?></label>
  <select id="e-chair" name="chair"><?cs each:c = Mt.chairs ?><?cs if:(Mt.m.kind == "wg" && c.wg == 1) || (Mt.m.kind != "wg" && c.committee == 1) ?><option value="<?cs var:c.id ?>"<?cs if:Mt.m.chair == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /if ?><?cs /each ?></select></p>
  <?cs if:Mt.m.kind == "regular" ?>
  <p class="field<?cs if:Mt.error == "period" ?> has-error<?cs /if ?>"><label for="e-period"><?cs var:Lang.Meet.period ?></label>
  <select id="e-period" name="period"><option value=""><?cs var:Lang.Meet.period_none ?></option><?cs each:p = Mt.periods ?><option value="<?cs var:p.id ?>"<?cs if:Mt.m.period == p.id ?> selected<?cs /if ?>><?cs var:p.label ?></option><?cs /each ?></select></p>
  <?cs /if ?>
  <p class="field"><label for="e-status"><?cs var:Lang.Meet.status ?></label>
  <select id="e-status" name="status"><?cs each:s = Lang.Meet.Status ?><option value="<?cs name:s ?>"<?cs if:Mt.m.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?></select></p>
  <p class="field"><label for="e-notice"><?cs var:Lang.Meet.notice ?></label>
  <textarea id="e-notice" name="notice" rows="4" cols="70"><?cs var:Mt.m.notice ?></textarea></p>
  <p class="field"><label for="e-minutes"><?cs var:Lang.Meet.minutes ?></label>
  <textarea id="e-minutes" name="minutes" rows="8" cols="70"><?cs var:Mt.m.minutes ?></textarea></p>
  <p><button type="submit" id="btn-save-meeting"><?cs var:Lang.Meet.save ?></button></p>
</form>
</section>
<?cs include:"footer.cs" ?>
