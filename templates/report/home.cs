<?cs set:Page.title = Lang.report_home_title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.report_home_title ?></h1>
<nav class="subnav" aria-label="<?cs var:Lang.report_nav ?>">
  <a href="/report/" aria-current="page"><?cs var:Lang.report_nav_forms ?></a>
  <a href="/report/directions"><?cs var:Lang.report_nav_directions ?></a>
  <?cs if:Home.member == 1 ?><a href="/report/meetings"><?cs var:Lang.report_nav_meetings ?></a><?cs /if ?>
</nav>
<?cs if:Home.no_unit ?>
<p class="notice"><?cs var:Lang.no_unit ?></p>
<?cs elif:subcount(Home.periods) == 0 ?>
<p class="notice"><?cs var:Lang.no_periods ?></p>
<?cs else ?>
<table class="periods">
  <caption><?cs var:Lang.periods_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.period ?></th><th scope="col"><?cs var:Lang.due_date ?></th><th scope="col"><?cs var:Lang.status ?></th><th scope="col"><span class="sr"><?cs var:Lang.action ?></span></th></tr></thead>
  <tbody>
  <?cs each:p = Home.periods ?>
  <tr>
    <th scope="row"><?cs var:p.label ?></th>
    <td><?cs var:p.due ?></td>
    <td><span class="status st-<?cs var:p.status ?>"><?cs var:Lang.Status[p.status] ?></span><?cs if:p.days_late ?> (<?cs var:p.days_late ?> <?cs var:Lang.days_late ?>)<?cs /if ?><?cs if:p.locked == 1 ?> · <?cs var:Lang.locked ?><?cs /if ?></td>
    <td><a href="/report/form?period=<?cs var:p.id ?>"><?cs if:p.open == 1 && (p.status == "not_started" || p.status == "draft" || p.status == "returned") ?><?cs var:Lang.open_form ?><?cs else ?><?cs var:Lang.view_form ?><?cs /if ?></a></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs if:?Home.dir.open ?>
<section class="unit-work" aria-labelledby="h-unit-work" id="unit-work">
<h2 id="h-unit-work"><?cs var:Lang.Dir.Report.block_title ?></h2>
<ul>
  <li id="uw-open"><?cs var:Home.dir.open ?> <?cs var:Lang.Dir.Report.open_directions ?><?cs if:Home.dir.overdue > 0 ?>, <strong class="flag overdue" id="uw-overdue"><?cs var:Home.dir.overdue ?> <?cs var:Lang.Dir.Report.overdue_directions ?></strong><?cs /if ?></li>
  <li id="uw-tasks"><?cs var:Home.dir.tasks_open ?> <?cs var:Lang.Dir.Report.open_tasks ?><?cs if:Home.dir.tasks_overdue > 0 ?>, <strong class="flag overdue" id="uw-tasks-overdue"><?cs var:Home.dir.tasks_overdue ?> <?cs var:Lang.Dir.Report.overdue_tasks ?></strong><?cs /if ?></li>
</ul>
<p><a href="/report/directions"><?cs var:Lang.Dir.Report.see ?></a></p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
