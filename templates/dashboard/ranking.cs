<?cs set:Page.title = Lang.Dash.ranking_title ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<div class="dash-head">
  <h1><?cs var:Lang.Dash.ranking_title ?><?cs if:Dash.period.label ?> <span class="period-name"><?cs var:Dash.period.label ?></span><?cs /if ?></h1>
  <?cs call:dash_period_form("/dashboard/ranking", "", "") ?>
</div>
<?cs call:dash_run() ?>
<?cs if:Dash.period.computed == 1 ?>
<?cs if:subcount(Dash.ranking) > 0 ?>
<p class="muted"><?cs var:Lang.Dash.ranking_caption ?> · <a class="csv" href="/dashboard/csv?table=ranking&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></p>
<?cs each:k = Dash.rkinds ?>
<section class="rank-group" id="group-<?cs var:k.kind ?>" aria-labelledby="rk-<?cs var:k.kind ?>">
<h2 id="rk-<?cs var:k.kind ?>"><?cs var:k.name ?></h2>
<?cs call:dash_chart(k.chart, k.name) ?>
<div class="wide">
<table class="figures ranking" id="ranking-<?cs var:k.kind ?>">
  <caption><?cs var:Lang.Dash.ranking_title ?>: <?cs var:k.name ?></caption>
  <thead><tr><th scope="col" class="num"><?cs var:Lang.Dash.rank ?></th><th scope="col"><?cs var:Lang.Dash.unit ?></th><th scope="col" class="num"><?cs var:Lang.Dash.overall ?></th>
  <?cs each:c = Dash.rcols ?><th scope="col" class="num pcol"><a href="/dashboard/pillar?code=<?cs var:url_escape(c.code) ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:c.name ?></a></th><?cs /each ?>
  <th scope="col" class="num"><?cs var:Lang.Dash.indicators ?></th></tr></thead>
  <tbody>
  <?cs each:u = Dash.ranking ?><?cs if:u.kind == k.kind ?>
  <tr id="rank-<?cs var:u.code ?>"><td class="num"><?cs if:u.rank ?><?cs var:u.rank ?><?cs else ?>–<?cs /if ?></td>
    <th scope="row"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a></th>
    <td class="num overall"><?cs if:?u.score ?><?cs var:u.score ?><?cs else ?>–<?cs /if ?></td>
    <?cs each:c = Dash.rcols ?><td class="num"><?cs if:?u.p[c.code].score ?><?cs var:u.p[c.code].score ?><?cs else ?><span class="muted">–</span><?cs /if ?></td><?cs /each ?>
    <td class="num"><?cs var:u.indicators ?></td></tr>
  <?cs /if ?><?cs /each ?>
  </tbody>
</table>
</div>
</section>
<?cs /each ?>
<section class="legend" aria-labelledby="formula-h"><h2 id="formula-h"><?cs var:Lang.Dash.score_formula_title ?></h2>
<p id="score-formula"><?cs var:Lang.Dash.score_formula ?></p></section>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.ranking_none ?></p>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
