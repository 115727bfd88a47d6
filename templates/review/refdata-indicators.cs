<?cs include:"review/refdata-macros.cs" ?>
<?cs set:Page.title = Lang.RefData.ind_list_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.RefData.ind_list_title ?></h1>
<p class="muted"><?cs var:Lang.RefData.ind_list_intro ?></p>
<p><a href="/review/indicator" id="link-new-indicator"><?cs var:Lang.RefData.ind_new_link ?></a></p>
<form method="get" action="/review/indicators" class="inline-form filters">
  <label for="show"><?cs var:Lang.status ?></label>
  <select id="show" name="show">
    <?cs call:fm_opt(List.show, "active", Lang.RefData.ind_show_active + " (" + List.nactive + ")") ?>
    <?cs call:fm_opt(List.show, "retired", Lang.RefData.ind_show_retired + " (" + List.nretired + ")") ?>
    <?cs call:fm_opt(List.show, "all", Lang.RefData.ind_show_all) ?>
  </select>
  <label for="pillar"><?cs var:Lang.RefData.L.pillar ?></label>
  <select id="pillar" name="pillar">
    <option value=""><?cs var:Lang.RefData.ind_pillar_all ?></option>
    <?cs each:p = Pillars ?><?cs call:fm_opt(List.pillar, p.code, p.name) ?><?cs /each ?>
  </select>
  <button type="submit"><?cs var:Lang.RefData.filter ?></button>
</form>
<?cs if:List.ngroups == 0 ?><p id="no-indicators"><?cs var:Lang.RefData.ind_none ?></p><?cs /if ?>
<?cs each:g = Groups ?>
<table class="refdata" id="pillar-<?cs var:g.code ?>">
  <caption><?cs var:g.name ?></caption>
  <thead><tr>
    <th scope="col"><?cs var:Lang.RefData.L.code ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.name ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.uom ?> · <?cs var:Lang.RefData.L.vtype ?></th>
    <th scope="col"><?cs var:Lang.RefData.ind_kinds ?></th>
    <th scope="col"><?cs var:Lang.RefData.ind_codes ?></th>
    <th scope="col"><?cs var:Lang.RefData.ind_rules_targets ?></th>
    <th scope="col"><?cs var:Lang.status ?></th>
  </tr></thead>
  <tbody>
  <?cs each:i = g.rows ?>
  <tr id="ind-<?cs var:i.code ?>"<?cs if:i.active != 1 ?> class="retired"<?cs /if ?>>
    <th scope="row"><a href="/review/indicator?id=<?cs var:i.id ?>"><?cs var:i.code ?></a></th>
    <td><?cs var:i.name ?><?cs if:i.required == 1 ?> <abbr class="req" title="<?cs var:Lang.RefData.L.required ?>">*</abbr><?cs /if ?></td>
    <td><?cs var:i.uom ?> · <?cs var:Lang.RefData.VType[i.vtype] ?></td>
    <td><?cs each:k = i.k ?><?cs var:Lang.RefData.KindShort[k] ?><?cs if:!last(k) ?>, <?cs /if ?><?cs /each ?></td>
    <td><?cs if:i.ict ?>ICT <?cs var:i.ict ?> <?cs /if ?><?cs if:i.par ?>PAR <?cs var:i.par ?> <?cs /if ?><?cs if:i.dti ?>DTI <?cs var:i.dti ?><?cs /if ?></td>
    <td class="num"><?cs var:i.nrules ?> / <?cs var:i.ntargets ?></td>
    <td><?cs if:i.active == 1 ?><?cs var:Lang.RefData.ind_active ?><?cs else ?><span class="flag"><?cs var:Lang.RefData.ind_retired ?></span><?cs /if ?>
      <?cs if:i.verified == 1 ?><span class="flag info"><?cs var:Lang.RefData.ind_verified ?></span><?cs else ?><span class="flag"><?cs var:Lang.RefData.ind_unverified ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /each ?>
<?cs include:"footer.cs" ?>
