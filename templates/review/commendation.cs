<?cs set:Page.title = Lang.Ranking.Com.title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Ranking.Com.title ?> <?cs var:Com.year ?></h1>
<p><?cs var:Lang.Ranking.Com.intro ?></p>
<?cs if:Com.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Ranking.Com.saved ?></p><?cs /if ?>
<?cs if:Com.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <h2><?cs var:Lang.Ranking.Com.fix_errors ?></h2>
  <ul><li><a href="#note-<?cs var:Com.error_unit ?>"><?cs var:Lang.Ranking.Com.Err[Com.error] ?></a></li></ul>
</div>
<?cs /if ?>
<form method="get" action="/review/commendation" class="filters">
  <label for="c-year"><?cs var:Lang.Ranking.Com.choose_year ?></label>
  <select id="c-year" name="year"><?cs each:y = Com.years ?><option value="<?cs var:y ?>"<?cs if:y == Com.year ?> selected<?cs /if ?>><?cs var:y ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Ranking.Com.show ?></button>
  <a href="/review/commendation.csv?year=<?cs var:Com.year ?>" id="com-csv"><?cs var:Lang.Ranking.Com.csv ?></a>
</form>
<?cs each:k = Com.kinds ?>
<table class="grid" id="com-<?cs var:k.kind ?>">
  <caption><?cs var:k.name ?></caption>
  <thead><tr>
    <th scope="col" class="num"><?cs var:Lang.Ranking.Col.rank ?></th>
    <th scope="col"><?cs var:Lang.Ranking.Col.name ?></th>
    <th scope="col" class="num"><?cs var:Lang.Ranking.Col.ind ?></th>
    <th scope="col" class="num"><?cs var:Lang.Ranking.Col.time ?></th>
    <th scope="col" class="num"><?cs var:Lang.Ranking.Col.dir ?></th>
    <th scope="col" class="num"><?cs var:Lang.Ranking.Col.plan ?></th>
    <th scope="col" class="num"><?cs var:Lang.Ranking.Col.combined ?></th>
    <th scope="col"><?cs var:Lang.Ranking.Col.picked ?> / <?cs var:Lang.Ranking.Col.note ?></th>
  </tr></thead>
  <tbody>
  <?cs each:u = k.rows ?>
  <tr id="u-<?cs var:u.id ?>" data-code="<?cs var:u.code ?>" data-rank="<?cs var:u.rank ?>" data-combined="<?cs var:u.combined_raw ?>" data-picked="<?cs if:u.picked == "1" ?>1<?cs else ?>0<?cs /if ?>">
    <td class="num"><?cs var:u.rank ?></td>
    <th scope="row"><?cs var:u.name ?></th>
    <td class="num" data-value="<?cs var:u.ind_raw ?>"><?cs var:u.ind ?></td>
    <td class="num" data-value="<?cs var:u.time_raw ?>"><?cs var:u.time ?><?cs if:u.has_time == "1" ?> <small>(<?cs var:u.on_time ?>/<?cs var:u.forms ?>; <?cs var:u.days_late ?> <?cs var:Lang.days_late ?>)</small><?cs /if ?></td>
    <td class="num" data-value="<?cs var:u.dir_raw ?>"><?cs var:u.dir ?><?cs if:u.has_dir == "1" ?> <small>(<?cs var:u.dir_on_time ?>/<?cs var:u.dir_total ?>)</small><?cs /if ?></td>
    <td class="num" data-value="<?cs var:u.plan_raw ?>"><?cs var:u.plan ?><?cs if:u.has_plan == "1" ?> <small>(<?cs var:u.plan_on_time ?>/<?cs var:u.plan_total ?>)</small><?cs /if ?></td>
    <td class="num"><strong><?cs var:u.combined ?></strong></td>
    <td>
      <form method="post" action="/review/commendation" class="com-pick">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <input type="hidden" name="year" value="<?cs var:Com.year ?>">
        <input type="hidden" name="unit" value="<?cs var:u.id ?>">
        <input type="hidden" name="seen" value="<?cs var:u.seen ?>">
        <input type="checkbox" id="pick-<?cs var:u.id ?>" name="picked" value="1"<?cs if:u.picked == "1" ?> checked<?cs /if ?>>
        <label for="pick-<?cs var:u.id ?>"><?cs var:Lang.Ranking.Com.propose ?></label>
        <label for="note-<?cs var:u.id ?>" class="sr"><?cs var:Lang.Ranking.Com.note_label ?> <?cs var:u.name ?></label>
        <textarea id="note-<?cs var:u.id ?>" name="note" rows="2" cols="30"<?cs if:u.error ?> aria-invalid="true" aria-describedby="error-summary"<?cs /if ?>><?cs var:u.note ?></textarea>
        <button type="submit"><?cs var:Lang.Ranking.Com.save ?></button>
        <?cs if:u.by ?><small><?cs var:Lang.Ranking.Com.by ?> <?cs var:u.by ?>, <?cs var:u.at ?></small><?cs /if ?>
      </form>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /each ?>
<section aria-labelledby="com-formula-h">
<h2 id="com-formula-h"><?cs var:Lang.Ranking.formula_title ?></h2>
<p id="com-formula"><?cs var:Com.formula ?></p>
</section>
<?cs include:"footer.cs" ?>
