<?cs set:Page.title = Dash.unit.name ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<div class="dash-head">
  <p class="crumbs"><a href="/dashboard/?period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.nav_overview ?></a> › <a href="/dashboard/ranking?period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.nav_ranking ?></a></p>
  <h1><?cs var:Dash.unit.name ?><?cs if:Dash.period.label ?> <span class="period-name"><?cs var:Dash.period.label ?></span><?cs /if ?></h1>
  <?cs call:dash_period_form("/dashboard/unit", "id", Dash.unit.id) ?>
</div>
<?cs if:Dash.unit.code ?>
<dl class="facts unit-facts">
  <dt><?cs var:Lang.Dash.kind ?></dt><dd><?cs var:Lang.Dash.Kind[Dash.unit.kind] ?> · <code><?cs var:Dash.unit.code ?></code></dd>
  <dt><?cs var:Lang.Dash.unit_delivery ?></dt><dd id="delivery" data-state="<?cs var:Dash.unit.state ?>"><?cs call:dash_state(Dash.unit.state) ?><?cs if:Dash.unit.submitted ?> · <?cs var:Lang.Dash.submitted_on ?> <?cs var:Dash.unit.submitted ?><?cs /if ?><?cs if:Dash.unit.days > 0 ?> · <?cs var:Dash.unit.days ?> <?cs var:Lang.Dash.days ?><?cs /if ?> · <?cs var:Lang.Dash.lm_due ?> <?cs var:Dash.period.due ?></dd>
  <?cs if:Dash.unit.valid_to ?><dt><?cs var:Lang.Dash.valid ?></dt><dd><?cs var:Lang.Dash.valid_from ?> <?cs var:Dash.unit.valid_from ?> <?cs var:Lang.Dash.valid_to ?> <?cs var:Dash.unit.valid_to ?><?cs if:Dash.unit.successor ?> · <?cs var:Lang.Dash.successor ?> <a href="/dashboard/unit?id=<?cs var:Dash.unit.successor_id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Dash.unit.successor ?></a><?cs /if ?></dd><?cs /if ?>
</dl>
<?cs /if ?>
<?cs call:dash_run() ?>
<?cs if:Dash.period.computed == 1 ?>
<?cs if:subcount(Dash.scores) > 0 ?>
<section aria-labelledby="scores-h">
<h2 id="scores-h"><?cs var:Lang.Dash.unit_scores ?></h2>
<table class="figures scores" id="scores">
  <caption class="sr"><?cs var:Lang.Dash.scores_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.pillar ?></th><th scope="col" class="num"><?cs var:Lang.Dash.score ?></th><th scope="col" class="num"><?cs var:Lang.Dash.rank ?></th><th scope="col" class="num"><?cs var:Lang.Dash.indicators ?></th></tr></thead>
  <tbody>
  <?cs each:s = Dash.scores ?>
  <tr id="score-<?cs if:s.pillar ?><?cs var:s.pillar ?><?cs else ?>overall<?cs /if ?>"<?cs if:s.pillar == "" ?> class="overall"<?cs /if ?>><th scope="row"><?cs var:s.name ?></th><td class="num"><?cs if:?s.score ?><?cs var:s.score ?><?cs else ?>–<?cs /if ?></td>
    <td class="num"><?cs if:s.rank && ?s.score ?><?cs var:s.rank ?> <span class="muted"><?cs var:Lang.Dash.rank_of ?> <?cs var:s.of ?></span><?cs else ?>–<?cs /if ?></td><td class="num"><?cs var:s.indicators ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</section>
<?cs /if ?>

<section aria-labelledby="values-h">
<h2 id="values-h"><?cs var:Lang.Dash.unit_values ?></h2>
<?cs if:subcount(Dash.values) > 0 ?>
<div class="chart-and-table">
<?cs call:dash_chart(Dash.chart, Lang.Dash.unit_chart) ?>
<table class="figures unit-values" id="values">
  <caption><?cs var:Lang.Dash.unit_values_caption ?> <a class="csv" href="/dashboard/csv?table=unit&amp;id=<?cs var:Dash.unit.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></caption>
  <colgroup><col class="c-name"><col class="c-val"><col class="c-val"><col class="c-prog"><col class="c-mark"><col class="c-val"><col class="c-val"><col class="c-cmp"></colgroup>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.indicator ?></th><th scope="col" class="num"><?cs var:Lang.Dash.value ?></th><th scope="col" class="num"><?cs var:Lang.Dash.target ?></th><th scope="col"><?cs var:Lang.Dash.progress ?></th><th scope="col"><?cs var:Lang.Dash.mark ?></th>
  <th scope="col" class="num"><?cs var:Lang.Dash.kind_value ?></th><th scope="col" class="num"><?cs var:Lang.Dash.city_value ?></th><th scope="col"><?cs var:Lang.Dash.vs_city ?></th></tr></thead>
  <tbody>
  <?cs each:v = Dash.values ?>
  <?cs if:v.first ?><tr class="group"><th colspan="8" scope="rowgroup"><?cs var:v.pillar_name ?></th></tr><?cs /if ?>
  <tr id="ind-<?cs var:v.code ?>" data-mark="<?cs var:v.mark ?>">
    <th scope="row"><a href="/dashboard/indicator?id=<?cs var:v.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:v.name ?></a></th>
    <td class="num value"><?cs call:dash_value(v) ?></td><td class="num"><?cs if:v.target ?><?cs var:v.target ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
    <td class="progress-cell"><?cs call:dash_progress(v) ?></td><td><?cs call:dash_mark(v.mark) ?></td>
    <td class="num"><?cs if:v.kind_value ?><?cs var:v.kind_value ?><?cs else ?><span class="muted">–</span><?cs /if ?></td><td class="num"><?cs if:v.city ?><?cs var:v.city ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
    <td><?cs if:v.vs_city == "better" ?><span class="cmp better"><span aria-hidden="true">↑</span> <?cs var:v.vs_city_text ?></span><?cs elif:v.vs_city == "worse" ?><span class="cmp worse"><span aria-hidden="true">↓</span> <?cs var:v.vs_city_text ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.unit_none ?></p>
<?cs /if ?>
</section>
<?cs call:dash_legend() ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
