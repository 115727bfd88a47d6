<?cs set:Page.title = Lang.Review.asked_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/periods"><?cs var:Lang.Review.periods_title ?></a></p>
<h1><?cs var:Lang.Review.asked_title ?> – <?cs var:Ask.period.label ?></h1>
<p class="muted"><?cs var:Lang.Review.asked_hint ?></p>
<?cs if:Ask.period.locked == 1 ?><p class="notice"><?cs var:Lang.period_locked_note ?></p><?cs /if ?>
<form method="post" action="/review/period-indicators?period=<?cs var:Ask.period.id ?>">
<input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
<table class="asked">
  <thead><tr><th scope="col"><?cs var:Lang.indicator ?></th><?cs each:k = Lang.Kinds ?><th scope="col"><?cs var:k ?></th><?cs /each ?></tr></thead>
  <tbody>
  <?cs each:w = Ask.rows ?>
  <tr>
    <th scope="row"><?cs var:w.name ?><span class="meta"><?cs var:w.code ?><?cs if:w.active != 1 ?> · <?cs var:Lang.Review.retired ?><?cs /if ?></span></th>
    <?cs each:k = Lang.Kinds ?><td class="st-cell"><input type="checkbox" name="ask_<?cs name:k ?>_<?cs var:w.id ?>" value="1" aria-label="<?cs var:w.code ?> – <?cs var:k ?>"<?cs if:w.ask[name(k)] == 1 ?> checked<?cs /if ?><?cs if:Ask.period.locked == 1 ?> disabled<?cs /if ?>></td><?cs /each ?>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Ask.period.locked != 1 ?><p class="actions"><button type="submit" class="primary" id="btn-save-asked"><?cs var:Lang.Review.save ?></button></p><?cs /if ?>
</form>
<?cs include:"footer.cs" ?>
