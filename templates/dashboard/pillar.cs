<?cs set:Page.title = Dash.pillar.name ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<div class="dash-head">
  <h1><span class="kicker"><?cs var:Lang.Dash.pillar_title ?></span> <?cs var:Dash.pillar.name ?><?cs if:Dash.period.label ?> <span class="period-name"><?cs var:Dash.period.label ?></span><?cs /if ?></h1>
  <?cs call:dash_period_form("/dashboard/pillar", "code", Dash.pillar.code) ?>
</div>
<?cs call:dash_run() ?>
<?cs if:Dash.period.computed == 1 ?>
<section aria-labelledby="pillar-h">
<h2 id="pillar-h"><?cs var:Lang.Dash.pillar_chart ?></h2>
<?cs if:subcount(Dash.inds) > 0 ?>
<div class="chart-and-table">
<?cs call:dash_chart(Dash.chart, Lang.Dash.pillar_chart) ?>
<table class="figures" id="pillar-figures">
  <caption><?cs var:Lang.Dash.pillar_caption ?> <a class="csv" href="/dashboard/csv?table=pillar&amp;code=<?cs var:url_escape(Dash.pillar.code) ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.indicator ?></th><th scope="col" class="num"><?cs var:Lang.Dash.city ?></th><th scope="col" class="num"><?cs var:Lang.Dash.target ?></th>
  <th scope="col"><?cs var:Lang.Dash.progress ?></th><th scope="col"><?cs var:Lang.Dash.mark ?></th>
  <?cs each:k = Dash.kinds ?><th scope="col" class="num"><?cs var:Lang.Dash.Kind[k] ?></th><?cs /each ?>
  <th scope="col" class="num"><?cs var:Lang.Dash.units_reporting ?></th></tr></thead>
  <tbody>
  <?cs each:i = Dash.inds ?>
  <tr id="ind-<?cs var:i.code ?>" data-mark="<?cs var:i.mark ?>">
    <th scope="row"><a href="/dashboard/indicator?id=<?cs var:i.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:i.name ?></a></th>
    <td class="num value"><?cs call:dash_value(i) ?></td>
    <td class="num target"><?cs if:i.target ?><?cs var:i.target ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
    <td class="progress-cell"><?cs call:dash_progress(i) ?></td>
    <td><?cs call:dash_mark(i.mark) ?></td>
    <?cs each:k = Dash.kinds ?><td class="num"><?cs if:i.k[k].value ?><?cs var:i.k[k].value ?><?cs else ?><span class="muted">–</span><?cs /if ?></td><?cs /each ?>
    <td class="num"><?cs var:i.reporting ?>/<?cs var:i.asked ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.pillar_none ?></p>
<?cs /if ?>
</section>

<?cs if:subcount(Dash.best) > 0 ?>
<section aria-labelledby="pbest-h">
<h2 id="pbest-h"><?cs var:Lang.Dash.pillar_best ?></h2>
<div class="podiums">
<?cs each:k = Dash.best ?>
<?cs call:dash_podium(k) ?>
<?cs /each ?>
</div>
</section>
<?cs /if ?>
<?cs call:dash_legend() ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
