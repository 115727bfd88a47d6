<?cs set:Page.title = Lang.Meet.my_title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.Meet.my_title ?></h1>
<nav class="subnav" aria-label="<?cs var:Lang.report_nav ?>">
  <?cs if:Rm.no_unit == 1 ?><a href="/dashboard/"><?cs var:Lang.Dash.nav_overview ?></a><a href="/dashboard/meetings"><?cs var:Lang.Dash.nav_meetings ?></a><?cs else ?>
  <a href="/report/"><?cs var:Lang.report_nav_forms ?></a>
  <a href="/report/directions"><?cs var:Lang.report_nav_directions ?></a><?cs /if ?>
  <a href="/report/meetings" aria-current="page"><?cs var:Lang.report_nav_meetings ?></a>
</nav>
<?cs if:Rm.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Meet.Done[Rm.done] ?></p><?cs /if ?>
<?cs if:Rm.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <p><?cs var:Lang.Meet.errors_title ?></p>
  <ul><li><a href="#<?cs if:Rm.error_meeting ?>a-<?cs var:Rm.error ?>-<?cs var:Rm.error_meeting ?><?cs else ?>pending<?cs /if ?>"><?cs var:Lang.Meet.Err[Rm.error] ?><?cs if:Rm.file_why ?> <?cs var:Lang.Evidence.Err[Rm.file_why] ?><?cs /if ?></a></li></ul>
</div>
<?cs /if ?>

<?cs if:subcount(Rm.pending) > 0 ?>
<section aria-labelledby="h-pending" id="pending">
<h2 id="h-pending"><?cs var:Lang.Meet.pending_title ?></h2>
<table class="grid" id="pending-list">
  <thead><tr><th scope="col"><?cs var:Lang.Meet.one_title ?></th><th scope="col"><?cs var:Lang.Meet.person ?></th><th scope="col"><?cs var:Lang.Meet.reason ?></th><th scope="col"><?cs var:Lang.Meet.decision ?></th></tr></thead>
  <tbody>
  <?cs each:p = Rm.pending ?>
  <tr id="leave-<?cs var:p.meeting ?>-<?cs var:p.user ?>">
    <td><?cs var:p.title ?><br><span class="muted"><?cs var:p.when ?></span></td>
    <th scope="row"><?cs var:p.name ?><?cs if:p.position ?><br><span class="muted"><?cs var:p.position ?></span><?cs /if ?></th>
    <td><?cs var:p.reason ?></td>
    <td><form method="post" action="/report/meeting-decide" class="inline-form">
      <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
      <input type="hidden" name="meeting" value="<?cs var:p.meeting ?>">
      <input type="hidden" name="user" value="<?cs var:p.user ?>">
      <input type="hidden" name="version" value="<?cs var:p.version ?>">
      <label for="dn-<?cs var:p.meeting ?>-<?cs var:p.user ?>"><?cs var:Lang.Meet.note ?></label>
      <input id="dn-<?cs var:p.meeting ?>-<?cs var:p.user ?>" name="note" type="text" size="24" maxlength="1000">
      <button type="submit" name="decision" value="approved"><?cs var:Lang.Meet.approve ?></button>
      <button type="submit" name="decision" value="refused"><?cs var:Lang.Meet.refuse ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</section>
<?cs /if ?>

