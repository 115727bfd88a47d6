<?cs include:"review/refdata-macros.cs" ?>
<?cs set:Page.title = Lang.RefData.user_list_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.RefData.user_list_title ?></h1>
<p class="muted"><?cs var:Lang.RefData.user_list_intro ?></p>
<p><a href="/review/user" id="link-new-user"><?cs var:Lang.RefData.user_new_link ?></a></p>
<form method="get" action="/review/users" class="inline-form filters">
  <label for="show"><?cs var:Lang.status ?></label>
  <select id="show" name="show">
    <?cs call:fm_opt(List.show, "active", Lang.RefData.user_show_active + " (" + List.nactive + ")") ?>
    <?cs call:fm_opt(List.show, "disabled", Lang.RefData.user_show_disabled + " (" + List.ndisabled + ")") ?>
    <?cs call:fm_opt(List.show, "all", Lang.RefData.user_show_all) ?>
  </select>
  <button type="submit"><?cs var:Lang.RefData.filter ?></button>
</form>
<?cs if:List.nshown == 0 ?><p id="no-users"><?cs var:Lang.RefData.user_none ?></p><?cs else ?>
<table class="refdata" id="users">
  <caption><?cs var:Lang.RefData.user_list_title ?> (<?cs var:List.nshown ?>)</caption>
  <thead><tr>
    <th scope="col"><?cs var:Lang.RefData.L.login ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.display_name ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.unit ?></th>
    <th scope="col"><?cs var:Lang.RefData.L.roles ?></th>
    <th scope="col"><?cs var:Lang.status ?></th>
  </tr></thead>
  <tbody>
  <?cs each:u = Users ?>
  <tr id="user-<?cs var:u.id ?>"<?cs if:u.active != 1 ?> class="retired"<?cs /if ?>>
    <th scope="row"><a href="/review/user?id=<?cs var:u.id ?>"><?cs var:u.login ?></a></th>
    <td><?cs var:u.name ?><?cs if:u.email ?><span class="meta"><?cs var:u.email ?></span><?cs /if ?></td>
    <td><?cs if:u.unit_code ?><?cs var:u.unit_name ?> (<?cs var:u.unit_code ?>)<?cs /if ?></td>
    <td><?cs each:ro = u.roles ?><?cs var:Lang.RefData.Role[ro] ?><?cs if:!last(ro) ?>, <?cs /if ?><?cs /each ?></td>
    <td><?cs if:u.active == 1 ?><?cs var:Lang.RefData.user_active ?><?cs else ?><span class="flag"><?cs var:Lang.RefData.user_disabled ?></span><?cs /if ?><?cs if:u.locked == 1 ?> <span class="flag"><?cs var:Lang.RefData.user_locked ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
