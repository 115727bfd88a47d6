<?cs set:Page.title = Lang.Review.home_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Review.home_title ?></h1>
<?cs if:Home.done == "aggregate" ?><p class="ok" role="status" id="flash"><?cs var:Lang.Review.aggregate_started ?></p><?cs /if ?>
<table class="periods">
  <caption><?cs var:Lang.Review.home_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.period ?></th><th scope="col"><?cs var:Lang.due_date ?></th><th scope="col"><?cs var:Lang.status ?></th>
  <th scope="col" class="num"><?cs var:Lang.Review.units_asked ?></th><th scope="col" class="num"><?cs var:Lang.Review.waiting ?></th><th scope="col" class="num"><?cs var:Lang.Status.accepted ?></th><th scope="col" class="num"><?cs var:Lang.Status.returned ?></th><th scope="col" class="num"><?cs var:Lang.Status.draft ?></th><th scope="col"><span class="sr"><?cs var:Lang.action ?></span></th></tr></thead>
  <tbody>
  <?cs each:p = Home.periods ?>
  <tr>
    <th scope="row"><?cs var:p.label ?></th>
    <td><?cs var:p.due ?></td>
    <td><?cs if:p.locked == 1 ?><?cs var:Lang.Review.locked ?><?cs elif:p.open == 1 ?><?cs var:Lang.Review.open ?><?cs else ?><?cs var:Lang.Review.closed ?><?cs /if ?></td>
    <td class="num"><?cs var:p.units ?></td>
    <td class="num"><a href="/review/queue?period=<?cs var:p.id ?>"><?cs var:p.submitted ?></a></td>
    <td class="num"><?cs var:p.accepted ?></td>
    <td class="num"><?cs var:p.returned ?></td>
    <td class="num"><?cs var:p.draft ?></td>
    <td><a href="/review/completeness?period=<?cs var:p.id ?>"><?cs var:Lang.Review.see_completeness ?></a>
      <form method="post" action="/review/aggregate" class="inline-form">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <input type="hidden" name="period" value="<?cs var:p.id ?>">
        <button type="submit" class="link-button"><?cs var:Lang.Review.aggregate ?></button>
      </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs include:"footer.cs" ?>