<?cs if:subcount(Rm.list) == 0 ?><p class="muted" id="meetings-none"><?cs var:Lang.Meet.my_none ?></p><?cs /if ?>
<?cs each:m = Rm.list ?>
<?cs set:mine = Rm.error_meeting == m.id ?>
<article class="meeting" id="m-<?cs var:m.id ?>" data-answer="<?cs var:m.answer ?>" data-flag="<?cs var:m.no_opinion ?>">
  <h2><?cs var:m.title ?></h2>
  <p class="meta"><?cs var:Lang.Meet.Kind[m.kind] ?> · <strong><?cs var:m.when ?><?cs if:m.end ?>–<?cs var:m.end ?><?cs /if ?></strong> (<?cs var:Lang.Meet.hanoi_time ?>) · <?cs var:m.place ?> · <?cs var:Lang.Meet.chair ?>: <?cs var:m.chair ?><?cs if:m.chairing == 1 ?> (<?cs var:Lang.Meet.chair_you ?>)<?cs /if ?> · <?cs var:Lang.Meet.Status[m.status] ?>
   · <a href="/report/meeting.ics?id=<?cs var:m.id ?>"><?cs var:Lang.Meet.ics ?></a></p>
  <?cs if:m.notice ?><p class="pre"><?cs var:m.notice ?></p><?cs /if ?>
  <?cs if:subcount(m.agenda) > 0 ?><h3><?cs var:Lang.Meet.agenda ?></h3><ol><?cs each:a = m.agenda ?><li><?cs var:a.title ?><?cs if:a.presenter ?> <span class="muted">(<?cs var:a.presenter ?>)</span><?cs /if ?></li><?cs /each ?></ol><?cs /if ?>
  <?cs if:subcount(m.files) > 0 || m.briefing == 1 ?>
  <h3><?cs var:Lang.Meet.papers ?></h3>
  <ul class="papers">
    <?cs if:m.briefing == 1 ?><li><a href="/dashboard/briefing?period=<?cs var:m.period ?>"><?cs var:Lang.Meet.briefing ?></a></li><?cs /if ?>
    <?cs each:f = m.files ?><li><?cs var:Lang.Meet.FileKind[f.kind] ?>: <a href="/report/meeting-file?id=<?cs var:f.id ?>"><?cs var:f.name ?></a> <span class="muted">(<?cs var:f.size_kb ?> KB)</span></li><?cs /each ?>
  </ul>
  <?cs /if ?>
  <p class="answer-state" id="state-<?cs var:m.id ?>"><?cs var:Lang.Meet.your_answer ?>: <strong><?cs var:Lang.Meet.Answer[m.answer] ?></strong><?cs if:m.answer == "leave" ?> (<?cs var:Lang.Meet.Decision[m.decision] ?><?cs if:m.decision_note ?>: <?cs var:m.decision_note ?><?cs /if ?>)<?cs /if ?><?cs if:m.answer == "delegate" ?> – <?cs var:m.dname ?>, <?cs var:m.dposition ?><?cs /if ?>
  <?cs if:m.no_opinion == 1 ?> <strong class="flag no-opinion" id="flag-<?cs var:m.id ?>">⚠ <?cs var:Lang.Meet.no_opinion ?></strong><?cs /if ?></p>
  <?cs if:m.closed == 1 ?><p class="muted"><?cs var:Lang.Meet.closed ?><?cs if:m.attended != "unknown" ?> <?cs var:Lang.Meet.attendance ?>: <?cs var:Lang.Meet.Attended[m.attended] ?><?cs /if ?></p>
  <?cs else ?>
  <form method="post" action="/report/meeting-answer" enctype="multipart/form-data" class="stack answer-form" novalidate id="form-<?cs var:m.id ?>">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <input type="hidden" name="meeting" value="<?cs var:m.id ?>">
    <input type="hidden" name="version" value="<?cs var:m.version ?>">
    <fieldset id="a-answer-<?cs var:m.id ?>"><legend><?cs var:Lang.Meet.answer_here ?></legend>
      <span id="a-closed-<?cs var:m.id ?>"></span><span id="a-conflict-<?cs var:m.id ?>"></span>
      <label><input type="radio" name="answer" value="attend" id="ans-attend-<?cs var:m.id ?>"<?cs if:m.answer == "attend" ?> checked<?cs /if ?>> <?cs var:Lang.Meet.answer_attend ?></label><br>
      <label><input type="radio" name="answer" value="leave" id="ans-leave-<?cs var:m.id ?>"<?cs if:m.answer == "leave" ?> checked<?cs /if ?>> <?cs var:Lang.Meet.answer_leave ?></label><br>
      <label><input type="radio" name="answer" value="delegate" id="ans-delegate-<?cs var:m.id ?>"<?cs if:m.answer == "delegate" ?> checked<?cs /if ?>> <?cs var:Lang.Meet.answer_delegate ?></label>
    </fieldset>
    <p class="field<?cs if:mine && Rm.error == "reason" ?> has-error<?cs /if ?>"><label for="a-reason-<?cs var:m.id ?>"><?cs var:Lang.Meet.reason ?></label>
    <textarea id="a-reason-<?cs var:m.id ?>" name="reason" rows="2" cols="60"><?cs var:m.reason ?></textarea></p>
    <p class="field<?cs if:mine && Rm.error == "dname" ?> has-error<?cs /if ?>"><label for="a-dname-<?cs var:m.id ?>"><?cs var:Lang.Meet.dname ?></label>
    <input id="a-dname-<?cs var:m.id ?>" name="dname" type="text" size="40" maxlength="255" value="<?cs var:m.dname ?>"></p>
    <p class="field<?cs if:mine && Rm.error == "dposition" ?> has-error<?cs /if ?>"><label for="a-dposition-<?cs var:m.id ?>"><?cs var:Lang.Meet.dposition ?></label>
    <input id="a-dposition-<?cs var:m.id ?>" name="dposition" type="text" size="40" maxlength="255" value="<?cs var:m.dposition ?>"></p>
    <p class="field"><label for="a-opinion-<?cs var:m.id ?>"><?cs var:Lang.Meet.opinion_text ?></label>
    <textarea id="a-opinion-<?cs var:m.id ?>" name="opinion" rows="4" cols="60" aria-describedby="a-oh-<?cs var:m.id ?>"><?cs var:m.opinion ?></textarea>
    <span class="hint" id="a-oh-<?cs var:m.id ?>"><?cs var:Lang.Meet.opinion_hint ?></span></p>
    <p class="field<?cs if:mine && (Rm.error == "file" || Rm.error == "file_not_delegate" || Rm.error == "many_files") ?> has-error<?cs /if ?>"><label for="a-file-<?cs var:m.id ?>"><?cs var:Lang.Meet.opinion_file ?> (≤ <?cs var:Rm.max_mb ?> MB)</label>
    <input id="a-file-<?cs var:m.id ?>" name="file" type="file">
    <span id="a-file_not_delegate-<?cs var:m.id ?>"></span><span id="a-many_files-<?cs var:m.id ?>"></span></p>
    <p><button type="submit" id="send-<?cs var:m.id ?>"><?cs var:Lang.Meet.send ?></button></p>
  </form>
  <?cs /if ?>
</article>
<?cs /each ?>
<?cs include:"footer.cs" ?>
