<?cs include:"review/refdata-macros.cs" ?>
<?cs set:Page.title = Lang.RefData.unit_list_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.RefData.unit_list_title ?></h1>
<p class="muted"><?cs var:Lang.RefData.unit_list_intro ?></p>
<?cs call:rd_flash() ?>
<p><a href="/review/unit-edit" id="link-new-unit"><?cs var:Lang.RefData.unit_new_link ?></a> · <a href="/review/unit-merge" id="link-merge"><?cs var:Lang.RefData.unit_merge_link ?></a></p>
<form method="get" action="/review/units" class="inline-form filters">
  <label for="show"><?cs var:Lang.status ?></label>
  <select id="show" name="show">
    <?cs call:fm_opt(List.show, "current", Lang.RefData.unit_show_current + " (" + List.ncurrent + ")") ?>
    <?cs call:fm_opt(List.show, "ended", Lang.RefData.unit_show_ended + " (" + List.nended + ")") ?>
    <?cs call:fm_opt(List.show, "all", Lang.RefData.unit_show_all) ?>
  </select>
  <label for="kind"><?cs var:Lang.RefData.L.kind ?></label>
  <select id="kind" name="kind">
    <option value=""><?cs var:Lang.RefData.unit_kind_all ?></option>
    <?cs call:fm_opt(List.kind, "department", Lang.RefData.Kind.department) ?>
    <?cs call:fm_opt(List.kind, "district", Lang.RefData.Kind.district) ?>
    <?cs call:fm_opt(List.kind, "commune", Lang.RefData.Kind.commune) ?>
    <?cs call:fm_opt(List.kind, "other", Lang.RefData.Kind.other) ?>
  </select>
  <button type="submit"><?cs var:Lang.RefData.filter ?></button>
</form>
<?cs if:List.nshown == 0 ?><p id="no-units"><?cs var:Lang.RefData.unit_none ?></p><?cs else ?>
<table class="refdata" id="units">
  <caption><?cs var:Lang.RefData.unit_list_title ?> (<?cs var:List.nshown ?>)</caption>
  <thead><tr>
    <th scope="col"><?cs var:Lang.RefData.L.code ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.name ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.kind ?></th>
    <th scope="col"><?cs var:Lang.RefData.unit_validity ?></th>
    <th scope="col"><?cs var:Lang.RefData.unit_successor ?></th>
    <th scope="col"><?cs var:Lang.RefData.unit_users ?></th>
  </tr></thead>
  <tbody>
  <?cs each:u = Units ?>
  <tr id="unit-<?cs var:u.code ?>"<?cs if:u.ended == 1 ?> class="retired"<?cs /if ?>>
    <th scope="row"><a href="/review/unit-edit?id=<?cs var:u.id ?>"><?cs var:u.code ?></a></th>
    <td><?cs var:u.name ?><?cs if:u.parent_code ?><span class="meta"><?cs var:Lang.RefData.unit_parent ?>: <?cs var:u.parent_name ?></span><?cs /if ?></td>
    <td><?cs var:Lang.RefData.KindShort[u.kind] ?></td>
    <td><?cs var:u.from ?> – <?cs var:u.to ?><?cs if:u.ended == 1 ?> <span class="flag"><?cs var:Lang.RefData.unit_ended ?></span><?cs elif:u.future == 1 ?> <span class="flag info"><?cs var:Lang.RefData.unit_future ?></span><?cs /if ?></td>
    <td><?cs if:u.succ_code ?><a href="/review/unit-edit?id=<?cs var:u.succ_id ?>"><?cs var:u.succ_name ?></a> (<?cs var:u.succ_code ?>)<?cs /if ?></td>
    <td class="num"><?cs var:u.users ?><?cs if:u.ended == 1 && u.users > 0 ?> <span class="flag" title="<?cs var:Lang.RefData.unit_users_warning ?>">!</span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
