<?cs set:Page.title = Lang.Meet.att_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Meet.att_title ?> <?cs var:Att.year ?></h1>
<form method="get" action="/review/attendance" class="inline-form">
  <label for="a-year"><?cs var:Lang.Meet.year ?></label>
  <input id="a-year" name="year" type="text" inputmode="numeric" size="5" value="<?cs var:Att.year ?>">
  <label for="a-kind"><?cs var:Lang.Meet.att_kind ?></label>
  <select id="a-kind" name="kind"><?cs each:k = Lang.Meet.AttKind ?><option value="<?cs name:k ?>"<?cs if:Att.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Meet.show ?></button>
  <a href="/review/attendance.csv?year=<?cs var:Att.year ?>&amp;kind=<?cs var:url_escape(Att.kind) ?>" id="att-csv"><?cs var:Lang.Meet.att_csv ?></a>
</form>
<?cs if:subcount(Att.rows) == 0 ?><p class="muted" id="att-none"><?cs var:Lang.Meet.att_none ?></p><?cs else ?>
<table class="grid" id="attendance">
  <caption><?cs var:Lang.Meet.att_caption ?> (<?cs var:Lang.Meet.AttKind[Att.kind] ?>)</caption>
  <thead><tr><th scope="col"><?cs var:Lang.Meet.person ?></th><th scope="col"><?cs var:Lang.Meet.c_invited ?></th><th scope="col"><?cs var:Lang.Meet.c_present ?></th><th scope="col"><?cs var:Lang.Meet.c_leave ?></th><th scope="col"><?cs var:Lang.Meet.c_delegate ?></th><th scope="col"><?cs var:Lang.Meet.c_absent ?></th><th scope="col"><?cs var:Lang.Meet.c_no_opinion ?></th><th scope="col"><?cs var:Lang.Meet.c_unknown ?></th></tr></thead>
  <tbody>
  <?cs each:a = Att.rows ?>
  <tr id="att-<?cs var:a.user ?>"><th scope="row"><?cs var:a.name ?><?cs if:a.position ?><br><span class="muted"><?cs var:a.position ?></span><?cs /if ?></th>
    <td class="n-invited"><?cs var:a.invited ?></td><td class="n-present"><?cs var:a.present ?></td><td class="n-leave"><?cs var:a.leave ?></td><td class="n-delegate"><?cs var:a.delegate ?></td><td class="n-absent"><?cs var:a.absent ?></td><td class="n-no_opinion"><?cs var:a.no_opinion ?></td><td class="n-unknown"><?cs var:a.unknown ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
