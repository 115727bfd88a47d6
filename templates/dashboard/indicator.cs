<?cs set:Page.title = Dash.ind.name ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<div class="dash-head">
  <p class="crumbs"><a href="/dashboard/?period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.nav_overview ?></a> › <a href="/dashboard/pillar?code=<?cs var:url_escape(Dash.ind.pillar) ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Dash.ind.pillar_name ?></a></p>
  <h1><?cs var:Dash.ind.name ?><?cs if:Dash.period.label ?> <span class="period-name"><?cs var:Dash.period.label ?></span><?cs /if ?></h1>
  <?cs call:dash_period_form("/dashboard/indicator", "id", Dash.ind.id) ?>
</div>
<dl class="facts ind-facts">
  <dt><?cs var:Lang.Dash.code ?></dt><dd><code><?cs var:Dash.ind.code ?></code> · <?cs var:Dash.ind.uom ?></dd>
  <dt><?cs var:Lang.Dash.aggregation ?></dt><dd><?cs var:Lang.Dash.Agg[Dash.ind.agg] ?> · <?cs var:Lang.Dash.Dir[Dash.ind.dir] ?></dd>
</dl>
<?cs call:dash_run() ?>
<?cs if:Dash.period.computed == 1 ?>
<?cs if:Dash.city.mark ?>
<section class="kpis kpis-3" aria-label="<?cs var:Lang.Dash.city ?>" id="city">
  <div class="kpi"><span class="kpi-num"><?cs call:dash_value(Dash.city) ?></span><span class="kpi-label"><?cs var:Lang.Dash.city ?></span>
    <span class="kpi-sub"><?cs var:Lang.Dash.units_reporting ?>: <?cs var:Dash.city.reporting ?>/<?cs var:Dash.city.asked ?></span></div>
  <div class="kpi"><span class="kpi-num"><?cs if:Dash.city.target ?><?cs var:Dash.city.target ?><?cs else ?>–<?cs /if ?></span><span class="kpi-label"><?cs var:Lang.Dash.target ?></span>
    <span class="kpi-sub"><?cs if:?Dash.city.progress ?><?cs var:Lang.Dash.progress ?>: <?cs var:Dash.city.progress ?>%<?cs else ?>&nbsp;<?cs /if ?></span></div>
  <div class="kpi kpi-<?cs var:Dash.city.mark ?>"><span class="kpi-num"><span class="sym" aria-hidden="true"><?cs var:Lang.Dash.MarkSym[Dash.city.mark] ?></span></span><span class="kpi-label"><?cs call:dash_mark(Dash.city.mark) ?></span>
    <span class="kpi-sub"><?cs call:dash_progress(Dash.city) ?></span></div>
</section>
<?cs /if ?>

<section aria-labelledby="trend-h">
<h2 id="trend-h"><?cs var:Lang.Dash.trend_title ?></h2>
<?cs if:subcount(Dash.trend) > 0 ?>
<div class="chart-and-table">
<?cs call:dash_chart(Dash.chart_trend, Lang.Dash.trend_caption) ?>
<table class="figures" id="trend">
  <caption><?cs var:Lang.Dash.trend_caption ?> <a class="csv" href="/dashboard/csv?table=trend&amp;id=<?cs var:Dash.ind.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.period ?></th><th scope="col" class="num"><?cs var:Lang.Dash.value ?></th><th scope="col" class="num"><?cs var:Lang.Dash.target ?></th><th scope="col"><?cs var:Lang.Dash.progress ?></th><th scope="col"><?cs var:Lang.Dash.mark ?></th><th scope="col" class="num"><?cs var:Lang.Dash.units_reporting ?></th></tr></thead>
  <tbody>
  <?cs each:t = Dash.trend ?>
  <tr<?cs if:t.current ?> class="current" aria-current="true"<?cs /if ?> data-period="<?cs var:t.period ?>"><th scope="row"><a href="/dashboard/indicator?id=<?cs var:Dash.ind.id ?>&amp;period=<?cs var:t.period ?>"><?cs var:t.label ?></a></th>
    <td class="num value"><?cs call:dash_value(t) ?></td><td class="num"><?cs if:t.target ?><?cs var:t.target ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
    <td class="progress-cell"><?cs call:dash_progress(t) ?></td><td><?cs call:dash_mark(t.mark) ?></td><td class="num"><?cs var:t.reporting ?>/<?cs var:t.asked ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.trend_none ?></p>
<?cs /if ?>
</section>

<section aria-labelledby="units-h">
<h2 id="units-h"><?cs var:Lang.Dash.units_title ?></h2>
<?cs if:Dash.nunits > 0 ?>
<p class="muted"><?cs var:Lang.Dash.units_caption ?></p>
<?cs each:g = Dash.ugroups ?>
<div class="chart-and-table unit-group" id="group-<?cs var:g.kind ?>">
<h3><?cs var:g.name ?></h3>
<?cs call:dash_chart(g.chart, g.name) ?>
<table class="figures units" id="units-<?cs var:g.kind ?>">
  <caption><?cs var:g.name ?> – <?cs var:Dash.ind.name ?> <a class="csv" href="/dashboard/csv?table=units&amp;id=<?cs var:Dash.ind.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></caption>
  <thead><tr><th scope="col" class="num"><?cs var:Lang.Dash.rank ?></th><th scope="col"><?cs var:Lang.Dash.unit ?></th><th scope="col" class="num"><?cs var:Lang.Dash.value ?></th><th scope="col" class="num"><?cs var:Lang.Dash.target ?></th><th scope="col"><?cs var:Lang.Dash.progress ?></th><th scope="col"><?cs var:Lang.Dash.mark ?></th></tr></thead>
  <tbody>
  <?cs each:u = Dash.units ?><?cs if:u.kind == g.kind ?>
  <?cs if:u.scope == "kind" ?>
  <tr class="group kind-row" id="kind-<?cs var:u.kind ?>"><th colspan="2" scope="row"><?cs var:u.name ?> <span class="muted">(<?cs var:u.reporting ?>/<?cs var:u.asked ?>)</span></th>
    <td class="num value"><?cs call:dash_value(u) ?></td><td class="num"><?cs if:u.target ?><?cs var:u.target ?><?cs else ?><span class="muted">–</span><?cs /if ?></td><td class="progress-cell"><?cs call:dash_progress(u) ?></td><td><?cs call:dash_mark(u.mark) ?></td></tr>
  <?cs else ?>
  <tr id="unit-<?cs var:u.code ?>" data-mark="<?cs var:u.mark ?>"><td class="num"><?cs var:u.rank ?></td><th scope="row"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a></th>
    <td class="num value"><?cs call:dash_value(u) ?></td><td class="num"><?cs if:u.target ?><?cs var:u.target ?><?cs else ?><span class="muted">–</span><?cs /if ?></td><td class="progress-cell"><?cs call:dash_progress(u) ?></td><td><?cs call:dash_mark(u.mark) ?></td></tr>
  <?cs /if ?>
  <?cs /if ?><?cs /each ?>
  </tbody>
</table>
</div>
<?cs /each ?>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.units_none ?></p>
<?cs /if ?>
</section>
<?cs call:dash_legend() ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
