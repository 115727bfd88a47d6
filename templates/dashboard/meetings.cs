<?cs set:Page.title = Lang.Meet.dash_title ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<h1><?cs var:Lang.Meet.dash_title ?></h1>
<?cs if:Dm.member == 1 ?><p><a href="/report/meetings" id="answer-link"><?cs var:Lang.Meet.answer_here ?></a></p><?cs /if ?>
<?cs if:Dm.m.id ?>
<section aria-labelledby="h-one" id="meeting-<?cs var:Dm.m.id ?>">
<h2 id="h-one"><?cs var:Dm.m.title ?></h2>
<p class="meta"><?cs var:Lang.Meet.Kind[Dm.m.kind] ?> · <?cs var:Dm.m.when ?> · <?cs var:Dm.m.place ?> · <?cs var:Lang.Meet.chair ?>: <?cs var:Dm.m.chair ?> · <?cs var:Lang.Meet.Status[Dm.m.status] ?></p>
<?cs if:Dm.m.notice ?><p class="pre"><?cs var:Dm.m.notice ?></p><?cs /if ?>
<h3><?cs var:Lang.Meet.agenda ?></h3>
<?cs if:subcount(Dm.agenda) == 0 ?><p class="muted"><?cs var:Lang.Meet.agenda_none ?></p><?cs else ?><ol><?cs each:a = Dm.agenda ?><li><?cs var:a.title ?><?cs if:a.presenter ?> <span class="muted">(<?cs var:a.presenter ?>)</span><?cs /if ?></li><?cs /each ?></ol><?cs /if ?>
<h3><?cs var:Lang.Meet.papers ?></h3>
<ul id="papers">
<?cs if:Dm.m.kind == "regular" && Dm.m.period > 0 ?><li id="briefing"><?cs if:Dm.m.briefing == 1 ?><a href="/dashboard/briefing?period=<?cs var:Dm.m.period ?>"><?cs var:Lang.Meet.briefing ?> – <?cs var:Dm.m.period_label ?></a><?cs else ?><span class="muted"><?cs var:Lang.Meet.briefing_none ?></span><?cs /if ?></li><?cs /if ?>
<?cs each:f = Dm.files ?><li><?cs var:Lang.Meet.FileKind[f.kind] ?>: <a href="<?cs var:Dm.files_at ?>?id=<?cs var:f.id ?>"><?cs var:f.name ?></a></li><?cs /each ?>
</ul>
<?cs if:subcount(Dm.files) == 0 && Dm.m.kind != "regular" ?><p class="muted"><?cs var:Lang.Meet.papers_none ?></p><?cs /if ?>
<?cs if:Dm.m.minutes ?><h3><?cs var:Lang.Meet.minutes ?></h3><p class="pre"><?cs var:Dm.m.minutes ?></p><?cs /if ?>
<table class="figures" id="invitations">
  <caption><?cs var:Lang.Meet.invitees ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Meet.person ?></th><th scope="col"><?cs var:Lang.Meet.answer ?></th><th scope="col"><?cs var:Lang.Meet.delegate ?></th><th scope="col"><?cs var:Lang.Meet.attendance ?></th></tr></thead>
  <tbody>
  <?cs each:i = Dm.inv ?>
  <tr data-flag="<?cs var:i.no_opinion ?>"><th scope="row"><?cs var:i.name ?><?cs if:i.position ?><br><span class="muted"><?cs var:i.position ?></span><?cs /if ?></th>
    <td><?cs var:Lang.Meet.Answer[i.answer] ?><?cs if:i.answer == "leave" ?> (<?cs var:Lang.Meet.Decision[i.decision] ?>)<?cs /if ?></td>
    <td><?cs if:i.answer == "delegate" ?><?cs var:i.dname ?>, <?cs var:i.dposition ?><?cs if:i.no_opinion == 1 ?> <strong class="flag no-opinion">⚠ <?cs var:Lang.Meet.no_opinion ?></strong><?cs /if ?><?cs /if ?></td>
    <td><?cs var:Lang.Meet.Attended[i.attended] ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<p><a href="/dashboard/meetings"><?cs var:Lang.Meet.back ?></a></p>
</section>
<?cs /if ?>
<?cs if:subcount(Dm.list) == 0 ?><p class="muted" id="meetings-none"><?cs var:Lang.Meet.none ?></p><?cs else ?>
<table class="figures" id="meetings">
  <caption><?cs var:Lang.Meet.list_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Meet.when ?></th><th scope="col"><?cs var:Lang.Meet.f_title ?></th><th scope="col"><?cs var:Lang.Meet.status ?></th><th scope="col"><?cs var:Lang.Meet.summary ?></th><th scope="col"><?cs var:Lang.Meet.no_opinion ?></th></tr></thead>
  <tbody>
  <?cs each:m = Dm.list ?>
  <tr id="row-<?cs var:m.id ?>" data-flag="<?cs var:m.no_opinion ?>">
    <td><?cs var:m.when ?><br><span class="muted"><?cs if:m.past == 1 ?><?cs var:Lang.Meet.past ?><?cs else ?><?cs var:Lang.Meet.upcoming ?><?cs /if ?></span></td>
    <th scope="row"><a href="/dashboard/meetings?id=<?cs var:m.id ?>"><?cs var:m.title ?></a><br><span class="muted"><?cs var:Lang.Meet.Kind[m.kind] ?> · <?cs var:m.chair ?></span></th>
    <td><?cs var:Lang.Meet.Status[m.status] ?></td>
    <td><?cs var:Lang.Meet.invited ?> <?cs var:m.invited ?> · <?cs var:Lang.Meet.Answer.attend ?> <?cs var:m.attend ?> · <?cs var:Lang.Meet.Answer.leave ?> <?cs var:m.pending ?>/<?cs var:m.approved ?>/<?cs var:m.refused ?> (<?cs var:Lang.Meet.Decision.pending ?>/<?cs var:Lang.Meet.Decision.approved ?>/<?cs var:Lang.Meet.Decision.refused ?>) · <?cs var:Lang.Meet.Answer.delegate ?> <?cs var:m.delegate ?> · <?cs var:Lang.Meet.Answer.none ?> <?cs var:m.none ?><?cs if:m.status == "held" ?><br><?cs var:Lang.Meet.Attended.present ?> <?cs var:m.present ?> · <?cs var:Lang.Meet.Attended.delegate ?> <?cs var:m.delegated ?> · <?cs var:Lang.Meet.Attended.absent ?> <?cs var:m.absent ?><?cs /if ?></td>
    <td><?cs if:m.no_opinion > 0 ?><strong class="flag no-opinion">⚠ <?cs var:m.no_opinion ?></strong><?cs else ?>0<?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
